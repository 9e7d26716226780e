import type { Dispatcher } from 'undici';
import { JwtAccessTokenVerifier, type AccessTokenClaims, type AccessTokenVerifier, type VerifyAccessTokenOptions } from './access-token';
import type { ResolvedClientOptions } from './client-options';
import { formAuthentication, type FormAuthentication } from './endpoint-auth';
import { AccessTokenError } from './errors';
import type { IdTokenVerifier } from './id-token';
import { introspectToken, type IntrospectionResult } from './introspection';
import type { JwksCache } from './jwks-cache';
import type { OidcContext } from './oidc-request';
import { buildProfile } from './profile';
import { refreshTokens, type GenAuthRefresh, type RefreshOptions } from './refresh';
import { revokeToken, type TokenCallOptions } from './revocation';
import { fetchUserInfo, type UserInfoClaims } from './userinfo';

/** What the lifecycle shares with the client that owns it. */
export interface TokenLifecycleParts {
  readonly options: ResolvedClientOptions;
  readonly dispatcher: Dispatcher;
  /** The client's headers for GenAuth (`accept`, `x-authing-app-id`, user agent, language); no content type. */
  readonly headers: Readonly<Record<string, string>>;
  /** The client's key set, shared with id_token verification. */
  readonly jwks: JwksCache;
  /** The client's id_token verifier: a refreshed id_token is verified exactly as a login's. */
  readonly idTokens: IdTokenVerifier;
}

/**
 * Everything after the login, for one GenAuth application: offline access-token verification and the
 * `/oidc/*` calls (refresh, revocation, introspection, userinfo), each endpoint with the client
 * authentication the console configures for it.
 */
export class TokenLifecycle {
  readonly #context: OidcContext;
  readonly #tokenAuth: FormAuthentication;
  readonly #revocationAuth: FormAuthentication;
  readonly #introspectionAuth: FormAuthentication;
  readonly #accessTokens: AccessTokenVerifier;
  readonly #idTokens: IdTokenVerifier;

  constructor({ options, dispatcher, headers, jwks, idTokens }: TokenLifecycleParts) {
    const { appId, appSecret } = options;
    this.#context = {
      base: `${options.appHost}/oidc`,
      headers,
      dispatcher,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxResponseBytes,
      appSecret,
    };
    this.#tokenAuth = formAuthentication(options.tokenEndpointAuthMethod, appId, appSecret);
    this.#revocationAuth = formAuthentication(options.revocationEndpointAuthMethod, appId, appSecret);
    this.#introspectionAuth = formAuthentication(options.introspectionEndpointAuthMethod, appId, appSecret);
    this.#accessTokens = new JwtAccessTokenVerifier({
      issuer: options.idToken.issuer,
      audience: appId,
      clockToleranceSec: options.idToken.clockToleranceSec,
      jwks,
    });
    this.#idTokens = idTokens;
  }

  verifyAccessToken(token: string, options?: VerifyAccessTokenOptions): Promise<AccessTokenClaims> {
    if (typeof token !== 'string' || token === '') return Promise.reject(new AccessTokenError(undefined, 'An access token is required'));
    return this.#accessTokens.verify(token, options);
  }

  async refresh(refreshToken: string, options: RefreshOptions = {}): Promise<GenAuthRefresh> {
    const tokens = await refreshTokens(this.#context, this.#tokenAuth, refreshToken, options, () => Math.floor(Date.now() / 1000));
    const claims = await this.#idTokens.verify(tokens.idToken);
    return { tokens, claims, profile: buildProfile(options.connection ?? '', claims, tokens.idToken) };
  }

  revoke(token: string, options: TokenCallOptions = {}): Promise<void> {
    return revokeToken(this.#context, this.#revocationAuth, token, options);
  }

  introspect(token: string, options: TokenCallOptions = {}): Promise<IntrospectionResult> {
    return introspectToken(this.#context, this.#introspectionAuth, token, options);
  }

  userInfo(accessToken: string, options: { readonly signal?: AbortSignal } = {}): Promise<UserInfoClaims> {
    return fetchUserInfo(this.#context, accessToken, options.signal);
  }
}

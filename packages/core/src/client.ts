import type { Dispatcher } from 'undici';
import type { AccessTokenClaims, VerifyAccessTokenOptions } from './access-token';
import { clientAuthentication } from './client-auth';
import { resolveClientOptions, type GenAuthClientOptions, type ResolvedClientOptions } from './client-options';
import { reportJwksFetch } from './diagnostics/jwks-fetch';
import { observeExchange, signInExchange } from './diagnostics/observe-exchange';
import { IdTokenVerifier } from './id-token';
import type { IntrospectionResult } from './introspection';
import { JwksCache } from './jwks-cache';
import { buildProfile } from './profile';
import type { GenAuthRefresh, RefreshOptions } from './refresh';
import type { TokenCallOptions } from './revocation';
import { processSignInResponse } from './sign-in-response';
import { hmacKey } from './signed-token';
import { TokenLifecycle } from './token-lifecycle';
import { exchange } from './transport';
import { createAgent } from './undici-parts';
import type { GenAuthSignIn, SignInByMobileRequest, TokenEndpointAuthMethod } from './types';
import type { UserInfoClaims } from './userinfo';

/** What `client.warmUp()` did: the number of keys fetched, or why it failed. */
export type WarmUpResult =
  { readonly ok: true; readonly keys: number; readonly durationMs: number } | { readonly ok: false; readonly error: unknown; readonly durationMs: number };

const USER_AGENT = 'passport-genauth/0.1 (+https://www.npmjs.com/package/@passport-genauth/core)';

/**
 * One GenAuth application: its configuration, client authentication, a keep-alive connection pool,
 * and its id_token keys. Share one client between strategies so they share the pool and the JWKS cache.
 */
export class GenAuthClient {
  /** The application domain, without a trailing slash. */
  readonly appHost: string;
  /** The application id. */
  readonly appId: string;
  /** The configured client authentication method. */
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  readonly #options: ResolvedClientOptions;
  /** The sign-in request's headers, client authentication included: the same for every request. */
  readonly #signInHeaders: Readonly<Record<string, string>>;
  /** What client authentication adds to every sign-in body (`client_secret_post`), if anything. */
  readonly #bodyAuthentication: Readonly<Record<string, unknown>> | undefined;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #verifier: IdTokenVerifier;
  readonly #endpoint: string;
  readonly #baseHeaders: Readonly<Record<string, string>>;
  readonly #lifecycle: TokenLifecycle;
  readonly #jwks: JwksCache;
  #warmUp: Promise<WarmUpResult> | undefined;

  /** Validates the options; throws `ConfigurationError` naming each bad option. */
  constructor(options: GenAuthClientOptions) {
    const resolved = resolveClientOptions(options);
    this.#options = resolved;
    this.appHost = resolved.appHost;
    this.appId = resolved.appId;
    this.tokenEndpointAuthMethod = resolved.tokenEndpointAuthMethod;
    this.#ownsDispatcher = resolved.dispatcher === undefined;
    this.#dispatcher = resolved.dispatcher ?? createAgent({ keepAliveTimeout: 30_000, connections: 256 });
    this.#endpoint = `${resolved.appHost}/api/v3/signin-by-mobile`;
    this.#baseHeaders = Object.freeze({
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': USER_AGENT,
      'x-authing-app-id': resolved.appId,
      ...(resolved.lang ? { 'x-authing-lang': resolved.lang } : {}),
    });
    // Client authentication depends on the client alone: applied once here, not per login.
    const signInHeaders: Record<string, string> = { ...this.#baseHeaders };
    const bodyAuthentication: Record<string, unknown> = {};
    clientAuthentication(resolved.tokenEndpointAuthMethod, resolved.appId, resolved.appSecret)(bodyAuthentication, signInHeaders);
    this.#signInHeaders = Object.freeze(signInHeaders);
    this.#bodyAuthentication = Object.keys(bodyAuthentication).length > 0 ? Object.freeze(bodyAuthentication) : undefined;
    // One key set for id_tokens and access tokens: one fetch, one refetch cooldown.
    const jwks = new JwksCache({
      uri: resolved.idToken.jwksUri,
      dispatcher: this.#dispatcher,
      timeoutMs: resolved.idToken.jwksTimeoutMs,
      cooldownMs: resolved.idToken.jwksCooldownMs,
      maxAgeMs: resolved.idToken.jwksMaxAgeMs,
      onFetch: reportJwksFetch,
    });
    this.#jwks = jwks;
    this.#verifier = new IdTokenVerifier({
      verify: resolved.idToken.verify,
      issuer: resolved.idToken.issuer,
      audience: resolved.appId,
      clockToleranceSec: resolved.idToken.clockToleranceSec,
      secret: hmacKey(resolved.appSecret),
      jwks,
    });
    const { 'content-type': _json, ...oidcHeaders } = this.#baseHeaders;
    this.#lifecycle = new TokenLifecycle({ options: resolved, dispatcher: this.#dispatcher, headers: oidcHeaders, jwks, idTokens: this.#verifier });
    if (resolved.warmUp) void this.warmUp();
  }

  /**
   * Fetches the app's keys now (and so opens a pooled connection to GenAuth), so that the first
   * logins and API calls of a process that starts under load do not wait for the JWKS. Never throws:
   * resolves with what happened. Concurrent calls, and logins meeting a missing key meanwhile, share
   * the one fetch.
   */
  warmUp(): Promise<WarmUpResult> {
    this.#warmUp ??= this.#warmUpOnce();
    return this.#warmUp;
  }

  async #warmUpOnce(): Promise<WarmUpResult> {
    const started = performance.now();
    try {
      const keys = await this.#jwks.warmUp();
      return { ok: true, keys, durationMs: performance.now() - started };
    } catch (error) {
      // A later login retries the fetch: a failed warm-up must not stick.
      this.#warmUp = undefined;
      return { ok: false, error, durationMs: performance.now() - started };
    }
  }

  /**
   * Exchanges a mobile credential for GenAuth tokens: exactly one `POST /api/v3/signin-by-mobile`,
   * never retried (the credential is one-time), then the id_token is verified and the profile built.
   */
  async signInByMobile(request: SignInByMobileRequest): Promise<GenAuthSignIn> {
    const body: Record<string, unknown> = {
      connection: request.connection,
      extIdpConnidentifier: request.extIdpConnidentifier,
      [request.payloadKey]: request.payload,
    };
    if (request.options && Object.keys(request.options).length > 0) body.options = request.options;
    if (this.#bodyAuthentication) Object.assign(body, this.#bodyAuthentication);
    const headers = this.#signInHeaders;
    const tokens = await observeExchange(
      () => signInExchange(this, request),
      async (observed) => {
        const response = await exchange(this.#endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          dispatcher: this.#dispatcher,
          timeoutMs: this.#options.timeoutMs,
          maxBytes: this.#options.maxResponseBytes,
          signal: request.signal,
        });
        if (observed) observed.httpStatus = response.status;
        return processSignInResponse(response, Math.floor(Date.now() / 1000));
      },
    );
    const claims = await this.#verifier.verify(tokens.idToken);
    return { tokens, claims, profile: buildProfile(request.connection, claims, tokens.idToken) };
  }

  /**
   * Verifies a GenAuth access token offline (an API call's `Authorization: Bearer`): RS256 through the
   * app's JWKS only, `iss`, `aud` = appId, `exp`/`nbf`, a non-empty `sub`, and every scope in
   * `options.scopes`. Throws `AccessTokenError` (`invalid_token` 401, `insufficient_scope` 403). A
   * revoked token stays valid here until `exp`: use `introspect` to see revocation.
   */
  verifyAccessToken(token: string, options?: VerifyAccessTokenOptions): Promise<AccessTokenClaims> {
    return this.#lifecycle.verifyAccessToken(token, options);
  }

  /**
   * Exchanges a refresh token for new tokens (`POST /oidc/token`, sent once), verifies the new
   * id_token like a login's and builds the profile. `tokens.refreshToken` is the one to store from now
   * on (GenAuth's, or the presented one when GenAuth returns none). A refused refresh token is a
   * `GrantRejectedError` (401: sign in again).
   */
  refresh(refreshToken: string, options?: RefreshOptions): Promise<GenAuthRefresh> {
    return this.#lifecycle.refresh(refreshToken, options);
  }

  /**
   * Revokes an access or refresh token (`POST /oidc/token/revocation`): a refresh token ends its whole
   * grant. Resolves also for unknown or already revoked tokens.
   */
  revoke(token: string, options?: TokenCallOptions): Promise<void> {
    return this.#lifecycle.revoke(token, options);
  }

  /** Asks GenAuth whether a token is still active (`POST /oidc/token/introspection`): sees revocation. */
  introspect(token: string, options?: TokenCallOptions): Promise<IntrospectionResult> {
    return this.#lifecycle.introspect(token, options);
  }

  /** The user's OIDC claims for an access token (`GET /oidc/me`); a bad or revoked token is an `AccessTokenError`. */
  userInfo(accessToken: string, options?: { readonly signal?: AbortSignal }): Promise<UserInfoClaims> {
    return this.#lifecycle.userInfo(accessToken, options);
  }

  /** Closes the connection pool, if the client created it. */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** Safe to log: never the secret. */
  toJSON(): Record<string, unknown> {
    return { appHost: this.appHost, appId: this.appId, tokenEndpointAuthMethod: this.tokenEndpointAuthMethod };
  }
}

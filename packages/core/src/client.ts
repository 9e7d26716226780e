import { Agent, type Dispatcher } from 'undici';
import { clientAuthentication, type ClientAuthentication } from './client-auth';
import { resolveClientOptions, type GenAuthClientOptions, type ResolvedClientOptions } from './client-options';
import { IdTokenVerifier } from './id-token';
import { JwksCache } from './jwks-cache';
import { buildProfile } from './profile';
import { processSignInResponse } from './sign-in-response';
import { exchange } from './transport';
import type { GenAuthSignIn, SignInByMobileRequest, TokenEndpointAuthMethod } from './types';

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
  readonly #authenticate: ClientAuthentication;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #verifier: IdTokenVerifier;
  readonly #endpoint: string;
  readonly #baseHeaders: Readonly<Record<string, string>>;

  /** Validates the options; throws `ConfigurationError` naming each bad option. */
  constructor(options: GenAuthClientOptions) {
    const resolved = resolveClientOptions(options);
    this.#options = resolved;
    this.appHost = resolved.appHost;
    this.appId = resolved.appId;
    this.tokenEndpointAuthMethod = resolved.tokenEndpointAuthMethod;
    this.#authenticate = clientAuthentication(resolved.tokenEndpointAuthMethod, resolved.appId, resolved.appSecret);
    this.#ownsDispatcher = resolved.dispatcher === undefined;
    this.#dispatcher = resolved.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 256 });
    this.#endpoint = `${resolved.appHost}/api/v3/signin-by-mobile`;
    this.#baseHeaders = Object.freeze({
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': USER_AGENT,
      'x-authing-app-id': resolved.appId,
      ...(resolved.lang ? { 'x-authing-lang': resolved.lang } : {}),
    });
    this.#verifier = new IdTokenVerifier({
      verify: resolved.idToken.verify,
      issuer: resolved.idToken.issuer,
      audience: resolved.appId,
      clockToleranceSec: resolved.idToken.clockToleranceSec,
      secret: resolved.appSecret ? new TextEncoder().encode(resolved.appSecret) : undefined,
      jwks: new JwksCache({
        uri: resolved.idToken.jwksUri,
        dispatcher: this.#dispatcher,
        timeoutMs: resolved.idToken.jwksTimeoutMs,
        cooldownMs: resolved.idToken.jwksCooldownMs,
      }),
    });
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
    const headers: Record<string, string> = { ...this.#baseHeaders };
    this.#authenticate(body, headers);
    const response = await exchange(this.#endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      dispatcher: this.#dispatcher,
      timeoutMs: this.#options.timeoutMs,
      maxBytes: this.#options.maxResponseBytes,
      signal: request.signal,
    });
    const tokens = processSignInResponse(response, Math.floor(Date.now() / 1000));
    const claims = await this.#verifier.verify(tokens.idToken);
    return { tokens, claims, profile: buildProfile(request.connection, claims, tokens.idToken) };
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

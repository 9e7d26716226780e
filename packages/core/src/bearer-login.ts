import { requireScopes, scopesOf, type AccessTokenClaims } from './access-token';
import type { BearerClient, BearerSettings } from './bearer-options';
import { scopeToken } from './bearer-options';
import { readBearerToken } from './bearer-token';
import type { LoginObserver } from './diagnostics/observe-login';
import { AccessTokenError, ConfigurationError, isGenAuthError, type BearerErrorCode } from './errors';
import type { GenAuthAuthInfo, GenAuthFailure, LoginOutcome } from './outcome';
import type { GenAuthRequest } from './request';
import { callVerify } from './verify';
import { bearerChallenge } from './www-authenticate';

/** Options a route may pass to `passport.authenticate('genauth-bearer', options)`. */
export interface GenAuthBearerAuthenticateOptions {
  /** Scopes this route requires on top of the strategy's `scopes`. */
  readonly scopes?: readonly string[];
  /** With a `GenAuthApps` client: the app this route is for (else the registry's `select(req)`). */
  readonly app?: string;
  readonly [key: string]: unknown;
}

/** The failure of a bearer request: the JSON fields of a failed login, plus its RFC 6750 challenge. */
export interface GenAuthBearerFailure extends GenAuthFailure {
  /** RFC 6750 `error`; absent when no token was sent. */
  readonly error?: BearerErrorCode;
  /** The `WWW-Authenticate` value this failure is answered with. */
  readonly wwwAuthenticate: string;
}

/**
 * What `req.authInfo` holds after a bearer request: the verified claims, the granted `scopes` as a
 * list, and the token itself as the non-enumerable `accessToken` (to call `userInfo` or an API
 * downstream; never in JSON or logs).
 */
export type GenAuthBearerInfo = AccessTokenClaims & {
  readonly scopes: readonly string[];
  readonly accessToken: string;
  /** With a `GenAuthApps` client: the alias of the app the token was verified for. */
  readonly app?: string;
};

function requiredScopes(settings: BearerSettings, options: GenAuthBearerAuthenticateOptions | undefined): readonly string[] {
  const route = options?.scopes;
  if (route === undefined) return settings.scopes;
  const parsed = scopeToken.array().safeParse(route);
  if (!parsed.success) throw new ConfigurationError(`Invalid ${settings.name} route options:\n  - scopes: must be an array of scope tokens`, ['scopes']);
  return [...new Set([...settings.scopes, ...parsed.data])];
}

async function checkActive(settings: BearerSettings, client: BearerClient, app: string | undefined, token: string, claims: AccessTokenClaims): Promise<void> {
  const cache = settings.introspection;
  if (!cache) return;
  // Keyed by app too: two applications' jtis are not one namespace.
  const active = await cache.isActive(`${app ?? ''}\u0000${claims.jti}`, claims.exp, async () => {
    const answer = await client.introspect(token, { tokenTypeHint: 'access_token' });
    return answer.active && answer.sub === claims.sub && answer.jti === claims.jti;
  });
  if (!active) throw new AccessTokenError('invalid_token', 'The access token has been revoked or is no longer active');
}

function failure(settings: BearerSettings, fields: Omit<GenAuthBearerFailure, 'wwwAuthenticate'>, scope?: string): LoginOutcome {
  const wwwAuthenticate = bearerChallenge({ realm: settings.realm, error: fields.error, description: fields.message, scope });
  return { type: 'fail', challenge: { ...fields, wwwAuthenticate } satisfies GenAuthBearerFailure, status: fields.status };
}

function outcomeOfError(settings: BearerSettings, error: unknown): LoginOutcome {
  if (isGenAuthError(error) && error.code === 'GENAUTH_UNKNOWN_APP') {
    return failure(settings, { message: error.message, code: error.code, status: error.status ?? 400, error: 'invalid_request' });
  }
  if (!(error instanceof AccessTokenError) && !(isGenAuthError(error) && error.code === 'GENAUTH_ACCESS_TOKEN')) return { type: 'error', error };
  const denied = error as AccessTokenError;
  const status = denied.status ?? 401;
  return failure(settings, { message: denied.message, code: 'GENAUTH_ACCESS_TOKEN', status, ...(denied.error ? { error: denied.error } : {}) }, denied.scope);
}

/**
 * One protected request, start to end, as a value: read the token → verify it offline → ask GenAuth
 * (when introspecting) → required scopes → the app's verify. Never throws.
 */
export async function runBearer(
  settings: BearerSettings,
  verify: (...args: never[]) => unknown,
  req: GenAuthRequest,
  options: GenAuthBearerAuthenticateOptions | undefined,
  observer?: LoginObserver,
): Promise<LoginOutcome> {
  let claims: AccessTokenClaims;
  let token: string;
  let app: string | undefined;
  try {
    const required = requiredScopes(settings, options);
    const found = readBearerToken(req, settings.locations);
    if (found === undefined) throw new AccessTokenError(undefined, 'An access token is required: send Authorization: Bearer <token>');
    token = found;
    const chosen = await settings.clients(req, options?.app);
    app = chosen.app;
    observer?.chose(chosen.client, app);
    claims = await chosen.client.verifyAccessToken(token);
    // Revocation before scopes: a revoked token is answered invalid_token, whatever it lacks.
    await checkActive(settings, chosen.client, app, token, claims);
    requireScopes(claims, required);
  } catch (error) {
    return outcomeOfError(settings, error);
  }
  try {
    // With GenAuthApps the verify reads the app's alias beside the claims, so per-app user tables stay apart.
    const seen = app === undefined ? claims : { ...claims, app };
    const args = settings.passReqToCallback ? [req, seen] : [seen];
    const { user, info } = await callVerify(verify, args, settings.verifyTimeoutMs);
    if (!user) {
      const given = (info ?? {}) as Record<string, unknown>;
      const message = typeof given.message === 'string' ? given.message : 'Access refused by the application';
      return failure(settings, { ...given, message, code: 'GENAUTH_VERIFY_REFUSED', status: 401, error: 'invalid_token' });
    }
    const authInfo = { ...(info as Record<string, unknown> | undefined), ...claims, scopes: scopesOf(claims), ...(app === undefined ? {} : { app }) };
    Object.defineProperty(authInfo, 'accessToken', { value: token, enumerable: false });
    return { type: 'success', user, info: authInfo as unknown as GenAuthAuthInfo };
  } catch (error) {
    return { type: 'error', error };
  }
}

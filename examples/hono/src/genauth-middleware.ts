import type { GenAuthAuthInfo } from '@passport-genauth/core';
import { authenticate, toResponse, type LoginStrategy, type WebAuthenticateOptions } from '@passport-genauth/web';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppUser } from './users';

/** What a route after `genauth()` finds on the context: `c.get('user')`, `c.get('authInfo')` (the token set). */
export interface GenAuthEnv {
  Variables: {
    user: AppUser;
    authInfo: GenAuthAuthInfo;
  };
}

/** Options of `genauth()`: how the body is read, per-route sign-in options, and where server-side errors go. */
export interface GenAuthMiddlewareOptions extends WebAuthenticateOptions {
  /**
   * Told of every error outcome (5xx, 413) before the generic JSON is answered: the client sees only
   * the code and a generic message, so the real one belongs in the server's log.
   */
  readonly onError?: (error: unknown, status: number, c: Context<GenAuthEnv>) => void;
}

/**
 * Hono middleware running one GenAuth login on `c.req.raw`: on success it sets `user` and `authInfo`
 * and calls the next handler; otherwise it answers the `toErrorBody` JSON with its status (400, 401,
 * 413, 5xx) and the route never runs. A failure stays readable with `getAuthFailure(c.req.raw)`.
 */
export function genauth(strategy: LoginStrategy, options: GenAuthMiddlewareOptions = {}): MiddlewareHandler<GenAuthEnv> {
  const { onError, ...authenticateOptions } = options;
  return async (c, next) => {
    const outcome = await authenticate(strategy, c.req.raw, authenticateOptions);
    if (outcome.type === 'error') onError?.(outcome.error, outcome.status, c);
    if (outcome.type !== 'success') return toResponse(outcome);
    c.set('user', outcome.user as AppUser);
    c.set('authInfo', outcome.info);
    await next();
    return undefined;
  };
}

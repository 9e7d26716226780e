import { getAuthFailure, isGenAuthError, type SignInClient } from '@passport-genauth/core';
import { Hono, type Context } from 'hono';
import { genauth, type GenAuthEnv, type GenAuthMiddlewareOptions } from './genauth-middleware';
import { createStrategies } from './strategies';
import { UserDirectory } from './users';

/** Options of `createApp`. */
export interface AppOptions {
  /** The GenAuth application every strategy signs in with (share one `GenAuthClient`). */
  readonly client: SignInClient;
  /** GenAuth user ids (`sub`) the app refuses: their login ends in a 401 `GENAUTH_VERIFY_REFUSED`. */
  readonly banned?: Iterable<string>;
  /** Largest login body in bytes (default 65 536): beyond it, 413 `PAYLOAD_TOO_LARGE`. */
  readonly maxBodyBytes?: number;
  /** One line per login and per failure (never a token); default: silent. */
  readonly log?: (line: string) => void;
}

/**
 * The stateless mobile backend on Hono: `POST /auth/wechat`, `/auth/apple`, `/auth/yidun` and the
 * single `POST /auth/mobile` answer `{ user, tokens }`, or `{ message, code, status, apiCode?,
 * requestId? }` with 400/401/413/500/502/503/504, as the Express example does; `GET /healthz`.
 */
export function createApp(options: AppOptions): Hono<GenAuthEnv> {
  const log = options.log ?? (() => {});
  const strategies = createStrategies(options.client, new UserDirectory(options.banned));
  const app = new Hono<GenAuthEnv>();

  // The access log: a refused login is found again with getAuthFailure on the request the login read.
  app.use(async (c, next) => {
    await next();
    const failure = getAuthFailure(c.req.raw);
    if (failure) log(`${c.req.method} ${c.req.path} → ${failure.status} ${failure.code}${failure.requestId ? ` requestId=${failure.requestId}` : ''}`);
  });

  const loginOptions: GenAuthMiddlewareOptions = {
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    onError: (error, status, c) => log(`${c.req.method} ${c.req.path} → ${status} ${describe(error)}`),
  };
  const answer = (c: Context<GenAuthEnv>) => {
    const user = c.get('user');
    log(`${c.req.method} ${c.req.path} → 200 user=${user.id} (${user.connection})`);
    c.header('cache-control', 'no-store');
    return c.json({ user, tokens: c.get('authInfo') });
  };
  app.post('/auth/wechat', genauth(strategies.wechat, loginOptions), answer);
  app.post('/auth/apple', genauth(strategies.apple, loginOptions), answer);
  app.post('/auth/yidun', genauth(strategies.yidun, loginOptions), answer);
  app.post('/auth/mobile', genauth(strategies.mobile, loginOptions), answer);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.notFound((c) => c.json({ message: `No route for ${c.req.method} ${c.req.path}`, code: 'NOT_FOUND', status: 404 }, 404));
  app.onError((error, c) => {
    log(`${c.req.method} ${c.req.path} → 500 INTERNAL_ERROR ${error.stack ?? error.message}`);
    return c.json({ message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 }, 500);
  });
  return app;
}

/** An error for the server log: its code, GenAuth's requestId and the full message (never a secret or a token). */
function describe(error: unknown): string {
  if (isGenAuthError(error)) return `${error.code}${error.requestId ? ` requestId=${error.requestId}` : ''}: ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

import type { GenAuthClient } from '@passport-genauth/core';
import express from 'express';
import { createAuthenticator } from './authenticator';
import { jsonErrors, notFound, type LogLine } from './json-errors';
import { mountLoginRoutes } from './login-routes';
import { UserStore, type AppUser } from './users';

/** Options of `createApp`. */
export interface AppOptions {
  /** The GenAuth application every strategy signs in with. */
  client: GenAuthClient;
  /** `extIdpConnidentifier` per connection (`{ wechat: 'wechat-mobile' }`); default: the connection name. */
  identitySources?: Partial<Record<string, string>>;
  /** One line per login and per failure (never a token); default: silent. */
  log?: (line: string) => void;
}

const silent: LogLine = () => {};

/**
 * The stateless mobile backend: `POST /auth/<provider>` for each of the 32 connections and
 * `POST /auth/mobile` answer `{ user, tokens }`; failures answer `{ message, code, status, apiCode?,
 * requestId? }` with 400/401/500/502/503/504; `GET /healthz` answers `{ status: 'ok' }`.
 */
export function createApp(options: AppOptions): express.Express {
  const log = options.log ?? silent;
  const users = new UserStore();
  const authenticator = createAuthenticator({ client: options.client, identitySources: options.identitySources, users });
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  mountLoginRoutes(app, authenticator, (req, res) => {
    const user = req.user as AppUser;
    log(`${req.method} ${req.path} → 200 user=${user.id} (${user.connection})`);
    res.json({ user, tokens: req.authInfo });
  });
  app.use(notFound);
  app.use(jsonErrors(log));
  return app;
}

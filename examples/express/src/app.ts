import type { GenAuthApps, GenAuthClient } from '@passport-genauth/core';
import express from 'express';
import type { Registry } from 'prom-client';
import { mountApiRoutes, registerBearerStrategies } from './api-routes';
import { createAuthenticator } from './authenticator';
import { jsonErrors, notFound, type LogLine } from './json-errors';
import { mountLoginRoutes } from './login-routes';
import { metricsRoute } from './metrics';
import { UserStore, type AppUser } from './users';

/** Options of `createApp`. */
export interface AppOptions {
  /** The GenAuth application every strategy signs in with, or a registry of several selected per request. */
  client: GenAuthClient | GenAuthApps;
  /** `extIdpConnidentifier` per connection (`{ wechat: 'wechat-mobile' }`); default: the connection name. */
  identitySources?: Partial<Record<string, string>>;
  /** One line per login and per failure (never a token); default: silent. */
  log?: (line: string) => void;
  /** Serve this registry as `GET /metrics` (Prometheus text); see `startMetrics()`. */
  metrics?: Registry;
}

const silent: LogLine = () => {};

/**
 * The stateless mobile backend: `POST /auth/<provider>` for each of the 32 connections and
 * `POST /auth/mobile` answer `{ user, tokens }`; `GET /api/me` (and `/api/me/introspected`) behind
 * `genauth-bearer`, `POST /auth/refresh` and `POST /auth/logout` carry the session on (see
 * `api-routes.ts`); failures answer `{ message, code, status, apiCode?, requestId? }` with
 * 400/401/403/500/502/503/504; `GET /healthz` answers `{ status: 'ok' }`.
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
  const api = { client: options.client, users, log };
  registerBearerStrategies(authenticator.passport, api);
  mountApiRoutes(app, authenticator.passport, api);
  mountLoginRoutes(app, authenticator, (req, res) => {
    const user = req.user as AppUser;
    log(`${req.method} ${req.path} → 200 user=${user.id} (${user.connection})`);
    res.json({ user, tokens: req.authInfo });
  });
  if (options.metrics) app.get('/metrics', metricsRoute(options.metrics));
  app.use(notFound);
  app.use(jsonErrors(log));
  return app;
}

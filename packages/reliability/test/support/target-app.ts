import type { GenAuthClient } from '@passport-genauth/core';
import express, { type Express } from 'express';
import { createApp } from '../../../../examples/express/src/app';
import { createAuthenticator, MOBILE_STRATEGY } from '../../../../examples/express/src/authenticator';
import { jsonErrors } from '../../../../examples/express/src/json-errors';
import { BODY_LIMIT } from '../../../../examples/express/src/login-routes';
import { routeSegment } from '../../../../examples/express/src/strategies';
import { UserStore } from '../../../../examples/express/src/users';
import { CONNECTIONS } from './strategies';

/** What the reference app is built from (`examples/express`'s `createApp` options). */
export interface TargetAppOptions {
  readonly client: GenAuthClient;
  /** Identity source per connection (default: the connection value, as the emulator names them). */
  readonly identitySources?: Readonly<Record<string, string>>;
  /** Where the app writes its log lines. */
  readonly log?: (line: string) => void;
}

/** The single route that takes `{ connection, …credential }`. */
export const MOBILE_ROUTE = '/auth/mobile';

/** The route of one connection's strategy: `/auth/<strategy name without genauth->`. */
export function routeFor(connection: string): string {
  return `/auth/${routeSegment(`genauth-${connection.replace(/_/g, '-')}`)}`;
}

/** Every login route: the 32 provider routes and the single route. */
export const ALL_ROUTES: readonly string[] = [...CONNECTIONS.map(routeFor), MOBILE_ROUTE];

/** The reference app's JSON body limit in bytes (`BODY_LIMIT` is written in kB). */
export const BODY_LIMIT_BYTES = ((): number => {
  const match = /^(\d+)kb$/i.exec(BODY_LIMIT);
  if (!match?.[1]) throw new Error(`unexpected BODY_LIMIT ${BODY_LIMIT}`);
  return Number(match[1]) * 1024;
})();

/** The app under test: `examples/express`'s `createApp` (the 32 routes, the single route, JSON errors). */
export function targetApp(options: TargetAppOptions): Express {
  return createApp({
    client: options.client,
    ...(options.identitySources ? { identitySources: options.identitySources } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}

/**
 * The reference app's strategies, routes and error handler, minus the body parser: what an app looks
 * like when its author forgot `express.json()` (`req.body` stays undefined).
 */
export function appWithoutBodyParser(options: TargetAppOptions): Express {
  const log = options.log ?? (() => {});
  const { passport, strategies } = createAuthenticator({ client: options.client, identitySources: options.identitySources, users: new UserStore() });
  const app = express();
  for (const name of [...strategies.map((strategy) => strategy.name), MOBILE_STRATEGY]) {
    app.post(`/auth/${routeSegment(name)}`, passport.authenticate(name, { session: false, failWithError: true }), (req, res) => {
      res.json({ user: req.user, tokens: req.authInfo });
    });
  }
  app.use(jsonErrors(log));
  return app;
}

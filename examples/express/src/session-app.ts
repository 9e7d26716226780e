import { randomBytes } from 'node:crypto';
import type { GenAuthClient } from '@passport-genauth/core';
import express, { type RequestHandler } from 'express';
import session from 'express-session';
import { createAuthenticator } from './authenticator';
import { jsonErrors, notFound, type LogLine } from './json-errors';
import { mountLoginRoutes } from './login-routes';
import { sameOriginJsonOnly } from './same-origin-json';
import { UserStore, type AppUser } from './users';

/** Options of `createSessionApp`. */
export interface SessionAppOptions {
  /** The GenAuth application every strategy signs in with. */
  client: GenAuthClient;
  /** `extIdpConnidentifier` per connection; default: the connection name. */
  identitySources?: Partial<Record<string, string>>;
  /** One line per login and per failure; default: silent. */
  log?: (line: string) => void;
  /** Signs the session cookie; default: random per process (sessions then end with the process). */
  sessionSecret?: string;
  /** Set the cookie's `Secure` flag (do so behind HTTPS); default false so the demo works over http. */
  secureCookie?: boolean;
  /** Origins besides the app's own allowed to POST (a separate web front end); default none. */
  allowedOrigins?: readonly string[];
}

const silent: LogLine = () => {};

const requireLogin: RequestHandler = (req, res, next) => {
  if (req.isAuthenticated()) return next();
  res.status(401).json({ message: 'Not signed in', code: 'UNAUTHORIZED', status: 401 });
};

/**
 * The same logins for an app that keeps sessions: `express-session` (its MemoryStore: one process
 * only; use a shared store in production) and Passport's `serializeUser`/`deserializeUser`. A login
 * calls `req.login` and answers `{ user }` (the tokens stay on the server); `GET /me` answers the
 * signed-in user; `POST /logout` ends the session. Every POST must be JSON from the app's own origin
 * (login CSRF, see `sameOriginJsonOnly`).
 */
export function createSessionApp(options: SessionAppOptions): express.Express {
  const log = options.log ?? silent;
  const users = new UserStore();
  const authenticator = createAuthenticator({ client: options.client, identitySources: options.identitySources, users });
  const { passport } = authenticator;
  passport.serializeUser((user, done) => done(null, (user as AppUser).id));
  passport.deserializeUser((id: string, done) => done(null, users.get(id) ?? false));

  const app = express();
  app.disable('x-powered-by');
  app.use(
    session({
      name: 'sid',
      secret: options.sessionSecret ?? randomBytes(32).toString('hex'),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookie ?? false, maxAge: 7 * 24 * 3600 * 1000 },
    }),
  );
  app.use(sameOriginJsonOnly(options.allowedOrigins));
  app.use(passport.session());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  mountLoginRoutes(app, authenticator, (req, res, next) => {
    const user = req.user as AppUser;
    // Passport authenticated without a session; req.login starts one (regenerating the session id).
    req.login(user, (error: unknown) => {
      if (error) return next(error);
      log(`${req.method} ${req.path} → 200 user=${user.id} (${user.connection}), session started`);
      res.json({ user });
    });
  });
  app.get('/me', requireLogin, (req, res) => {
    res.json({ user: req.user });
  });
  app.post('/logout', (req, res, next) => {
    req.logout((error: unknown) => {
      if (error) return next(error);
      req.session.destroy(() => {
        res.clearCookie('sid').status(204).end();
      });
    });
  });
  app.use(notFound);
  app.use(jsonErrors(log));
  return app;
}

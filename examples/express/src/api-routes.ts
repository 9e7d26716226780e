import { GenAuthBearerStrategy, bearerToken, isGenAuthApps, type BearerVerifyClaims, type GenAuthApps, type GenAuthClient } from '@passport-genauth/core';
import express, { type Express, type RequestHandler } from 'express';
import { authenticate, type PassportInstance } from './authenticator';
import type { LogLine } from './json-errors';
import type { AppUser, UserStore } from './users';

/** Verifies offline: fast, but a revoked token is accepted until its `exp`. */
export const BEARER_STRATEGY = 'genauth-bearer';
/** Also asks GenAuth on every call (no cache): a revoked token is refused at once. */
export const INTROSPECTING_STRATEGY = 'genauth-bearer-introspect';

/** What the API routes need. */
export interface ApiOptions {
  /** One application, or the registry the request selects one from (`x-client-app`). */
  readonly client: GenAuthClient | GenAuthApps;
  readonly users: UserStore;
  readonly log: LogLine;
}

/** The app user for a verified access token, or a refusal when the token's `sub` is not a known user. */
function userFor(users: UserStore) {
  return async (claims: BearerVerifyClaims): Promise<AppUser | false> => users.get(claims.sub, claims.app) ?? false;
}

/** Registers `genauth-bearer` and its introspecting variant on the app's Passport instance. */
export function registerBearerStrategies(passport: PassportInstance, { client, users }: ApiOptions): void {
  passport.use(new GenAuthBearerStrategy({ client }, userFor(users)));
  passport.use(new GenAuthBearerStrategy({ client, name: INTROSPECTING_STRATEGY, introspect: true, introspectCacheMs: 0 }, userFor(users)));
}

/**
 * The API the mobile app calls after signing in:
 * - `GET /api/me` (`Authorization: Bearer <access token>`) → `{ user, claims }`, offline verification;
 * - `GET /api/me/introspected`: the same, also asking GenAuth whether the token was revoked;
 * - `POST /auth/refresh` `{ refreshToken }` → `{ user, tokens }` like a login; a refused refresh token → 401;
 * - `POST /auth/logout` `{ refreshToken }` (+ the access token as `Authorization: Bearer`) → revokes
 *   the refresh token (the whole grant), then the access token → 204.
 */
export function mountApiRoutes(app: Express, passport: PassportInstance, { client: clients, users, log }: ApiOptions): void {
  /** The application of this request: the one client, or the registry's choice (an unknown app → 400 GENAUTH_UNKNOWN_APP). */
  const clientFor = async (req: express.Request): Promise<{ client: GenAuthClient; app: string | undefined }> => {
    if (!isGenAuthApps(clients)) return { client: clients, app: undefined };
    const { client, alias } = await clients.choose(req);
    return { client, app: alias };
  };
  const json = express.json({ limit: '16kb' });
  const me: RequestHandler = (req, res) => {
    const user = req.user as AppUser;
    log(`${req.method} ${req.path} → 200 user=${user.id}`);
    res.json({ user, claims: req.authInfo });
  };
  app.get('/api/me', authenticate(passport, BEARER_STRATEGY, { session: false, failWithError: true }), me);
  app.get('/api/me/introspected', authenticate(passport, INTROSPECTING_STRATEGY, { session: false, failWithError: true }), me);

  app.post('/auth/refresh', json, async (req, res) => {
    const refreshToken = (req.body as { refreshToken?: unknown } | undefined)?.refreshToken;
    // Not a string or empty: the client refuses it before calling GenAuth (400 GENAUTH_OAUTH_REQUEST).
    const { client, app: alias } = await clientFor(req);
    const { tokens, profile } = await client.refresh(refreshToken as string);
    // A refresh does not say which provider the user signed in with: keep what the login recorded.
    const user = users.upsert({ ...profile, ...(alias ? { app: alias } : {}), connection: users.get(profile.id, alias)?.connection ?? profile.connection });
    log(`${req.method} ${req.path} → 200 user=${user.id}`);
    res.json({ user, tokens });
  });

  app.post('/auth/logout', json, async (req, res) => {
    const refreshToken = (req.body as { refreshToken?: unknown } | undefined)?.refreshToken;
    const accessToken = bearerToken(req);
    if (typeof refreshToken !== 'string' && accessToken === undefined) {
      res
        .status(400)
        .json({ message: 'Send the refresh token as { refreshToken } and/or the access token as Authorization: Bearer', code: 'BAD_REQUEST', status: 400 });
      return;
    }
    const { client } = await clientFor(req);
    // The refresh token first: revoking it ends the grant, so no new access token can be minted meanwhile.
    if (typeof refreshToken === 'string') await client.revoke(refreshToken, { tokenTypeHint: 'refresh_token' });
    if (accessToken !== undefined) await client.revoke(accessToken, { tokenTypeHint: 'access_token' });
    log(`${req.method} ${req.path} → 204 (revoked${typeof refreshToken === 'string' ? ' the refresh token' : ''}${accessToken ? ' the access token' : ''})`);
    res.status(204).end();
  });
}

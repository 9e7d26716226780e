import express, { type Express, type RequestHandler } from 'express';
import { MOBILE_STRATEGY, authenticate, type GenAuthPassport } from './authenticator';
import { routeSegment } from './strategies';

/** Largest JSON body a login accepts: credentials are small; mini-program encrypted data fits easily. */
export const BODY_LIMIT = '64kb';

/**
 * Mounts `POST /auth/<provider>` for every strategy (`/auth/wechat`, `/auth/wechat-mini-program-code`, …)
 * and `POST /auth/mobile` (the connection named in the body). Each runs `express.json`, then Passport
 * with `failWithError` (failures reach the JSON error handler), then `finish`.
 */
export function mountLoginRoutes(app: Express, { passport, strategies }: GenAuthPassport, finish: RequestHandler): void {
  const json = express.json({ limit: BODY_LIMIT });
  const names = [...strategies.map((strategy) => strategy.name), MOBILE_STRATEGY];
  for (const name of names) {
    app.post(`/auth/${routeSegment(name)}`, json, authenticate(passport, name, { session: false, failWithError: true }), finish);
  }
}

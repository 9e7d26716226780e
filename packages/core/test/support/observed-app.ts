import { jsonErrors } from '@passport-genauth/testing';
import express, { type Express } from 'express';
import { Passport } from 'passport';
import { GenAuthBearerStrategy, authorizationCodeProvider, defineStrategy, type GenAuthClient } from '../../src';

const wechat = authorizationCodeProvider({ connection: 'wechat', payloadKey: 'wechatPayload', title: 'WeChat' });
/** A provider strategy like `@passport-genauth/wechat`'s, defined here so core's tests need no provider package. */
export class WechatStrategy extends defineStrategy(wechat) {}

/** What the observed backend's routes ask GenAuth for: profile, email and phone claims, and a refresh token. */
export const SCOPE = 'openid profile email phone offline_access';

/**
 * A mobile backend over real HTTP: `POST /auth/wechat` (a login) and `GET /api/me` (a bearer check),
 * failures answered by `toErrorBody`.
 */
export function observedApp(client: GenAuthClient): Express {
  const passport = new Passport();
  const app = express();
  app.use(express.json());
  passport.use(new WechatStrategy({ client, extIdpConnidentifier: 'wechat', scope: SCOPE }, async (_tokens, profile) => ({ id: profile.id })));
  passport.use(new GenAuthBearerStrategy({ client }, async (claims) => ({ id: claims.sub })));
  app.post('/auth/wechat', passport.authenticate('genauth-wechat', { session: false, failWithError: true }), (req, res) => {
    res.json({ user: req.user, tokens: req.authInfo });
  });
  app.get('/api/me', passport.authenticate('genauth-bearer', { session: false, failWithError: true }), (req, res) => {
    res.json({ user: req.user });
  });
  app.use(jsonErrors);
  return app;
}

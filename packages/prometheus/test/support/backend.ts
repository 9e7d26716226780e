import { GenAuthBearerStrategy, GenAuthMobileStrategy, getAuthFailure, isGenAuthError, toErrorBody, type GenAuthClient } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { Passport } from 'passport';

/** What the backend asks GenAuth for: profile, email and phone claims, and a refresh token. */
export const SCOPE = 'openid profile email phone offline_access';

const jsonErrors: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const failure = getAuthFailure(req) ?? (isGenAuthError(error) ? error : undefined);
  const body = failure ? toErrorBody(failure) : { message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 };
  res.status(body.status).json(body);
};

/**
 * A mobile backend as the README builds one: `POST /auth/wechat`, `POST /auth/mobile` (the single
 * route), `GET /api/me` (offline bearer check) and `GET /api/me/introspected` (asks GenAuth).
 */
export function backend(client: GenAuthClient): Express {
  const passport = new Passport();
  const wechat = new WechatStrategy({ client, extIdpConnidentifier: 'wechat', scope: SCOPE }, async (_tokens, profile) => ({ id: profile.id }));
  passport.use(wechat);
  passport.use(new GenAuthMobileStrategy({ strategies: [wechat] }));
  passport.use(new GenAuthBearerStrategy({ client }, async (claims) => ({ id: claims.sub })));
  passport.use(
    new GenAuthBearerStrategy({ client, name: 'genauth-bearer-introspect', introspect: true, introspectCacheMs: 0 }, async (claims) => ({ id: claims.sub })),
  );
  const app = express();
  app.use(express.json());
  const login = (req: express.Request, res: express.Response) => res.json({ user: req.user, tokens: req.authInfo });
  const options = { session: false, failWithError: true };
  app.post('/auth/wechat', passport.authenticate('genauth-wechat', options), login);
  app.post('/auth/mobile', passport.authenticate('genauth-mobile', options), login);
  app.get('/api/me', passport.authenticate('genauth-bearer', options), (req, res) => res.json({ user: req.user }));
  app.get('/api/me/introspected', passport.authenticate('genauth-bearer-introspect', options), (req, res) => res.json({ user: req.user }));
  app.use(jsonErrors);
  return app;
}

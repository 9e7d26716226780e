import { getAuthFailure, isGenAuthError, toErrorBody, type GenAuthStrategy } from '@passport-genauth/core';
import { STATUS_CODES } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { Passport } from 'passport';

/**
 * A minimal real mobile backend: Express 5 + passport, one `POST /login` route per strategy name,
 * `session: false`, `{ user, tokens }` on success, and JSON errors with our status, code and GenAuth's
 * `apiCode`/`requestId` (through `failWithError`, the way a JSON API answers failures).
 */
export function loginApp(strategies: readonly GenAuthStrategy[]): Express {
  const passport = new Passport();
  const app = express();
  app.use(express.json());
  for (const strategy of strategies) {
    passport.use(strategy);
    // @types/passport types authenticate() as `any`.
    const authenticate = passport.authenticate(strategy.name, { session: false, failWithError: true }) as RequestHandler;
    app.post(`/login/${strategy.name}`, authenticate, (req, res) => {
      res.json({ user: req.user, tokens: req.authInfo });
    });
  }
  app.use(jsonErrors);
  return app;
}

/** Answers a failed login with the reason passport-genauth recorded, and any other error with its status and code. */
export const jsonErrors: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const failure = getAuthFailure(req);
  if (failure) {
    res.status(failure.status).json(toErrorBody(failure));
    return;
  }
  // Body-parser errors (bad JSON, 413) carry their own 4xx status; anything else unknown is a 500.
  const declared = (error as { status?: unknown } | null)?.status;
  const status = typeof declared === 'number' && declared >= 400 && declared <= 599 ? declared : 500;
  const body = isGenAuthError(error) ? toErrorBody(error) : { message: STATUS_CODES[status] ?? 'Error' };
  res.status(status).json(body);
};

import type { Request, ResponseToolkit, RouteOptionsPreObject } from '@hapi/hapi';
import {
  getAuthFailure,
  isGenAuthError,
  rememberFailure,
  toErrorBody,
  type GenAuthError,
  type GenAuthFailure,
  type GenAuthRequest,
  type LoginOutcome,
} from '@passport-genauth/core';

/** Anything that turns one request into a login outcome: every provider strategy, `GenAuthMobileStrategy`. */
export interface LoginStrategy {
  login(req: GenAuthRequest): Promise<LoginOutcome>;
}

/**
 * A route prerequisite that runs one GenAuth login with hapi's parsed `request.payload` (headers from
 * Node's request, typed as `IncomingHttpHeaders`). On success `request.pre.login` is `{ user, tokens }`.
 * A failure takes the response over with `toErrorBody`'s JSON and status (400/401, or 500/502/503/504
 * for a passport-genauth error) and is recorded for `getAuthFailure(request)`. An error of the app's own
 * verify is thrown: hapi answers it 500.
 */
export function genauthLogin(strategy: LoginStrategy): RouteOptionsPreObject {
  return {
    assign: 'login',
    method: async (request: Request, h: ResponseToolkit) => {
      const outcome = await strategy.login({ headers: request.raw.req.headers, body: request.payload, query: request.query });
      if (outcome.type === 'success') return { user: outcome.user, tokens: outcome.info };
      if (outcome.type === 'error' && !isGenAuthError(outcome.error)) throw outcome.error;
      if (outcome.type === 'fail') rememberFailure(request, outcome.challenge, outcome.status);
      const body = toErrorBody(outcome.type === 'fail' ? (getAuthFailure(request) as GenAuthFailure) : (outcome.error as GenAuthError));
      return h.response(body).code(body.status).takeover();
    },
  };
}

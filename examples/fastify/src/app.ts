import { getAuthFailure, type SignInClient } from '@passport-genauth/core';
import { genauth } from '@passport-genauth/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonErrors, type LogLine } from './json-errors';
import { createStrategies, type AppUser, type StrategySettings } from './strategies';

/** Options of `createApp`. */
export interface AppOptions {
  readonly client: SignInClient;
  readonly identitySources?: StrategySettings['identitySources'];
  readonly bannedUserIds?: StrategySettings['bannedUserIds'];
  /** One line per login and per failure (never a token); default: silent. */
  readonly log?: LogLine;
}

/** Largest body a login accepts: credentials are small. */
export const BODY_LIMIT = 64 * 1024;

/**
 * The stateless mobile backend on Fastify: `POST /auth/wechat`, `/auth/apple`, `/auth/yidun` and the
 * single `POST /auth/mobile` answer `{ user, tokens }`; failures answer `{ message, code, status,
 * apiCode?, requestId?, fields? }` with 400/401/5xx; `GET /healthz` answers `{ status: 'ok' }`.
 */
export function createApp(options: AppOptions): FastifyInstance {
  const log = options.log ?? (() => {});
  const { providers, mobile } = createStrategies(options);
  const app = Fastify({ bodyLimit: BODY_LIMIT });
  const answer = async (request: FastifyRequest) => {
    const user = request.user as AppUser;
    log(`${request.method} ${request.url} → 200 user=${user.id} (${user.connection})`);
    return { user, tokens: request.authInfo };
  };
  app.get('/healthz', async () => ({ status: 'ok' }));
  for (const [name, strategy] of Object.entries(providers)) app.post(`/auth/${name}`, { preValidation: genauth(strategy, { throwErrors: true }) }, answer);
  app.post('/auth/mobile', { preValidation: genauth(mobile, { throwErrors: true }) }, answer);
  // 400/401 are answered by genauth() itself; the log still gets one line for each.
  app.addHook('onResponse', async (request) => {
    const failure = getAuthFailure(request);
    if (failure) log(`${request.method} ${request.url} → ${failure.status} ${failure.code}${failure.requestId ? ` requestId=${failure.requestId}` : ''}`);
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ message: `No route for ${request.method} ${request.url}`, code: 'NOT_FOUND', status: 404 }),
  );
  app.setErrorHandler(jsonErrors(log));
  return app;
}

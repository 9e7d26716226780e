import bodyParser from '@koa/bodyparser';
import Router from '@koa/router';
import { getAuthFailure, type SignInClient } from '@passport-genauth/core';
import { genauth, type GenAuthState } from '@passport-genauth/koa';
import Koa from 'koa';
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

/**
 * The stateless mobile backend on Koa: `POST /auth/wechat`, `/auth/apple`, `/auth/yidun` and the
 * single `POST /auth/mobile` answer `{ user, tokens }`; failures answer `{ message, code, status,
 * apiCode?, requestId?, fields? }` with 400/401/5xx; `GET /healthz` answers `{ status: 'ok' }`.
 */
export function createApp(options: AppOptions): Koa {
  const log = options.log ?? (() => {});
  const { providers, mobile } = createStrategies(options);
  const answer: Koa.Middleware<GenAuthState<AppUser>> = (ctx) => {
    log(`${ctx.method} ${ctx.path} → 200 user=${ctx.state.user.id} (${ctx.state.user.connection})`);
    ctx.body = { user: ctx.state.user, tokens: ctx.state.authInfo };
  };
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  for (const [name, strategy] of Object.entries(providers)) router.post(`/auth/${name}`, genauth<AppUser>(strategy), answer);
  router.post('/auth/mobile', genauth<AppUser>(mobile), answer);

  const app = new Koa();
  // genauth() answers 5xx itself and reports the error here; log it without its stack or body.
  app.on('error', (error: Error & { code?: string }) => log(`login error: ${error.code ?? error.name}: ${error.message}`));
  app.use(jsonErrors(log));
  app.use(async (ctx, next) => {
    await next();
    const failure = getAuthFailure(ctx);
    if (failure) log(`${ctx.method} ${ctx.path} → ${failure.status} ${failure.code}${failure.requestId ? ` requestId=${failure.requestId}` : ''}`);
  });
  app.use(bodyParser({ jsonLimit: '64kb', formLimit: '64kb' }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

import bodyParser from '@koa/bodyparser';
import { getAuthFailure, type GenAuthFailure } from '@passport-genauth/core';
import type Koa from 'koa';
import type { Middleware } from 'koa';
import { genauth, type GenAuthKoaOptions, type GenAuthState, type LoginStrategy } from '../../src';
import type { TestUser } from './strategies';

/** Koa 3's constructor or Koa 2's: the tests build the same app on both. */
export type KoaConstructor = typeof Koa;

/** Runs `chain` for `POST path`, anything else falls through. */
export function post(path: string, ...chain: Middleware[]): Middleware {
  const run = (ctx: Koa.Context, next: Koa.Next, index: number): Promise<void> =>
    Promise.resolve(index === chain.length ? next() : chain[index]!(ctx, () => run(ctx, next, index + 1)));
  return (ctx, next) => (ctx.method === 'POST' && ctx.path === path ? run(ctx, next, 0) : next());
}

/** Answers `{ user, tokens }` from what the login left on `ctx.state`. */
export const answer: Middleware<GenAuthState<TestUser>> = (ctx) => {
  ctx.body = { user: ctx.state.user, tokens: ctx.state.authInfo };
};

/** What the test apps saw: the app's `'error'` events and the failures an outer middleware read back. */
export interface Seen {
  readonly errors: Error[];
  /** `getAuthFailure(ctx)` after each request. */
  readonly failures: (GenAuthFailure | undefined)[];
  /** `getAuthFailure` of `ctx.state`, `ctx.request` and `ctx.req` after each request. */
  readonly failuresElsewhere: (GenAuthFailure | undefined)[][];
}

/**
 * A Koa app: a logger that reads `getAuthFailure(ctx)` after the login, `@koa/bodyparser`, then
 * `POST <path>` → `genauth(strategy, options)` → `answer` for each route.
 */
export function koaApp(KoaClass: KoaConstructor, routes: Record<string, LoginStrategy | string>, options: GenAuthKoaOptions = {}) {
  const app = new KoaClass();
  const seen: Seen = { errors: [], failures: [], failuresElsewhere: [] };
  app.on('error', (error: Error) => seen.errors.push(error));
  app.use(async (ctx, next) => {
    await next();
    seen.failures.push(getAuthFailure(ctx));
    seen.failuresElsewhere.push([getAuthFailure(ctx.state), getAuthFailure(ctx.request), getAuthFailure(ctx.req)]);
  });
  app.use(bodyParser());
  for (const [path, strategy] of Object.entries(routes)) app.use(post(path, genauth<TestUser>(strategy, options), answer));
  return { app, seen };
}

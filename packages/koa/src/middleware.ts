import {
  asError,
  errorBodyOf,
  loginSafely,
  recordFailure,
  resolveStrategy,
  routeOptions,
  toErrorBody,
  type GenAuthAuthInfo,
  type GenAuthSignInOptions,
  type LoginStrategy,
  type StrategyRegistry,
} from '@passport-genauth/core';
import type { Middleware, ParameterizedContext } from 'koa';

/** What a successful login leaves on `ctx.state` for the next middleware. */
export interface GenAuthState<User = Express.User> {
  /** What the strategy's verify returned. */
  user: User;
  /** The token set GenAuth issued (plus any info verify passed): forward it to the app, never log it. */
  authInfo: GenAuthAuthInfo;
}

/** Options of `genauth()`: the sign-in options sent to GenAuth (`scope`, `tenantId`, …) and these. */
export interface GenAuthKoaOptions extends GenAuthSignInOptions {
  /** With a `GenAuthApps` registry as the strategy's client: the application this route always uses. */
  app?: string;
  /** The Passport instance (`passport`, koa-passport, `new Passport()`) a strategy name is looked up in. */
  passport?: StrategyRegistry;
  /**
   * `true`: an error outcome (GenAuth down, a misconfigured app, a throwing verify) is thrown for the
   * app's own error middleware instead of being answered here. Failures (400/401) are always answered.
   */
  throwErrors?: boolean;
}

/**
 * Koa middleware that runs one passport-genauth login with `ctx.request` (headers, `ctx.request.body`
 * from a body parser mounted before it, query). On success it sets `ctx.state.user` and
 * `ctx.state.authInfo` and calls `next()`; a failure is answered 400/401 with `toErrorBody`'s JSON and
 * recorded for `getAuthFailure(ctx)` (also `ctx.state`, `ctx.request`, `ctx.req`); an error is answered
 * with its 5xx JSON and emitted on the app's `'error'` event, or thrown with `throwErrors`.
 *
 * @param strategyOrName a provider strategy, a `GenAuthMobileStrategy`, or the name it is registered
 *   under on `options.passport` (looked up once, here)
 */
export function genauth<User = Express.User>(strategyOrName: LoginStrategy | string, options: GenAuthKoaOptions = {}): Middleware<GenAuthState<User>> {
  const strategy = resolveStrategy(strategyOrName, options.passport);
  const signIn = routeOptions(options);
  const throwErrors = options.throwErrors === true;
  return async function genauthLogin(ctx: ParameterizedContext<GenAuthState<User>>, next): Promise<void> {
    const outcome = await loginSafely(strategy, ctx.request, signIn);
    if (outcome.type === 'success') {
      ctx.state.user = outcome.user as User;
      ctx.state.authInfo = outcome.info;
      // Outside any try: a throw downstream is the app's, for Koa's error handling.
      await next();
      return;
    }
    if (outcome.type === 'fail') {
      const failure = recordFailure([ctx, ctx.state, ctx.request, ctx.req], outcome.challenge, outcome.status);
      const body = toErrorBody(failure);
      ctx.status = body.status;
      ctx.body = body;
      return;
    }
    if (throwErrors) throw outcome.error;
    // What Koa itself does for an error it answers: the app's 'error' listeners log it.
    ctx.app.emit('error', asError(outcome.error), ctx);
    const body = errorBodyOf(outcome.error);
    ctx.status = body.status;
    ctx.body = body;
  };
}

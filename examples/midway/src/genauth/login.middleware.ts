import { Inject, Middleware, type IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import {
  getAuthFailure,
  isGenAuthError,
  rememberFailure,
  toErrorBody,
  type GenAuthAuthenticateOptions,
  type GenAuthErrorBody,
  type GenAuthFailure,
  type GenAuthRequest,
} from '@passport-genauth/core';
import { GenAuthService } from './genauth.service';

/** What a route passes to the login middleware: `genauthLogin('genauth-wechat')`. */
export interface GenAuthLoginOptions {
  /** The strategy's name, e.g. `genauth-wechat`. */
  readonly strategy: string;
  /** Per-route sign-in options (`scope`, `context`, …), as `passport.authenticate(name, options)` takes them. */
  readonly authenticate?: GenAuthAuthenticateOptions;
}

/** The request as a strategy reads it: Koa keeps the parsed body on `ctx.request`, not on Node's request. */
export function genauthRequestOf(ctx: Context): GenAuthRequest {
  return { headers: ctx.headers, body: (ctx.request as { body?: unknown }).body, query: ctx.query };
}

function logLine(strategy: string, body: GenAuthErrorBody): string {
  const ids = [body.apiCode !== undefined ? `apiCode=${body.apiCode}` : '', body.requestId ? `requestId=${body.requestId}` : ''].filter(Boolean);
  return [`login ${strategy} → ${body.status} ${body.code}`, ...ids].join(' ');
}

/**
 * Runs one GenAuth login before the controller, without Passport: `strategy.login(req)` gives the
 * outcome as a value. On success the user and the token set are on `ctx.state.user` and
 * `ctx.state.authInfo` and the route continues. A failure is answered here as JSON with its status
 * (400 bad credential naming the fields, 401 refused with GenAuth's `apiCode`/`requestId`) and is
 * recorded for `getAuthFailure(ctx)`; a passport-genauth error is answered 500/502/503/504 with its
 * code. An exception the app's own verify threw, or one the controller throws after `next()`, goes
 * on to Midway's error handling (the app's error filter).
 */
@Middleware()
export class GenAuthLoginMiddleware implements IMiddleware<Context, NextFunction> {
  // Named after the class so that injection also works without decorator metadata (tsx/esbuild).
  @Inject()
  genAuthService!: GenAuthService;

  resolve(_app: unknown, options?: GenAuthLoginOptions) {
    if (!options?.strategy) throw new TypeError("GenAuthLoginMiddleware needs a strategy: use genauthLogin('genauth-wechat') in the route's middleware");
    const name = options.strategy;
    // Resolved once per route, when Midway loads the controllers: an unknown name stops the app at startup.
    const strategy = this.genAuthService.strategy(name);
    const authenticate = options.authenticate;
    return async (ctx: Context, next: NextFunction): Promise<void> => {
      const outcome = await strategy.login(genauthRequestOf(ctx), authenticate);
      if (outcome.type === 'success') {
        ctx.state.user = outcome.user;
        ctx.state.authInfo = outcome.info;
        // Outside any try: what the controller throws is the app's, for Midway's error handling.
        await next();
        return;
      }
      let body: GenAuthErrorBody;
      if (outcome.type === 'fail') {
        rememberFailure(ctx, outcome.challenge, outcome.status);
        body = toErrorBody(getAuthFailure(ctx) as GenAuthFailure);
      } else if (isGenAuthError(outcome.error)) {
        body = toErrorBody(outcome.error);
      } else {
        throw outcome.error; // the app's verify failed: a bug for the error filter (500), not a login failure
      }
      ctx.logger[body.status >= 500 ? 'error' : 'warn'](logLine(name, body));
      ctx.status = body.status;
      ctx.body = body;
    };
  }

  static getName(): string {
    return 'genauth-login';
  }
}

/** The route middleware entry for one strategy: `@Post('/auth/wechat', { middleware: [genauthLogin('genauth-wechat')] })`. */
export function genauthLogin(
  strategy: string,
  authenticate?: GenAuthAuthenticateOptions,
): { middleware: typeof GenAuthLoginMiddleware; options: GenAuthLoginOptions } {
  return { middleware: GenAuthLoginMiddleware, options: { strategy, ...(authenticate ? { authenticate } : {}) } };
}

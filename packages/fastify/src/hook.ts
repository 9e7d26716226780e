import {
  asError,
  errorBodyOf,
  loginSafely,
  recordFailure,
  resolveStrategy,
  routeOptions,
  toErrorBody,
  type GenAuthSignInOptions,
  type LoginStrategy,
  type StrategyRegistry,
} from '@passport-genauth/core';
import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  /**
   * The user a login leaves on `request.user`: augment it with your user type
   * (`interface PassportUser extends AppUser {}`), exactly as with @fastify/passport.
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PassportUser {}
  // These two must be declared exactly as @fastify/passport declares them, so both can be installed in one app.
  interface FastifyRequest {
    /** What the strategy's verify returned, after a successful login. */
    user?: PassportUser;
    /** The token set GenAuth issued (`GenAuthAuthInfo`): forward it to the app, never log it. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    authInfo?: Record<string, any>;
  }
}

/** Options of `genauth()`: the sign-in options sent to GenAuth (`scope`, `tenantId`, …) and these. */
export interface GenAuthFastifyOptions extends GenAuthSignInOptions {
  /** With a `GenAuthApps` registry as the strategy's client: the application this route always uses. */
  app?: string;
  /** The Passport instance (@fastify/passport, `passport`) a strategy name is looked up in. */
  passport?: StrategyRegistry;
  /**
   * `true`: an error outcome (GenAuth down, a misconfigured app, a throwing verify) is thrown for the
   * app's error handler (`setErrorHandler`) instead of being answered here. Failures are always answered.
   */
  throwErrors?: boolean;
}

/**
 * A Fastify `preValidation` hook that runs one passport-genauth login with the request (headers, the
 * parsed body, query). On success it sets `request.user` and `request.authInfo` and the route handler
 * runs; a failure is answered 400/401 with `toErrorBody`'s JSON and recorded for
 * `getAuthFailure(request)` (also `request.raw`); an error is logged with `request.log.error` and
 * answered with its 5xx JSON, or thrown with `throwErrors`. No session plugin is needed.
 *
 * @param strategyOrName a provider strategy, a `GenAuthMobileStrategy`, or the name it is registered
 *   under on `options.passport` (looked up once, here)
 */
export function genauth(strategyOrName: LoginStrategy | string, options: GenAuthFastifyOptions = {}): preValidationAsyncHookHandler {
  const strategy = resolveStrategy(strategyOrName, options.passport);
  const signIn = routeOptions(options);
  const throwErrors = options.throwErrors === true;
  return async function genauthLogin(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const outcome = await loginSafely(strategy, request, signIn);
    if (outcome.type === 'success') {
      request.user = outcome.user;
      request.authInfo = outcome.info;
      return undefined;
    }
    if (outcome.type === 'fail') {
      const failure = recordFailure([request, request.raw], outcome.challenge, outcome.status);
      const body = toErrorBody(failure);
      // Returning the reply after send() ends the request here (Fastify's rule for async hooks).
      return reply.code(body.status).send(body);
    }
    if (throwErrors) throw outcome.error;
    request.log.error({ err: asError(outcome.error) }, 'passport-genauth: login failed with an error');
    const body = errorBodyOf(outcome.error);
    return reply.code(body.status).send(body);
  };
}

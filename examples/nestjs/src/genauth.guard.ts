import { HttpException, mixin, type ExecutionContext, type Type } from '@nestjs/common';
import { AuthGuard, type IAuthGuard } from '@nestjs/passport';
import { isGenAuthError, toErrorBody, type GenAuthErrorBody, type GenAuthFailure } from '@passport-genauth/core';

/** The JSON body of a failed login, as the Express example answers it. */
export type LoginErrorBody = GenAuthErrorBody;

/**
 * Turns what Passport reported into the HTTP exception Nest answers with: a passport-genauth error
 * keeps its status (500/502/503/504) and code; a failed login keeps the 400/401 challenge with
 * GenAuth's `apiCode`/`requestId`; anything else is a bare 500 that reveals nothing.
 */
export function loginException(err: unknown, info: unknown, status: unknown): HttpException {
  if (err instanceof HttpException) return err;
  if (isGenAuthError(err)) return new HttpException(toErrorBody(err), err.status ?? 500);
  if (err) return new HttpException({ message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 }, 500);
  const challenge = (typeof info === 'object' && info !== null ? info : {}) as Partial<GenAuthFailure>;
  if (typeof challenge.code === 'string' && typeof challenge.status === 'number' && typeof challenge.message === 'string') {
    return new HttpException(toErrorBody(challenge as GenAuthFailure), challenge.status);
  }
  const fallback = typeof status === 'number' && status >= 400 ? status : 401;
  return new HttpException({ message: 'Unauthorized', code: 'UNAUTHORIZED', status: fallback }, fallback);
}

const guards = new Map<string, Type<IAuthGuard>>();

/**
 * `AuthGuard(strategy)` that keeps passport-genauth's answers: Nest's default guard turns every
 * failure into a bare 401, this one answers `{ message, code, status, apiCode?, requestId? }` with
 * the right status. One class per strategy name, like `AuthGuard`.
 */
export function GenAuthGuard(strategy: string): Type<IAuthGuard> {
  const known = guards.get(strategy);
  if (known) return known;
  class GenAuthStrategyGuard extends AuthGuard(strategy) {
    override handleRequest<TUser = unknown>(err: unknown, user: unknown, info: unknown, _context: ExecutionContext, status?: unknown): TUser {
      if (err || !user) throw loginException(err, info, status);
      return user as TUser;
    }
  }
  const guard = mixin(GenAuthStrategyGuard);
  guards.set(strategy, guard);
  return guard;
}

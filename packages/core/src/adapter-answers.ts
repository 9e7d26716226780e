import { toErrorBody, type GenAuthErrorBody } from './error-body';
import { isGenAuthError } from './errors';
import type { GenAuthAuthenticateOptions } from './login';
import { getAuthFailure, rememberFailure, type GenAuthFailure } from './outcome';
import { pickSignInOptions } from './sign-in-options';

/** What an adapter's mount options may pass on to a login: GenAuth's sign-in options and an app pin. */
export function routeOptions(options: object): GenAuthAuthenticateOptions {
  const app = (options as { app?: unknown }).app;
  return { ...pickSignInOptions(options), ...(app === undefined ? {} : { app }) };
}

/** Records the failure on every object the app may hold (`getAuthFailure(x)` finds it on each) and returns it. */
export function recordFailure(targets: readonly object[], challenge: object, status: number): GenAuthFailure {
  const [first, ...rest] = targets as [object, ...object[]];
  rememberFailure(first, challenge, status);
  const failure = getAuthFailure(first) as GenAuthFailure;
  for (const target of rest) rememberFailure(target, failure, status);
  return failure;
}

const INTERNAL_ERROR: GenAuthErrorBody = Object.freeze({ message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 });

/** The JSON for an error outcome: a passport-genauth error keeps its status and code; anything else is a bare 500. */
export function errorBodyOf(error: unknown): GenAuthErrorBody {
  return isGenAuthError(error) ? toErrorBody(error) : INTERNAL_ERROR;
}

/** What to hand an error listener or a logger: always an `Error`. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(`passport-genauth login failed with a non-Error value: ${String(error)}`);
}

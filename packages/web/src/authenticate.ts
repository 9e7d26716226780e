import {
  ConfigurationError,
  getAuthFailure,
  rememberFailure,
  toErrorBody,
  type GenAuthAuthenticateOptions,
  type GenAuthFailure,
  type GenAuthRequest,
  type LoginOutcome,
} from '@passport-genauth/core';
import { DEFAULT_MAX_BODY_BYTES, readBody, type BodyReading } from './read-body';
import { PayloadTooLargeError } from './payload-too-large-error';
import { errorOutcome, type WebLoginOutcome } from './web-outcome';
import { toGenAuthRequest } from './web-request';

/** What `authenticate` needs of a strategy: a provider strategy and `GenAuthMobileStrategy` both have it. */
export interface LoginStrategy {
  login(req: GenAuthRequest, options?: GenAuthAuthenticateOptions): Promise<LoginOutcome>;
}

/** Options of `authenticate`: the per-route sign-in options (`scope`, …) plus how the body is read. */
export interface WebAuthenticateOptions extends GenAuthAuthenticateOptions {
  /** Largest body read, in bytes (default 65 536); beyond it the answer is 413 and GenAuth is not called. */
  readonly maxBodyBytes?: number;
  /** The parsed body when the app already read it (Hono's `c.req.json()`); the `Request` body is then left alone. */
  readonly body?: unknown;
}

function failOutcome(keys: readonly object[], challenge: GenAuthFailure | object, status: number): WebLoginOutcome {
  for (const key of keys) rememberFailure(key, challenge, status);
  const failure = getAuthFailure(keys[0] as object) as GenAuthFailure;
  return { type: 'fail', challenge, status, failure, body: toErrorBody(failure) };
}

async function bodyOf(request: Request, options: WebAuthenticateOptions, maxBodyBytes: number): Promise<BodyReading> {
  if (Object.hasOwn(options, 'body')) return { ok: true, body: options.body };
  if (request.bodyUsed) {
    throw new ConfigurationError('The request body was already read: pass the parsed body as options.body to authenticate()');
  }
  return readBody(request, maxBodyBytes);
}

/**
 * Runs one login for a fetch `Request` (Hono, Next.js route handlers, any Web `Request` → `Response`
 * server) and resolves with its outcome; never rejects. Reads the body once (JSON or a URL-encoded
 * form, at most `maxBodyBytes`), the headers lower-cased and the query string from the URL. A body
 * that cannot be read is a 400 `GENAUTH_INVALID_CREDENTIALS` fail and a body over the cap a 413
 * error, both without calling GenAuth. A failure is recorded for `getAuthFailure(request)`.
 */
export async function authenticate(strategy: LoginStrategy, request: Request, options: WebAuthenticateOptions = {}): Promise<WebLoginOutcome> {
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, body: _body, ...loginOptions } = options;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    return errorOutcome(new ConfigurationError(`Invalid authenticate() options:\n  - maxBodyBytes: must be a positive integer (got ${String(maxBodyBytes)})`));
  }
  let reading: BodyReading;
  try {
    reading = await bodyOf(request, options, maxBodyBytes);
  } catch (error) {
    return errorOutcome(error);
  }
  if (!reading.ok) {
    if (reading.problem === 'too-large') return errorOutcome(new PayloadTooLargeError(reading.message));
    return failOutcome([request], { message: reading.message, code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 }, 400);
  }
  const req = toGenAuthRequest(request, reading.body);
  let outcome: LoginOutcome;
  try {
    outcome = await strategy.login(req, loginOptions);
  } catch (error) {
    outcome = { type: 'error', error };
  }
  switch (outcome.type) {
    case 'success':
      return { ...outcome, status: 200 };
    case 'fail':
      return failOutcome([request, req], outcome.challenge, outcome.status);
    case 'error':
      return errorOutcome(outcome.error);
  }
}

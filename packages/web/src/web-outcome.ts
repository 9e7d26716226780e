import { errorBodyOf as coreErrorBodyOf, type GenAuthErrorBody, type GenAuthFailure, type LoginOutcome } from '@passport-genauth/core';
import { PayloadTooLargeError } from './payload-too-large-error';

type Success = Extract<LoginOutcome, { type: 'success' }>;
type Fail = Extract<LoginOutcome, { type: 'fail' }>;
type Errored = Extract<LoginOutcome, { type: 'error' }>;

/**
 * How a login from a fetch `Request` ended: core's `LoginOutcome` plus what answering it takes. On
 * `success`, `user` and `info` (the token set); on `fail` (the client's fault: 400/401) and `error`
 * (the server's or GenAuth's: 5xx, or 413), `body` is the JSON to send, with `body.status` as status.
 */
export type WebLoginOutcome =
  | (Success & { readonly status: 200 })
  | (Fail & { readonly failure: GenAuthFailure; readonly body: GenAuthErrorBody })
  | (Errored & { readonly status: number; readonly body: GenAuthErrorBody });

/** A successful web login outcome. */
export type WebLoginSuccess = Extract<WebLoginOutcome, { type: 'success' }>;

/** The safe JSON for an error outcome: 413 for a large body, else core's (its GenAuth code and status, or a bare 500). */
export function errorBodyOf(error: unknown): GenAuthErrorBody {
  if (error instanceof PayloadTooLargeError) return { message: error.message, code: error.code, status: error.status };
  return coreErrorBodyOf(error);
}

/** An error outcome with its answer. */
export function errorOutcome(error: unknown): WebLoginOutcome {
  const body = errorBodyOf(error);
  return { type: 'error', error, status: body.status, body };
}

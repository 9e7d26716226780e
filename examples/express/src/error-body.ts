import { getAuthFailure, isGenAuthError, toErrorBody, type GenAuthErrorBody } from '@passport-genauth/core';

/**
 * The JSON every failed request is answered with: passport-genauth's `GenAuthErrorBody`, whose `code`
 * is a `GENAUTH_*` code or, for other failures, `INVALID_JSON`, `PAYLOAD_TOO_LARGE`, `NOT_FOUND`,
 * `UNAUTHORIZED`, `INTERNAL_ERROR`.
 */
export type ErrorBody = GenAuthErrorBody;

interface HttpishError {
  readonly status?: unknown;
  readonly type?: unknown;
  readonly expose?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
}

const BODY_PARSER_CODES: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'INVALID_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_ENCODING',
  'charset.unsupported': 'UNSUPPORTED_CHARSET',
};

/**
 * What to answer for an error that reached the app's error handler: the failure passport-genauth
 * recorded for the request (`failWithError` routes), a passport-genauth error with its status and
 * code, a body-parser error, or a generic 500 that reveals nothing.
 */
export function errorBody(error: unknown, req: object): ErrorBody {
  const failure = getAuthFailure(req);
  if (failure) return toErrorBody(failure);
  if (isGenAuthError(error)) return toErrorBody(error);
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  const status = typeof http.status === 'number' ? http.status : 500;
  if (typeof http.type === 'string' && http.expose === true && status >= 400 && status < 500) {
    return { message: String(http.message), code: BODY_PARSER_CODES[http.type] ?? 'BAD_REQUEST', status };
  }
  if (http.name === 'AuthenticationError' && status >= 400 && status < 500) {
    return { message: String(http.message), code: 'UNAUTHORIZED', status };
  }
  return { message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 };
}

import { getAuthFailure, isGenAuthError } from '@passport-genauth/core';

/** The JSON every failed request is answered with. */
export interface ErrorBody {
  readonly message: string;
  /** A stable code: `GENAUTH_*` from passport-genauth, else `INVALID_JSON`, `PAYLOAD_TOO_LARGE`, `NOT_FOUND`, `UNAUTHORIZED`, `INTERNAL_ERROR`. */
  readonly code: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** GenAuth's business error code, when GenAuth gave one (e.g. 2005: user locked). */
  readonly apiCode?: number;
  /** GenAuth's request id: quote it to GenAuth support. */
  readonly requestId?: string;
  /** For a 400 from passport-genauth: the request fields that were missing or malformed. */
  readonly fields?: readonly string[];
}

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

function withGenAuthIds(body: ErrorBody, ids: { apiCode?: number | undefined; requestId?: string | undefined }): ErrorBody {
  return {
    ...body,
    ...(ids.apiCode !== undefined ? { apiCode: ids.apiCode } : {}),
    ...(ids.requestId !== undefined ? { requestId: ids.requestId } : {}),
  };
}

/**
 * What to answer for an error that reached the app's error handler: the failure passport-genauth
 * recorded for the request (`failWithError` routes), a passport-genauth error with its status and
 * code, a body-parser error, or a generic 500 that reveals nothing.
 */
export function errorBody(error: unknown, req: object): ErrorBody {
  const failure = getAuthFailure(req);
  if (failure) {
    const body = withGenAuthIds({ message: failure.message, code: failure.code, status: failure.status }, failure);
    return failure.fields && failure.fields.length > 0 ? { ...body, fields: failure.fields } : body;
  }
  if (isGenAuthError(error)) {
    return withGenAuthIds({ message: error.message, code: error.code, status: error.status ?? 500 }, error);
  }
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

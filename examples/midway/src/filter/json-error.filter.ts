import { Catch, type IFilter } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { isGenAuthError, toErrorBody, type GenAuthErrorBody } from '@passport-genauth/core';

interface HttpishError {
  readonly status?: unknown;
  readonly type?: unknown;
  readonly expose?: unknown;
  readonly message?: unknown;
}

const CLIENT_ERROR_CODES: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'INVALID_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_ENCODING',
};

/** What to answer for an error Midway caught: a passport-genauth error, a 4xx, or a 500 that reveals nothing. */
export function errorBody(error: unknown): GenAuthErrorBody {
  if (isGenAuthError(error)) return toErrorBody(error);
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  const status = typeof http.status === 'number' ? http.status : 500;
  if (status >= 400 && status < 500) {
    const code = typeof http.type === 'string' ? CLIENT_ERROR_CODES[http.type] : undefined;
    return { message: String(http.message), code: code ?? (status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST'), status };
  }
  return { message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 };
}

/**
 * The app's error filter: every error that reaches Midway's error handling (a controller that throws
 * after a successful login, an unknown route, a body too large) is answered as JSON with the same
 * shape as a failed login, instead of Midway's default HTML or `{ code, message, stack }`.
 */
@Catch()
export class JsonErrorFilter implements IFilter<Context, unknown, unknown> {
  catch(error: Error, ctx: Context): GenAuthErrorBody {
    const body = errorBody(error);
    if (body.status >= 500) ctx.logger.error(error);
    ctx.status = body.status;
    return body;
  }
}

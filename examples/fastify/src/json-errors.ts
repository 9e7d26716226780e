import { isGenAuthError, toErrorBody, type GenAuthErrorBody } from '@passport-genauth/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Where the app writes one line per notable event (never a token). */
export type LogLine = (line: string) => void;

const FASTIFY_CODES: Readonly<Record<string, { code: string; message: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the credential as JSON' },
};

/** The JSON for an error: a passport-genauth error keeps its status and code, a Fastify 4xx names its cause, anything else is a bare 500. */
export function errorBody(error: FastifyError): GenAuthErrorBody {
  if (isGenAuthError(error)) return toErrorBody(error);
  const status = error.statusCode ?? 500;
  // Fixed messages: a JSON parse error's own message quotes the request body, which holds the credential.
  const known = FASTIFY_CODES[error.code];
  if (status >= 400 && status < 500) return { status, ...(known ?? { code: 'BAD_REQUEST', message: 'Bad request' }) };
  return { message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 };
}

/**
 * The app's error handler: the logins run `genauth(strategy, { throwErrors: true })`, so GenAuth's
 * outages and a throwing verify arrive here, next to Fastify's own errors and the handlers' bugs.
 */
export function jsonErrors(log: LogLine) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const body = errorBody(error);
    const requestId = body.requestId ? ` requestId=${body.requestId}` : '';
    log(`${request.method} ${request.url} → ${body.status} ${body.code}${requestId}`);
    if (body.status >= 500) log(`  ${isGenAuthError(error) ? error.code : error.name}: ${error.message}`);
    return reply.code(body.status).send(body);
  };
}

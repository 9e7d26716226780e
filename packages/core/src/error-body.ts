import { CredentialsError, type GenAuthError } from './errors';
import type { GenAuthFailure } from './outcome';

/** The JSON a failed login can be answered with: safe for the client (no secret, no upstream body). */
export interface GenAuthErrorBody {
  readonly message: string;
  /** A stable `GENAUTH_*` code. */
  readonly code: string;
  /** The HTTP status to answer with. */
  readonly status: number;
  /** GenAuth's business error code, when GenAuth gave one (e.g. 2005: user locked). */
  readonly apiCode?: number;
  /** GenAuth's request id: quote it to GenAuth support. */
  readonly requestId?: string;
  /** GenAuth's own `statusCode` (602 bad code, 429 throttled …), so the app can react to the class of failure. */
  readonly genauthStatusCode?: number;
  /** For a 400: the request fields that were missing or malformed. */
  readonly fields?: readonly string[];
}

/**
 * What a client is told of a server-side failure. The real message names configuration (app id,
 * auth method, identity source) or the network (ECONNREFUSED): it belongs in the server's log, where
 * `code` and `requestId` connect the two.
 */
const SERVER_FAILURE_MESSAGES: Readonly<Record<number, string>> = {
  500: 'Authentication failed on the server',
  502: 'The authentication service answered unexpectedly',
  503: 'The authentication service is unavailable; try again later',
  504: 'The authentication service did not answer in time; try again later',
};

/** The message a client may see for a failure answered with `status`. */
export function publicMessage(status: number, message: string): string {
  if (status < 500) return message;
  return SERVER_FAILURE_MESSAGES[status] ?? 'Authentication failed on the server';
}

/**
 * The answer for a passport-genauth failure (`getAuthFailure(req)`, a custom callback's `info`) or
 * error (what reached the error handler), the same from Express, Nest or any other framework. For a
 * 5xx the message is generic (log the error itself on the server); `code` and `requestId` remain.
 */
export function toErrorBody(source: GenAuthFailure | GenAuthError): GenAuthErrorBody {
  const fields = source instanceof CredentialsError ? source.fields : 'fields' in source ? source.fields : undefined;
  const status = source.status ?? 500;
  return {
    message: publicMessage(status, source.message),
    code: source.code,
    status,
    ...(source.apiCode !== undefined ? { apiCode: source.apiCode } : {}),
    ...(source.requestId !== undefined ? { requestId: source.requestId } : {}),
    ...(source.genauthStatusCode !== undefined ? { genauthStatusCode: source.genauthStatusCode } : {}),
    ...(fields && fields.length > 0 ? { fields } : {}),
  };
}

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
 * The answer for a passport-genauth failure (`getAuthFailure(req)`, a custom callback's `info`) or
 * error (what reached the error handler), the same from Express, Nest or any other framework.
 */
export function toErrorBody(source: GenAuthFailure | GenAuthError): GenAuthErrorBody {
  const fields = source instanceof CredentialsError ? source.fields : 'fields' in source ? source.fields : undefined;
  return {
    message: source.message,
    code: source.code,
    status: source.status ?? 500,
    ...(source.apiCode !== undefined ? { apiCode: source.apiCode } : {}),
    ...(source.requestId !== undefined ? { requestId: source.requestId } : {}),
    ...(source.genauthStatusCode !== undefined ? { genauthStatusCode: source.genauthStatusCode } : {}),
    ...(fields && fields.length > 0 ? { fields } : {}),
  };
}

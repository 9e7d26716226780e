import type { DiagnosticErrorCode } from './messages';

/** apiCodes GenAuth publishes that matter to a mobile login (contract: signin-by-mobile); any other is `_OTHER`. */
export const KNOWN_API_CODES: readonly number[] = Object.freeze([1636, 1639, 1640, 1641, 2004, 2005, 2011, 2031, 2120008]);

/** GenAuth's published envelope `statusCode` classes; any other is `_OTHER`. */
export const KNOWN_GENAUTH_STATUS_CODES: readonly number[] = Object.freeze([400, 401, 403, 404, 429, 499, 500, 502, 503, 601, 602, 603]);

const ERROR_CODES: ReadonlySet<string> = new Set<DiagnosticErrorCode>([
  'GENAUTH_INVALID_OPTIONS',
  'GENAUTH_INVALID_CREDENTIALS',
  'GENAUTH_SIGNIN_REJECTED',
  'GENAUTH_CLIENT_AUTH',
  'GENAUTH_ID_TOKEN',
  'GENAUTH_INVALID_RESPONSE',
  'GENAUTH_UPSTREAM',
  'GENAUTH_HTTP',
  'GENAUTH_VERIFY_TIMEOUT',
  'GENAUTH_ACCESS_TOKEN',
  'GENAUTH_INVALID_GRANT',
  'GENAUTH_OAUTH_REQUEST',
  'GENAUTH_UNKNOWN_APP',
  'GENAUTH_VERIFY_REFUSED',
]);

const apiCodes = new Set(KNOWN_API_CODES);
const statusCodes = new Set(KNOWN_GENAUTH_STATUS_CODES);
const CONNECTION = /^[a-z][a-z0-9_]{0,63}$/;

/** `value` when it is one of passport-genauth's codes; request or app data never passes. */
export function knownErrorCode(value: unknown): DiagnosticErrorCode | undefined {
  return typeof value === 'string' && ERROR_CODES.has(value) ? (value as DiagnosticErrorCode) : undefined;
}

/**
 * Label values with a fixed, small set of values each, shared by every exporter (OpenTelemetry,
 * Prometheus) so that a dashboard buckets the same way whatever it reads: `none` when absent, the
 * value when it is a known one, `_OTHER` otherwise. Never a user id, request id or app id.
 */
export const diagnosticLabels = Object.freeze({
  /** `2005`, `none`, or `_OTHER` for an apiCode not in `KNOWN_API_CODES`. */
  apiCode(apiCode: number | undefined): string {
    if (apiCode === undefined) return 'none';
    return apiCodes.has(apiCode) ? String(apiCode) : '_OTHER';
  },
  /** `602`, `none`, or `_OTHER`. */
  genauthStatusCode(statusCode: number | undefined): string {
    if (statusCode === undefined) return 'none';
    return statusCodes.has(statusCode) ? String(statusCode) : '_OTHER';
  },
  /** A `GENAUTH_*` code, `none`, or `_OTHER` (an exception the app's verify threw). */
  errorCode(code: string | undefined): string {
    if (code === undefined) return 'none';
    return ERROR_CODES.has(code) ? code : '_OTHER';
  },
  /** The connection (`wechat`); `none` when there is none; `_OTHER` for a value that is not a connection name. */
  connection(connection: string | undefined): string {
    if (connection === undefined) return 'none';
    return CONNECTION.test(connection) ? connection : '_OTHER';
  },
});

/** GenAuth's request id as it may be shown: a short token of safe characters, else nothing. */
export function safeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}

/**
 * The error model: one branded base class, a stable `code` per failure class, and the Passport outcome
 * each one maps to (see `outcome.ts`). Match on `err.code`, or use the `is*` guards, which keep working
 * when two copies of core are installed (the brand is a global symbol, not a class identity).
 */

const BRAND = Symbol.for('passport-genauth.error');

/** Stable codes carried by every error this library raises. */
export type GenAuthErrorCode =
  | 'GENAUTH_INVALID_OPTIONS'
  | 'GENAUTH_INVALID_CREDENTIALS'
  | 'GENAUTH_SIGNIN_REJECTED'
  | 'GENAUTH_CLIENT_AUTH'
  | 'GENAUTH_ID_TOKEN'
  | 'GENAUTH_INVALID_RESPONSE'
  | 'GENAUTH_UPSTREAM'
  | 'GENAUTH_HTTP';

/** What GenAuth said about a failure, when it said anything. */
export interface GenAuthErrorDetails {
  /** HTTP status this failure should be answered with by the app. */
  status?: number;
  /** GenAuth's `statusCode` from the response envelope (not an HTTP status: 602, 2xxx …). */
  genauthStatusCode?: number;
  /** GenAuth's business error code (`apiCode`), when the failure has one. */
  apiCode?: number;
  /** GenAuth's request id: quote it to GenAuth support. */
  requestId?: string;
  /** The underlying error. */
  cause?: unknown;
  /** The raw response body; kept non-enumerable so it never lands in logs or JSON. */
  responseBody?: string;
}

/** Base class of every error raised by passport-genauth. */
export class GenAuthError extends Error {
  /** Stable machine-readable code; match on it. */
  readonly code: GenAuthErrorCode;
  /** HTTP status the app should answer with, where one applies. */
  readonly status?: number;
  /** GenAuth's `statusCode` from the response envelope, where known (named apart from HTTP's `statusCode`). */
  readonly genauthStatusCode?: number;
  /** GenAuth's business error code, where known. */
  readonly apiCode?: number;
  /** GenAuth's request id, where known. */
  readonly requestId?: string;
  /** The raw response body (non-enumerable). */
  declare readonly responseBody?: string;

  constructor(code: GenAuthErrorCode, message: string, details: GenAuthErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.genauthStatusCode !== undefined) this.genauthStatusCode = details.genauthStatusCode;
    if (details.apiCode !== undefined) this.apiCode = details.apiCode;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    Object.defineProperty(this, 'responseBody', { value: details.responseBody, enumerable: false });
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** Serialises to the safe public fields only (no cause, no body, no stack). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      genauthStatusCode: this.genauthStatusCode,
      apiCode: this.apiCode,
      requestId: this.requestId,
    };
  }
}

/** Bad options at construction: the message lists every bad option and how to fix it. */
export class ConfigurationError extends GenAuthError {
  /** One entry per bad option path. */
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[] = []) {
    super('GENAUTH_INVALID_OPTIONS', message);
    this.issues = issues;
  }
}

/** The credential in the request is missing or malformed (answered 400, no upstream call). */
export class CredentialsError extends GenAuthError {
  /** The dotted request field paths that were wrong. */
  readonly fields: readonly string[];
  constructor(message: string, fields: readonly string[] = []) {
    super('GENAUTH_INVALID_CREDENTIALS', message, { status: 400 });
    this.fields = fields;
  }
}

/** GenAuth refused the user's credential or the user (answered 401 with GenAuth's details). */
export class SignInRejectedError extends GenAuthError {
  constructor(message: string, details: GenAuthErrorDetails) {
    super('GENAUTH_SIGNIN_REJECTED', message, { ...details, status: 401 });
  }
}

/** GenAuth rejected the application itself: unknown app, bad secret, wrong method, unknown identity source. */
export class ClientAuthError extends GenAuthError {
  constructor(message: string, details: GenAuthErrorDetails) {
    super('GENAUTH_CLIENT_AUTH', message, { ...details, status: 500 });
  }
}

/** The id_token's signature or claims are invalid (answered 401). */
export class IdTokenError extends GenAuthError {
  constructor(message: string, cause?: unknown) {
    super('GENAUTH_ID_TOKEN', message, { status: 401, cause });
  }
}

/** GenAuth answered something that is not its envelope: not JSON, wrong shape, too large (502). */
export class InvalidResponseError extends GenAuthError {
  constructor(message: string, details: GenAuthErrorDetails = {}) {
    super('GENAUTH_INVALID_RESPONSE', message, { status: 502, ...details });
  }
}

/** GenAuth answered with its envelope but reported a server-side failure (5xx statusCode): 502/503. */
export class UpstreamError extends GenAuthError {
  constructor(message: string, details: GenAuthErrorDetails) {
    super('GENAUTH_UPSTREAM', message, details);
  }
}

/** Why an HTTP exchange failed before GenAuth could answer. */
export type HttpFailureReason = 'network' | 'timeout' | 'aborted' | 'status';

/** The exchange failed at the transport: network error, timeout (504), abort, or a bare HTTP error status. */
export class HttpError extends GenAuthError {
  /** What went wrong at the transport level. */
  readonly reason: HttpFailureReason;
  constructor(message: string, reason: HttpFailureReason, details: GenAuthErrorDetails) {
    super('GENAUTH_HTTP', message, details);
    this.reason = reason;
  }
}

/** True for any error raised by any installed copy of passport-genauth. */
export function isGenAuthError(value: unknown): value is GenAuthError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** True when `value` is a passport-genauth error with the given code. */
export function hasErrorCode<C extends GenAuthErrorCode>(
  value: unknown,
  code: C,
): value is GenAuthError & { code: C } {
  return isGenAuthError(value) && value.code === code;
}

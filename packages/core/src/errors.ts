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
  | 'GENAUTH_HTTP'
  | 'GENAUTH_VERIFY_TIMEOUT'
  | 'GENAUTH_ACCESS_TOKEN'
  | 'GENAUTH_INVALID_GRANT'
  | 'GENAUTH_OAUTH_REQUEST'
  | 'GENAUTH_UNKNOWN_APP';

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

/** The app's verify neither called `done` nor settled with a user in time (answered 500). */
export class VerifyTimeoutError extends GenAuthError {
  constructor(timeoutMs: number) {
    super(
      'GENAUTH_VERIFY_TIMEOUT',
      `The verify callback did not answer within ${timeoutMs} ms: an async verify must return the user (a resolved undefined means "I will call done"), or call done(err, user); raise verifyTimeoutMs if it is legitimately slow`,
      { status: 500 },
    );
  }
}

/** RFC 6750 error codes of a bearer-token failure; absent when the request carried no token at all (§3.1). */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

const BEARER_STATUS: Readonly<Record<BearerErrorCode, number>> = { invalid_request: 400, invalid_token: 401, insufficient_scope: 403 };

/**
 * A bearer access token is missing, malformed, expired, foreign, revoked (introspection) or lacks a
 * scope: 401 `invalid_token`, 403 `insufficient_scope` (with the `scope` that was required), 400
 * `invalid_request`, or 401 without `error` when no token was sent.
 */
export class AccessTokenError extends GenAuthError {
  /** The RFC 6750 `error`, for the `WWW-Authenticate: Bearer` challenge; absent when no token was sent. */
  readonly error: BearerErrorCode | undefined;
  /** For `insufficient_scope`: the space-separated scopes the resource requires. */
  readonly scope: string | undefined;
  constructor(error: BearerErrorCode | undefined, message: string, details: { cause?: unknown; scope?: string } = {}) {
    super('GENAUTH_ACCESS_TOKEN', message, { status: error === undefined ? 401 : BEARER_STATUS[error], cause: details.cause });
    this.error = error;
    this.scope = details.scope;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), error: this.error, scope: this.scope };
  }
}

/**
 * GenAuth refused a refresh token (`invalid_grant`: unknown, expired, revoked, rotated away, another
 * app's): answered 401; the app answers "sign in again".
 */
export class GrantRejectedError extends GenAuthError {
  constructor(message: string, details: GenAuthErrorDetails = {}) {
    super('GENAUTH_INVALID_GRANT', message, { ...details, status: 401 });
  }
}

/**
 * GenAuth refused a lifecycle request as malformed or not allowed (`invalid_request`, `invalid_scope`,
 * `unsupported_grant_type`, …, named in `error`), or the call was refused before sending for the same
 * reason: answered 400.
 */
export class OAuthRequestError extends GenAuthError {
  /** The OAuth `error` code GenAuth answered (or would have). */
  readonly error: string;
  constructor(error: string, message: string, details: GenAuthErrorDetails = {}) {
    super('GENAUTH_OAUTH_REQUEST', message, { ...details, status: 400 });
    this.error = error;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), error: this.error };
  }
}

/** The request named no application of a `GenAuthApps` registry, or one it does not know (answered 400, no call to GenAuth). */
export class UnknownAppError extends GenAuthError {
  /** The aliases registered at startup. */
  readonly known: readonly string[];
  constructor(message: string, known: readonly string[]) {
    super('GENAUTH_UNKNOWN_APP', known.length > 0 ? `${message}: one of ${known.join(', ')}` : message, { status: 400 });
    this.known = known;
  }
}

/** True for any error raised by any installed copy of passport-genauth. */
export function isGenAuthError(value: unknown): value is GenAuthError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** True when `value` is a passport-genauth error with the given code. */
export function hasErrorCode<C extends GenAuthErrorCode>(value: unknown, code: C): value is GenAuthError & { code: C } {
  return isGenAuthError(value) && value.code === code;
}

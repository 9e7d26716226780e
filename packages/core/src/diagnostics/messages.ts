import type { GenAuthErrorCode } from '../errors';
import type { JwksFetchReason } from '../jwks-cache';
import type { GenAuthRequest } from '../request';
import type { TokenEndpointAuthMethod } from '../types';

/** How an observed operation ended: `fail` is a refusal (the user's or the token's), `error` what an operator must look at. */
export type DiagnosticResult = 'success' | 'fail' | 'error';

/** The stable code of a failure: a `GENAUTH_*` error code, or `GENAUTH_VERIFY_REFUSED` when the app's verify refused. */
export type DiagnosticErrorCode = GenAuthErrorCode | 'GENAUTH_VERIFY_REFUSED';

/**
 * What every observed operation says once it is over (set before `asyncStart`/`error` are published).
 * No field ever holds a credential, token, secret, phone number or email.
 */
export interface DiagnosticCompletion {
  /** How it ended. */
  result?: DiagnosticResult;
  /** The HTTP status the app answers (or would answer) with: 200, 400, 401, 403, 5xx. */
  status?: number;
  /** The failure's stable code, when it has one. */
  errorCode?: DiagnosticErrorCode;
  /** GenAuth's business error code, when GenAuth gave one. */
  apiCode?: number;
  /** GenAuth's envelope `statusCode` (602, 2xxx …), when GenAuth gave one. */
  genauthStatusCode?: number;
  /** GenAuth's request id, when GenAuth gave one: quote it to GenAuth support. */
  requestId?: string;
  /** Milliseconds from start to completion. */
  durationMs?: number;
  /** The error, on the `error` event (set by Node's TracingChannel); a passport-genauth error serialises to safe fields only. */
  error?: unknown;
}

/**
 * `passport-genauth:authenticate`: one login (a provider strategy, or the single route refusing an unknown
 * connection) or one bearer check, wrapping extraction, the exchange, the token check and the app's verify.
 */
export interface AuthenticateMessage extends DiagnosticCompletion {
  /** A mobile login (`login`) or an API request's access-token check (`bearer`). */
  readonly kind: 'login' | 'bearer';
  /** The strategy's name (`genauth-wechat`, `genauth-bearer`, …). */
  readonly strategy: string;
  /** The GenAuth connection (`wechat`, `apple`, …); absent for a bearer check and for an unknown connection. */
  readonly connection?: string;
  /** The alias of the GenAuth application serving the request, when the strategy serves a `GenAuthApps` registry. */
  app?: string;
  /** The GenAuth application id, once known. */
  appId?: string;
  /** The application's origin (`https://my-app.genauth.ai`), once known. */
  serverAddress?: string;
  /** The client authentication method of the sign-in, once known. */
  clientAuthMethod?: TokenEndpointAuthMethod;
  /** The names (never the values) of the credential fields the request carried. */
  readonly credentialFields: readonly string[];
  /** The live request, for in-process correlation only: non-enumerable, so it never lands in JSON or logs. */
  readonly request: GenAuthRequest;
}

/** Which call to GenAuth an exchange is. */
export type ExchangeOperation = 'sign-in' | 'refresh' | 'revoke' | 'introspect' | 'userinfo';

/** `passport-genauth:exchange`: one call to GenAuth, its answer read (the id_token is checked apart). */
export interface ExchangeMessage extends DiagnosticCompletion {
  readonly operation: ExchangeOperation;
  readonly appId: string;
  /** The application's origin. */
  readonly serverAddress: string;
  /** How the app authenticated this call; absent for userinfo (the access token is the credential). */
  readonly clientAuthMethod?: TokenEndpointAuthMethod;
  /** The connection, for a sign-in. */
  readonly connection?: string;
  /** The alias of the app the sign-in is for, when a `GenAuthApps` registry chose it. */
  readonly app?: string;
  /** The names of the payload fields sent, for a sign-in. */
  readonly credentialFields?: readonly string[];
  /** The HTTP status GenAuth answered with, once it answered. */
  httpStatus?: number;
  /** GenAuth answered and refused (a credential, a user, a grant, a token, the application itself). */
  rejected?: boolean;
}

/** `passport-genauth:id-token`: one id_token check (signature and claims, or a decode when verification is off). */
export interface IdTokenMessage extends DiagnosticCompletion {
  readonly appId: string;
  /** The issuer's origin. */
  readonly serverAddress: string;
  /** The token's `alg`: `HS256`, `RS256`, or `other` for anything else (refused). */
  readonly alg: 'HS256' | 'RS256' | 'other';
  /** `false` when the client was configured to decode only (`idToken.verify: false`). */
  readonly verified: boolean;
}

/** `passport-genauth:jwks:fetch`: one fetch of the app's key set. */
export interface JwksFetchMessage {
  readonly jwksUri: string;
  readonly reason: JwksFetchReason;
  readonly durationMs: number;
  readonly ok: boolean;
}

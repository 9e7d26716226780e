import { CredentialsError, isGenAuthError, type GenAuthErrorCode } from './errors';
import type { TokenSet } from './types';

/** What `req.authInfo` holds after a successful login: the token set (plus any info verify passed). */
export type GenAuthAuthInfo = TokenSet & Readonly<Record<string, unknown>>;

/** The challenge handed to Passport's `fail` (and to a custom callback's `info`). */
export interface GenAuthFailure {
  readonly message: string;
  readonly code: GenAuthErrorCode | 'GENAUTH_VERIFY_REFUSED';
  /** The HTTP status Passport answers with. */
  readonly status: number;
  readonly apiCode?: number;
  readonly requestId?: string;
  readonly genauthStatusCode?: number;
  /** For a 400: the request fields that were missing or malformed. */
  readonly fields?: readonly string[];
}

/** How one login ended, before it is handed to Passport. */
export type LoginOutcome =
  | { readonly type: 'success'; readonly user: Express.User; readonly info: GenAuthAuthInfo }
  | { readonly type: 'fail'; readonly challenge: GenAuthFailure | object; readonly status: number }
  | { readonly type: 'error'; readonly error: unknown };

/** Codes that are the request's own fault: a Passport `fail` with the error's status. */
const USER_FAILURES: ReadonlySet<string> = new Set(['GENAUTH_INVALID_CREDENTIALS', 'GENAUTH_SIGNIN_REJECTED', 'GENAUTH_ID_TOKEN', 'GENAUTH_UNKNOWN_APP']);

/**
 * The one place errors become Passport outcomes: the user's fault is a `fail` (400 bad credential,
 * 401 rejected by GenAuth or a bad id_token); everything the operator or the upstream must fix is an
 * `error` carrying `status` and `code`.
 */
export function outcomeOfError(error: unknown): LoginOutcome {
  if (!isGenAuthError(error)) return { type: 'error', error };
  if (USER_FAILURES.has(error.code)) {
    const status = error.status ?? 401;
    const challenge: GenAuthFailure = {
      message: error.message,
      code: error.code,
      status,
      ...(error.apiCode !== undefined ? { apiCode: error.apiCode } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
      ...(error.genauthStatusCode !== undefined ? { genauthStatusCode: error.genauthStatusCode } : {}),
      ...(error instanceof CredentialsError ? { fields: error.fields } : {}),
    };
    return { type: 'fail', challenge, status };
  }
  return { type: 'error', error };
}

const failures = new WeakMap<object, GenAuthFailure>();

function asFailure(challenge: GenAuthFailure | object, status: number): GenAuthFailure {
  const given = challenge as Partial<GenAuthFailure> & Record<string, unknown>;
  if (typeof given.code === 'string' && typeof given.status === 'number' && typeof given.message === 'string') {
    return challenge as GenAuthFailure;
  }
  // The app's verify refused with its own info: keep it, and add what an error handler needs.
  return {
    ...given,
    message: typeof given.message === 'string' ? given.message : 'Sign-in refused by the application',
    code: 'GENAUTH_VERIFY_REFUSED',
    status,
  };
}

/** Remembers why a request failed, for apps that use `failWithError` (Passport drops the challenge there). */
export function rememberFailure(req: object, challenge: GenAuthFailure | object, status: number): void {
  failures.set(req, asFailure(challenge, status));
}

/**
 * Why passport-genauth failed this request, if it did: the message, code, status and GenAuth's
 * `apiCode`/`requestId` (for a refusal by the app's verify, its info plus code `GENAUTH_VERIFY_REFUSED`).
 * Use it in the error handler of a route authenticated with `failWithError: true`.
 */
export function getAuthFailure(req: object): GenAuthFailure | undefined {
  return failures.get(req);
}

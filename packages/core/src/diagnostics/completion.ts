import { isGenAuthError } from '../errors';
import type { LoginOutcome } from '../outcome';
import { knownErrorCode, safeRequestId } from './labels';
import type { DiagnosticCompletion, DiagnosticErrorCode, DiagnosticResult } from './messages';

/** What completes a message: every field a plain value, never the error itself. */
export type Completion = Omit<DiagnosticCompletion, 'error'> & { readonly result: DiagnosticResult };

/** Failures that are the request's (or the token's) own: a refusal, not something an operator must fix. */
const FAILURES: ReadonlySet<DiagnosticErrorCode> = new Set<DiagnosticErrorCode>([
  'GENAUTH_INVALID_CREDENTIALS',
  'GENAUTH_SIGNIN_REJECTED',
  'GENAUTH_ID_TOKEN',
  'GENAUTH_UNKNOWN_APP',
  'GENAUTH_ACCESS_TOKEN',
  'GENAUTH_INVALID_GRANT',
  'GENAUTH_OAUTH_REQUEST',
  'GENAUTH_VERIFY_REFUSED',
]);

/** GenAuth answered and refused: the credential, the user, the grant, the token or the application itself. */
const REJECTIONS: ReadonlySet<DiagnosticErrorCode> = new Set<DiagnosticErrorCode>([
  'GENAUTH_SIGNIN_REJECTED',
  'GENAUTH_CLIENT_AUTH',
  'GENAUTH_INVALID_GRANT',
  'GENAUTH_OAUTH_REQUEST',
  'GENAUTH_ACCESS_TOKEN',
]);

/** The code and GenAuth's ids of a failure object, each only when it is ours and well-formed. */
function idsOf(source: unknown): Omit<Completion, 'result' | 'status' | 'durationMs'> {
  if (typeof source !== 'object' || source === null) return {};
  const given = source as Record<string, unknown>;
  const errorCode = knownErrorCode(given.code);
  // Only our own failures carry GenAuth's ids; an app's `info` could hold anything.
  if (errorCode === undefined || errorCode === 'GENAUTH_VERIFY_REFUSED') return errorCode ? { errorCode } : {};
  const requestId = safeRequestId(given.requestId);
  return {
    errorCode,
    ...(Number.isInteger(given.apiCode) ? { apiCode: given.apiCode as number } : {}),
    ...(Number.isInteger(given.genauthStatusCode) ? { genauthStatusCode: given.genauthStatusCode as number } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
  };
}

function statusOf(error: unknown): number {
  const status = isGenAuthError(error) ? error.status : undefined;
  return typeof status === 'number' ? status : 500;
}

/** How a login or bearer check ended, from its outcome. */
export function completionOfOutcome(outcome: LoginOutcome): Completion {
  switch (outcome.type) {
    case 'success':
      return { result: 'success', status: 200 };
    case 'fail': {
      // A refusal without one of our codes is the app's verify refusing with its own info.
      const ids = idsOf(outcome.challenge);
      return { result: 'fail', status: outcome.status, ...ids, errorCode: ids.errorCode ?? 'GENAUTH_VERIFY_REFUSED' };
    }
    case 'error':
      return { result: 'error', status: statusOf(outcome.error), ...(isGenAuthError(outcome.error) ? idsOf(outcome.error) : {}) };
  }
}

/** How a call that threw ended: a refusal is `fail`, anything an operator must look at is `error`. */
export function completionOfError(error: unknown): Completion {
  const ids = isGenAuthError(error) ? idsOf(error) : {};
  const result: DiagnosticResult = ids.errorCode !== undefined && FAILURES.has(ids.errorCode) ? 'fail' : 'error';
  return { result, status: statusOf(error), ...ids };
}

/** Whether a finished exchange is GenAuth refusing, as opposed to failing or being unreachable. */
export function isRejection(completion: Completion): boolean {
  return completion.errorCode !== undefined && REJECTIONS.has(completion.errorCode);
}

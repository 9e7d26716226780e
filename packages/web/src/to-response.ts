import { PayloadTooLargeError } from './payload-too-large-error';
import type { WebLoginOutcome, WebLoginSuccess } from './web-outcome';

/** Answers a successful login; the default answers `{ user, tokens }`. */
export type SuccessResponder = (success: WebLoginSuccess) => Response | Promise<Response>;

/** Tokens and login failures are per user and per request: never cached by a proxy or the client. */
const NO_STORE = { 'cache-control': 'no-store' } as const;

/**
 * The `Response` for a login outcome: on success `onSuccess(outcome)`, by default JSON
 * `{ user, tokens }` with 200; otherwise the outcome's `toErrorBody` JSON with its status (400 bad
 * credential or body, 401 refused, 413 body too large, with `connection: close`, 500/502/503/504).
 * An error thrown by `onSuccess` rejects the promise, so the framework's own error handling answers it.
 */
export async function toResponse(outcome: WebLoginOutcome, onSuccess?: SuccessResponder): Promise<Response> {
  if (outcome.type === 'success') {
    if (onSuccess) return onSuccess(outcome);
    return Response.json({ user: outcome.user, tokens: outcome.info }, { status: 200, headers: NO_STORE });
  }
  // The client may still be sending the rest of a body over the cap: this connection cannot serve another request.
  const headers = outcome.type === 'error' && outcome.error instanceof PayloadTooLargeError ? { ...NO_STORE, connection: 'close' } : NO_STORE;
  return Response.json(outcome.body, { status: outcome.body.status, headers });
}

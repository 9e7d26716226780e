import { isGenAuthError } from '@passport-genauth/core';
import { authenticate, toResponse, type LoginStrategy } from '@passport-genauth/web';

/**
 * One login from a route handler's `Request`: `{ user, tokens }`, or the `toErrorBody` JSON with its
 * status. The client gets a generic message for a 5xx; the real one goes to the server log here.
 */
export async function login(strategy: LoginStrategy, request: Request): Promise<Response> {
  const outcome = await authenticate(strategy, request);
  if (outcome.type === 'error' && outcome.status >= 500) {
    const error = outcome.error;
    const detail = isGenAuthError(error) ? `${error.code}${error.requestId ? ` requestId=${error.requestId}` : ''}: ${error.message}` : error;
    console.error(`POST ${new URL(request.url).pathname} → ${outcome.status}`, detail);
  }
  return toResponse(outcome);
}

/** The JSON 404 for a provider this backend does not serve. */
export function unknownProvider(provider: string): Response {
  return Response.json({ message: `No sign-in route for ${provider}`, code: 'NOT_FOUND', status: 404 }, { status: 404 });
}

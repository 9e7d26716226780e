import type { Dispatcher } from 'undici';
import type { FormAuthentication } from './endpoint-auth';
import { formAuthMethod, observeExchange, oidcExchange } from './diagnostics/observe-exchange';
import { OAuthRequestError } from './errors';
import { readOAuthResponse } from './oauth-response';
import { exchange } from './transport';

/** How the client reaches GenAuth's `/oidc/*` endpoints: the same pool, deadline and size cap as the sign-in. */
export interface OidcContext {
  /** `{appHost}/oidc`. */
  readonly base: string;
  /** `accept: application/json`, `x-authing-app-id`, the user agent and `x-authing-lang`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** The app secret: never repeated in a message, even if GenAuth echoes it. */
  readonly appSecret: string | undefined;
}

/** One lifecycle call's request. */
export interface OidcCall {
  /** The path under `/oidc`, e.g. `/token/revocation`. */
  readonly path: string;
  /** What the call is, in messages: `refresh`, `revocation`, … */
  readonly what: string;
  /** The presented token: never repeated in a message. */
  readonly token: string;
  readonly signal?: AbortSignal | undefined;
  /** Revocation answers 200 with an empty body. */
  readonly allowEmpty?: boolean;
}

/** Refuses, before anything is sent, a token that is not a non-empty string. */
export function requireToken(token: unknown, what: string): string {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new OAuthRequestError('invalid_request', `${what} must be a non-empty string`);
  }
  return token;
}

/**
 * POSTs a form to an `/oidc/*` endpoint once (no retry: a rotated refresh token must not be sent
 * twice), the client authentication of that endpoint first, then `params`, and reads the answer.
 */
export async function postForm(
  context: OidcContext,
  call: OidcCall,
  authenticate: FormAuthentication,
  params: Readonly<Record<string, string | undefined>>,
): Promise<Record<string, unknown>> {
  const form = new URLSearchParams();
  const headers: Record<string, string> = { ...context.headers, 'content-type': 'application/x-www-form-urlencoded' };
  authenticate(form, headers);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) form.append(name, value);
  return observeExchange(
    () => oidcExchange(context, call, formAuthMethod(form, headers)),
    async (observed) => {
      const response = await exchange(`${context.base}${call.path}`, {
        method: 'POST',
        headers,
        body: form.toString(),
        dispatcher: context.dispatcher,
        timeoutMs: context.timeoutMs,
        maxBytes: context.maxBytes,
        signal: call.signal,
      });
      if (observed) observed.httpStatus = response.status;
      return readOAuthResponse(response, call.what, [call.token, context.appSecret], call.allowEmpty);
    },
  );
}

/** GETs an `/oidc/*` endpoint with `Authorization: Bearer <token>` and reads the answer. */
export async function getWithBearer(context: OidcContext, call: OidcCall): Promise<Record<string, unknown>> {
  return observeExchange(
    () => oidcExchange(context, call, undefined),
    async (observed) => {
      const response = await exchange(`${context.base}${call.path}`, {
        method: 'GET',
        headers: { ...context.headers, authorization: `Bearer ${call.token}` },
        dispatcher: context.dispatcher,
        timeoutMs: context.timeoutMs,
        maxBytes: context.maxBytes,
        signal: call.signal,
      });
      if (observed) observed.httpStatus = response.status;
      return readOAuthResponse(response, call.what, [call.token, context.appSecret]);
    },
  );
}

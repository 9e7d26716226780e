import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { readBody, type RawBody } from '../http-io';
import type { PresentedTokenKind, RequestLogEntry } from '../request-log';
import { originOf } from '../signin-route';
import type { PresentedClientAuth } from './client-authentication';
import { sendOAuthError, sendOAuthJson, type OAuthError } from './oauth-response';
import { redactAuthorization } from './redaction';

/** The token lifecycle endpoints. */
export type LifecycleEndpoint = 'token' | 'revocation' | 'introspection' | 'userinfo';

/** One lifecycle request as a handler sees it. */
export interface Exchange {
  readonly context: EmulatorContext;
  readonly req: IncomingMessage;
  readonly raw: RawBody;
  readonly query: URLSearchParams;
  /** `{appHost}/oidc` for the Host the client used. */
  readonly issuer: string;
  /** Seconds since the epoch. */
  readonly now: number;
}

/** What the request log says about a lifecycle request beyond its answer (nothing secret). */
export interface ExchangeDetails {
  body?: unknown;
  appId?: string;
  clientAuthMethod?: PresentedClientAuth;
  tokenKind?: PresentedTokenKind;
  jti?: string;
  grantId?: string;
}

/** A handler's answer: a JSON body (`null`: empty) or an OAuth error, and the log details. */
export type ExchangeResult =
  { readonly status: 200; readonly body: unknown; readonly details: ExchangeDetails } | { readonly failure: OAuthError; readonly details: ExchangeDetails };

/** Whether the endpoint's answers (errors included) say `cache-control: no-store`. */
const NO_STORE: Readonly<Record<LifecycleEndpoint, boolean>> = { token: true, introspection: true, userinfo: true, revocation: false };

/**
 * Runs one lifecycle request: reads the body, lets the handler decide, sends the answer (OAuth-shaped
 * on failure, with `x-request-id`) and records it in the request log.
 */
export async function runExchange(
  context: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: LifecycleEndpoint,
  handler: (exchange: Exchange) => ExchangeResult,
): Promise<void> {
  const requestId = context.requestIds.next();
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const raw = await readBody(req);
  const exchange: Exchange = {
    context,
    req,
    raw,
    query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)),
    issuer: `${originOf(req, context.fallbackHost)}/oidc`,
    now: Math.floor(Date.now() / 1000),
  };
  const result = handler(exchange);
  const options = { noStore: NO_STORE[endpoint], requestId };
  let httpStatus: number;
  let error: string | undefined;
  if ('failure' in result) {
    sendOAuthError(res, result.failure, options);
    httpStatus = result.failure.status;
    error = result.failure.error;
  } else {
    sendOAuthJson(res, result.status, result.body, options);
    httpStatus = result.status;
  }
  const entry: RequestLogEntry = {
    at: Date.now(),
    method: req.method ?? 'POST',
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    headers: redactAuthorization(req.headers),
    body: result.details.body,
    outcome: httpStatus === 200 ? 'accepted' : 'rejected',
    statusCode: null,
    httpStatus,
    requestId,
    endpoint,
    ...definedOnly(result.details),
    ...(error === undefined ? {} : { error }),
  };
  context.log.record(entry);
}

function definedOnly(details: ExchangeDetails): Omit<ExchangeDetails, 'body'> {
  const { body: _body, ...rest } = details;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}

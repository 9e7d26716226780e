import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AppRuntime, ClientAuthEndpoint } from '../apps';
import { parseBasic } from '../client-auth';
import type { ClientAuthStrictness } from '../config';
import type { FormParams } from './form-body';
import { oauthError, type OAuthError } from './oauth-response';

/**
 * How a client authenticated, as it presented itself: Basic, `client_secret` in the body, both at
 * once (GenAuth's Node SDK in basic mode), or neither (`none`: `client_id` only).
 */
export type PresentedClientAuth = 'client_secret_basic' | 'client_secret_post' | 'client_secret_basic+client_secret_post' | 'none';

/** What the lifecycle endpoints need to authenticate a client. */
export interface ClientAuthInput {
  readonly apps: ReadonlyMap<string, AppRuntime>;
  readonly endpoint: ClientAuthEndpoint;
  readonly strictness: ClientAuthStrictness;
  readonly headers: IncomingHttpHeaders;
  readonly params: FormParams;
  /** `{appHost}/oidc`, the realm of a Basic challenge. */
  readonly issuer: string;
}

/** The outcome: the app, or an OAuth error; both say who the client claimed to be and how. */
export type ClientAuthResult =
  | { readonly ok: true; readonly app: AppRuntime; readonly presented: PresentedClientAuth }
  | { readonly ok: false; readonly error: OAuthError; readonly appId?: string; readonly presented?: PresentedClientAuth };

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

function secretMatches(expected: Buffer | undefined, presented: string): boolean {
  if (expected === undefined) return false;
  const given = Buffer.from(presented, 'utf8');
  // A length mismatch still costs one comparison, so timing does not tell the secret's length.
  if (given.length !== expected.length) return !timingSafeEqual(expected, expected);
  return timingSafeEqual(given, expected);
}

/**
 * Authenticates the client of `/oidc/token`, `/oidc/token/revocation` or `/oidc/token/introspection`
 * with the method the app configures for that endpoint, on the contract's wire forms: post = body
 * `client_id` + `client_secret`; basic = `Basic base64(id:secret)` of the raw strings; none = body
 * `client_id` (else the `x-authing-app-id` header). Errors never echo a secret.
 */
export function authenticateLifecycleClient(input: ClientAuthInput): ClientAuthResult {
  const { headers, params } = input;
  const authorization = firstHeader(headers, 'authorization');
  const sentBasic = authorization !== undefined && /^basic(\s|$)/i.test(authorization);
  const basic = sentBasic ? parseBasic(authorization) : undefined;
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  const presented: PresentedClientAuth = sentBasic
    ? bodySecret === undefined
      ? 'client_secret_basic'
      : 'client_secret_basic+client_secret_post'
    : bodySecret === undefined
      ? 'none'
      : 'client_secret_post';
  const fail = (error: OAuthError, appId?: string): ClientAuthResult =>
    appId === undefined ? { ok: false, error, presented } : { ok: false, error, appId, presented };
  const invalidClient = (appId: string | undefined): ClientAuthResult =>
    fail(oauthError(401, 'invalid_client', 'client authentication failed', sentBasic ? `Basic realm="${input.issuer}"` : undefined), appId);

  if (sentBasic && basic === undefined) return fail(oauthError(400, 'invalid_request', 'invalid authorization header value format'));
  if (basic !== undefined && bodyId !== undefined && bodyId !== basic.id) {
    return fail(oauthError(400, 'invalid_request', 'mismatch in body and authorization client ids'), basic.id);
  }
  if (input.strictness === 'strict' && basic !== undefined && bodySecret !== undefined) {
    return fail(oauthError(400, 'invalid_request', 'client authentication must only be provided using one mechanism'), basic.id);
  }
  const clientId = basic?.id ?? bodyId ?? firstHeader(headers, 'x-authing-app-id') ?? firstHeader(headers, 'x-genauth-app-id');
  if (clientId === undefined) return fail(oauthError(400, 'invalid_request', 'no client authentication mechanism provided'));
  const app = input.apps.get(clientId);
  if (app === undefined) return invalidClient(clientId.slice(0, 64));

  // Every secret presented must be right, whichever mechanism the endpoint wants.
  if (basic !== undefined && !secretMatches(app.secret, basic.secret)) return invalidClient(app.appId);
  if (bodySecret !== undefined && !secretMatches(app.secret, bodySecret)) return invalidClient(app.appId);
  const strict = input.strictness === 'strict';
  switch (app.endpointMethods[input.endpoint]) {
    case 'client_secret_basic':
      return basic === undefined ? invalidClient(app.appId) : { ok: true, app, presented };
    case 'client_secret_post':
      if (bodySecret === undefined || (strict && bodyId === undefined)) return invalidClient(app.appId);
      return { ok: true, app, presented };
    case 'none':
      // Lenient: a client that proves more than needed (the Node SDK's Basic on every endpoint) is fine.
      return strict && presented !== 'none' ? invalidClient(app.appId) : { ok: true, app, presented };
  }
}

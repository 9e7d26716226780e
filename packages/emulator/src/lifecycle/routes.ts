import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { runExchange, type ExchangeResult, type Exchange, type LifecycleEndpoint } from './exchange';
import { introspectToken } from './introspect-token';
import { oauthError } from './oauth-response';
import { refreshGrant } from './refresh-grant';
import { revokeToken } from './revoke-token';
import { userinfo } from './userinfo';

/** `POST`: the refresh grant. */
export const TOKEN_PATH = '/oidc/token';
/** `POST`: RFC 7009 revocation. */
export const REVOCATION_PATH = '/oidc/token/revocation';
/** `POST`: RFC 7662 introspection. */
export const INTROSPECTION_PATH = '/oidc/token/introspection';
/** `GET|POST`: OIDC userinfo (`/oidc/me/` too, as GenAuth's Java SDK calls it). */
export const USERINFO_PATH = '/oidc/me';
/** `GET|POST`: ends a browser session; it does nothing to tokens (a mobile logout is a revocation). */
export const END_SESSION_PATH = '/oidc/session/end';

interface Route {
  readonly endpoint: LifecycleEndpoint;
  readonly methods: readonly string[];
  readonly handler: (exchange: Exchange) => ExchangeResult;
}

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  [TOKEN_PATH, { endpoint: 'token', methods: ['POST'], handler: refreshGrant }],
  [REVOCATION_PATH, { endpoint: 'revocation', methods: ['POST'], handler: revokeToken }],
  [INTROSPECTION_PATH, { endpoint: 'introspection', methods: ['POST'], handler: introspectToken }],
  [USERINFO_PATH, { endpoint: 'userinfo', methods: ['GET', 'POST'], handler: userinfo }],
  [`${USERINFO_PATH}/`, { endpoint: 'userinfo', methods: ['GET', 'POST'], handler: userinfo }],
]);

const SIGNED_OUT = '<!DOCTYPE html>\n<html><head><title>Signed out</title></head><body><p>Signed out.</p></body></html>\n';

/** Serves a token lifecycle path; false when `path` is not one. */
export async function handleLifecycle(context: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (path === END_SESSION_PATH && (method === 'GET' || method === 'POST')) {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(SIGNED_OUT) }).end(SIGNED_OUT);
    return true;
  }
  const route = ROUTES.get(path);
  if (route === undefined) return false;
  if (route.methods.includes(method)) {
    await runExchange(context, req, res, route.endpoint, route.handler);
    return true;
  }
  res.setHeader('allow', route.methods.join(', '));
  await runExchange(context, req, res, route.endpoint, () => ({
    failure: oauthError(405, 'invalid_request', `method not allowed: ${method.slice(0, 16)}`),
    details: {},
  }));
  return true;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { failureEnvelope, reject } from './envelope';
import { sendJson } from './http-io';
import { redactAuthorization } from './lifecycle/redaction';
import { END_SESSION_PATH, INTROSPECTION_PATH, REVOCATION_PATH, TOKEN_PATH, USERINFO_PATH } from './lifecycle/routes';
import { originOf, SIGNIN_PATH } from './signin-route';

/** The JWKS path GenAuth documents. */
export const JWKS_PATH = '/oidc/.well-known/jwks.json';
/** The OpenID Connect discovery path. */
export const DISCOVERY_PATH = '/oidc/.well-known/openid-configuration';

const APP_JWKS = /^\/([^/]+)\/oidc\/\.well-known\/jwks\.json$/;

/**
 * Serves the JWKS at `/oidc/…` and `/{appId}/oidc/…` (the latter only for a known app). Returns false
 * for other paths. With the request, the fetch is logged (endpoint `jwks`).
 */
export function serveJwks(context: EmulatorContext, path: string, res: ServerResponse, req?: IncomingMessage): boolean {
  const perApp = APP_JWKS.exec(path);
  if (path !== JWKS_PATH && perApp === null) return false;
  const requestId = context.requestIds.next();
  const appId = perApp?.[1] === undefined ? undefined : safeDecode(perApp[1]);
  const known = appId === undefined || context.apps.has(appId);
  if (known) {
    context.log.countMetadata('jwksRequests');
    sendJson(res, 200, context.keys.jwksJson, requestId);
  } else {
    const envelope = failureEnvelope(reject(404, `Application not found: ${(appId ?? '').slice(0, 64)}`, 2011), requestId);
    sendJson(res, 404, JSON.stringify(envelope), requestId);
  }
  if (req === undefined) return true;
  context.log.record({
    at: Date.now(),
    method: req.method ?? 'GET',
    path,
    headers: redactAuthorization(req.headers),
    body: undefined,
    outcome: known ? 'accepted' : 'rejected',
    statusCode: known ? null : 404,
    ...(known ? {} : { apiCode: 2011 }),
    httpStatus: known ? 200 : 404,
    requestId,
    endpoint: 'jwks',
    ...(appId === undefined ? {} : { appId: appId.slice(0, 64) }),
  });
  return true;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const CLIENT_AUTH_METHODS = ['client_secret_post', 'client_secret_basic', 'none'];

/** The discovery document for the origin the client used. */
export function discoveryDocument(origin: string): Record<string, unknown> {
  const issuer = `${origin}/oidc`;
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${origin}${TOKEN_PATH}`,
    userinfo_endpoint: `${origin}${USERINFO_PATH}`,
    introspection_endpoint: `${origin}${INTROSPECTION_PATH}`,
    revocation_endpoint: `${origin}${REVOCATION_PATH}`,
    end_session_endpoint: `${origin}${END_SESSION_PATH}`,
    jwks_uri: `${origin}${JWKS_PATH}`,
    signin_by_mobile_endpoint: `${origin}${SIGNIN_PATH}`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    id_token_signing_alg_values_supported: ['RS256', 'HS256'],
    token_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    introspection_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    revocation_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    scopes_supported: ['openid', 'profile', 'username', 'email', 'phone', 'offline_access'],
    claims_supported: [
      'iss',
      'aud',
      'sub',
      'iat',
      'exp',
      'auth_time',
      'name',
      'nickname',
      'picture',
      'given_name',
      'middle_name',
      'family_name',
      'profile',
      'website',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'updated_at',
      'preferred_username',
      'email',
      'email_verified',
      'phone_number',
      'phone_number_verified',
      'address',
    ],
  };
}

/** Serves `/oidc/.well-known/openid-configuration`. */
export function serveDiscovery(context: EmulatorContext, req: IncomingMessage, res: ServerResponse): void {
  context.log.countMetadata('discoveryRequests');
  sendJson(res, 200, JSON.stringify(discoveryDocument(originOf(req, context.fallbackHost))), context.requestIds.next());
}

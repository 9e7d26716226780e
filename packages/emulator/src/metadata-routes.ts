import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { failureEnvelope, reject } from './envelope';
import { sendJson } from './http-io';
import { originOf, SIGNIN_PATH } from './signin-route';

/** The JWKS path GenAuth documents. */
export const JWKS_PATH = '/oidc/.well-known/jwks.json';
/** The OpenID Connect discovery path. */
export const DISCOVERY_PATH = '/oidc/.well-known/openid-configuration';

const APP_JWKS = /^\/([^/]+)\/oidc\/\.well-known\/jwks\.json$/;

/** Serves the JWKS at `/oidc/…` and `/{appId}/oidc/…` (the latter only for a known app). Returns false for other paths. */
export function serveJwks(context: EmulatorContext, path: string, res: ServerResponse): boolean {
  const perApp = APP_JWKS.exec(path);
  if (path !== JWKS_PATH && perApp === null) return false;
  const requestId = context.requestIds.next();
  const appId = perApp?.[1] === undefined ? undefined : safeDecode(perApp[1]);
  if (appId !== undefined && !context.apps.has(appId)) {
    const envelope = failureEnvelope(reject(404, `Application not found: ${appId.slice(0, 64)}`, 2011), requestId);
    sendJson(res, 404, JSON.stringify(envelope), requestId);
    return true;
  }
  context.log.countMetadata('jwksRequests');
  sendJson(res, 200, context.keys.jwksJson, requestId);
  return true;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The discovery document for the origin the client used. */
export function discoveryDocument(origin: string): Record<string, unknown> {
  const issuer = `${origin}/oidc`;
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    jwks_uri: `${origin}${JWKS_PATH}`,
    signin_by_mobile_endpoint: `${origin}${SIGNIN_PATH}`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    id_token_signing_alg_values_supported: ['RS256', 'HS256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'username', 'email', 'phone', 'offline_access'],
    claims_supported: [
      'iss', 'aud', 'sub', 'iat', 'exp', 'auth_time', 'name', 'nickname', 'picture', 'given_name', 'family_name',
      'updated_at', 'preferred_username', 'email', 'email_verified', 'phone_number', 'phone_number_verified',
    ],
  };
}

/** Serves `/oidc/.well-known/openid-configuration`. */
export function serveDiscovery(context: EmulatorContext, req: IncomingMessage, res: ServerResponse): void {
  context.log.countMetadata('discoveryRequests');
  sendJson(res, 200, JSON.stringify(discoveryDocument(originOf(req, context.fallbackHost))), context.requestIds.next());
}

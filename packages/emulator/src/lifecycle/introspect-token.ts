import { readClientRequest } from './client-request';
import type { Exchange, ExchangeResult } from './exchange';
import { oauthError } from './oauth-response';
import { findToken } from './token-lookup';

const CHECKED = ['token', 'token_type_hint', 'client_id', 'client_secret'];

/** An active token as introspection describes it, in GenAuth's key order. */
export interface ActiveIntrospection {
  active: true;
  sub: string;
  client_id: string;
  exp: number;
  iat: number;
  iss: string;
  jti: string;
  scope: string;
  /** Access tokens only. */
  token_type?: 'Bearer';
}

const INACTIVE = { active: false } as const;

/**
 * `POST /oidc/token/introspection` (RFC 7662): client authentication of the introspection endpoint,
 * then `token`. A live access token or refresh token of this app → its description; anything else
 * (unknown, expired, revoked, retired by rotation, malformed, an id_token, another app's) →
 * `{"active":false}`. An opaque refresh token's `jti` is its own value, as in GenAuth's OIDC server.
 */
export function introspectToken(exchange: Exchange): ExchangeResult {
  const start = readClientRequest(exchange, 'introspection', CHECKED);
  if (!start.ok) return start.result;
  const { params, app, details } = start;
  const token = params.get('token');
  if (token === undefined) return { failure: oauthError(400, 'invalid_request', "missing required parameter 'token'"), details };
  const found = findToken(exchange.context.tokenStore, token, params.get('token_type_hint'), exchange.now);
  details.tokenKind = found?.kind ?? 'unknown';
  if (found === undefined || found.grant.appId !== app.appId) return { status: 200, body: INACTIVE, details };
  details.grantId = found.grant.id;
  const { grant } = found;
  if (found.kind === 'access_token') {
    const { record } = found;
    details.jti = record.jti;
    const body: ActiveIntrospection = {
      active: true,
      sub: grant.user.sub,
      client_id: grant.appId,
      exp: record.exp,
      iat: record.iat,
      iss: record.issuer,
      jti: record.jti,
      scope: record.scope,
      token_type: 'Bearer',
    };
    return { status: 200, body, details };
  }
  if (found.retired) return { status: 200, body: INACTIVE, details };
  const body: ActiveIntrospection = {
    active: true,
    sub: grant.user.sub,
    client_id: grant.appId,
    exp: grant.refreshExp,
    iat: grant.refreshIat,
    iss: grant.issuer,
    jti: token,
    scope: grant.scope.scope,
  };
  return { status: 200, body, details };
}

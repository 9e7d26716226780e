import { issueAccessToken, signIdToken } from '../tokens';
import { readClientRequest } from './client-request';
import type { Exchange, ExchangeResult } from './exchange';
import { oauthError } from './oauth-response';

const CHECKED = ['grant_type', 'refresh_token', 'scope', 'client_id', 'client_secret'];

/** The flat JSON of a successful refresh, in GenAuth's key order. */
export interface RefreshAnswer {
  access_token: string;
  expires_in: number;
  id_token?: string;
  /** Absent only with `omitRefreshTokenOnRefresh`. */
  refresh_token?: string;
  scope: string;
  token_type: 'Bearer';
}

/**
 * `POST /oidc/token` with `grant_type=refresh_token`: client authentication of the token endpoint,
 * then the refresh token (unknown, expired, revoked or another app's → `invalid_grant`; one that
 * rotation retired → `invalid_grant` and the whole grant revoked), then the optional `scope` (a
 * subset of the grant's, else `invalid_scope`). Answers a new access token, an id_token when the scope
 * has `openid`, and the same refresh token (a new one in rotation mode; none with `omitRefreshTokenOnRefresh`).
 */
export function refreshGrant(exchange: Exchange): ExchangeResult {
  const start = readClientRequest(exchange, 'token', CHECKED);
  if (!start.ok) return start.result;
  const { params, app, details } = start;
  const fail = (status: 400, error: 'invalid_request' | 'unsupported_grant_type' | 'invalid_grant' | 'invalid_scope', text: string) => ({
    failure: oauthError(status, error, text),
    details,
  });

  const grantType = params.get('grant_type');
  if (grantType === undefined) return fail(400, 'invalid_request', "missing required parameter 'grant_type'");
  if (grantType !== 'refresh_token') return fail(400, 'unsupported_grant_type', 'unsupported grant_type requested');
  const presented = params.get('refresh_token');
  if (presented === undefined) return fail(400, 'invalid_request', "missing required parameter 'refresh_token'");

  const { context, issuer, now } = exchange;
  const store = context.tokenStore;
  const found = store.findRefreshToken(presented, now);
  details.tokenKind = found === undefined ? 'unknown' : 'refresh_token';
  if (found === undefined) return fail(400, 'invalid_grant', 'grant request is invalid');
  const { grant } = found;
  // Another app's grant is not this client's business: refuse it without touching it.
  if (grant.appId !== app.appId) return fail(400, 'invalid_grant', 'grant request is invalid');
  details.grantId = grant.id;
  if (found.retired) {
    store.revokeGrant(grant);
    return fail(400, 'invalid_grant', 'grant request is invalid');
  }

  const requested = params
    .get('scope')
    ?.split(/\s+/)
    .filter((word) => word !== '');
  const words = requested === undefined || requested.length === 0 ? [...grant.scope.scopes] : [...new Set(requested)];
  if (words.some((word) => !grant.scope.scopes.has(word))) return fail(400, 'invalid_scope', 'requested scope is not a subset of the granted scope');
  const scope = words.join(' ');
  const services = { keys: context.keys, lifetimes: context.lifetimes, store };
  const refreshToken = context.options.refreshTokenRotation ? store.rotateRefreshToken(grant, now) : (grant.refreshToken ?? presented);
  const access = issueAccessToken(grant, scope, issuer, now, services);
  details.jti = access.jti;
  const scopes = new Set(words);
  const body: RefreshAnswer = {
    access_token: access.token,
    expires_in: context.lifetimes.accessToken,
    ...(scopes.has('openid') ? { id_token: signIdToken(app, grant, scopes, issuer, now, services) } : {}),
    ...(context.options.omitRefreshTokenOnRefresh ? {} : { refresh_token: refreshToken }),
    scope,
    token_type: 'Bearer',
  };
  return { status: 200, body, details };
}

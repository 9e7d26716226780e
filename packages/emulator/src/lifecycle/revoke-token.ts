import { readClientRequest } from './client-request';
import type { Exchange, ExchangeResult } from './exchange';
import { oauthError } from './oauth-response';
import { findToken } from './token-lookup';

const CHECKED = ['token', 'token_type_hint', 'client_id', 'client_secret'];

/**
 * `POST /oidc/token/revocation` (RFC 7009): client authentication of the revocation endpoint, then
 * `token`. An access token is revoked alone; a refresh token (current or retired by rotation) revokes
 * its whole grant, every access token issued from it included. Unknown, expired or already revoked →
 * 200 all the same; a live token of another app → 400 `invalid_request`. The JWT itself stays
 * verifiable offline until its `exp`: only introspection and userinfo see the revocation.
 */
export function revokeToken(exchange: Exchange): ExchangeResult {
  const start = readClientRequest(exchange, 'revocation', CHECKED);
  if (!start.ok) return start.result;
  const { params, app, details } = start;
  const token = params.get('token');
  if (token === undefined) return { failure: oauthError(400, 'invalid_request', "missing required parameter 'token'"), details };
  const store = exchange.context.tokenStore;
  const found = findToken(store, token, params.get('token_type_hint'), exchange.now);
  details.tokenKind = found?.kind ?? 'unknown';
  if (found === undefined) return { status: 200, body: null, details };
  if (found.grant.appId !== app.appId) {
    return { failure: oauthError(400, 'invalid_request', 'this token does not belong to you'), details };
  }
  details.grantId = found.grant.id;
  if (found.kind === 'access_token') {
    details.jti = found.record.jti;
    store.revokeAccessToken(found.record);
  } else {
    store.revokeGrant(found.grant);
  }
  return { status: 200, body: null, details };
}

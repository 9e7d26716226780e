import type { Exchange, ExchangeDetails, ExchangeResult } from './exchange';
import { paramsOf, parseForm } from './form-body';
import { isOAuthError, oauthError } from './oauth-response';
import { redactForm } from './redaction';
import { userinfoClaims } from './userinfo-claims';

const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * `GET|POST /oidc/me`: the access token in exactly one of `authorization: Bearer`, `?access_token=`
 * or a form body's `access_token` (two places → 400 `invalid_request`, none → 400 `invalid_request`).
 * A token that is malformed, unknown, expired, revoked or without `openid` → 401 `invalid_token` with
 * `WWW-Authenticate: Bearer realm="{appHost}/oidc", error="invalid_token"`. Any app's token is accepted:
 * userinfo authenticates the token, not a client.
 */
export function userinfo(exchange: Exchange): ExchangeResult {
  const { req, issuer } = exchange;
  const details: ExchangeDetails = {};
  const challenge = (error: string) => `Bearer realm="${issuer}", error="${error}"`;
  const badRequest = (text: string): ExchangeResult => ({
    failure: oauthError(400, 'invalid_request', text, challenge('invalid_request')),
    details,
  });

  const places: string[] = [];
  const authorization = req.headers.authorization;
  if (authorization !== undefined && /^bearer(\s|$)/i.test(authorization)) {
    const match = BEARER.exec(authorization);
    if (match?.[1] === undefined) return badRequest('invalid authorization header value format');
    places.push(match[1]);
  }
  const query = paramsOf(exchange.query, ['access_token']);
  if (isOAuthError(query)) return { failure: { ...query, wwwAuthenticate: challenge('invalid_request') }, details };
  const fromQuery = query.get('access_token');
  if (fromQuery !== undefined) places.push(fromQuery);
  if (req.method === 'POST') {
    const form = parseForm(req.headers['content-type'], exchange.raw, ['access_token']);
    if (isOAuthError(form)) return { failure: { ...form, wwwAuthenticate: challenge('invalid_request') }, details };
    details.body = redactForm(form.raw);
    const fromBody = form.get('access_token');
    if (fromBody !== undefined) places.push(fromBody);
  }
  if (places.length > 1) return badRequest('access token must only be provided using one mechanism');
  const token = places[0];
  if (token === undefined) return badRequest('no access token provided');

  const record = exchange.context.tokenStore.findAccessToken(token, exchange.now);
  details.tokenKind = record === undefined ? 'unknown' : 'access_token';
  const invalidToken = (text: string): ExchangeResult => ({
    failure: oauthError(401, 'invalid_token', text, challenge('invalid_token')),
    details,
  });
  if (record === undefined) return invalidToken('invalid token provided');
  Object.assign(details, { appId: record.grant.appId, jti: record.jti, grantId: record.grant.id });
  const scopes = new Set(record.scope.split(' '));
  if (!scopes.has('openid')) return invalidToken("access token missing 'openid' scope");
  return { status: 200, body: userinfoClaims(record.grant, scopes), details };
}

import type { FormAuthentication } from './endpoint-auth';
import { postForm, requireToken, type OidcContext } from './oidc-request';

/** What kind of token is presented (RFC 7009 / 7662 `token_type_hint`); GenAuth searches both anyway. */
export type TokenTypeHint = 'access_token' | 'refresh_token';

/** Options of `GenAuthClient.revoke` and `GenAuthClient.introspect`. */
export interface TokenCallOptions {
  /** Sent as `token_type_hint`. */
  readonly tokenTypeHint?: TokenTypeHint;
  /** Cancels the call. */
  readonly signal?: AbortSignal;
}

/**
 * `POST /oidc/token/revocation` (contract §3): 200 with an empty body, also for an unknown or
 * already revoked token. Revoking a refresh token ends the whole grant (its access tokens too);
 * revoking an access token ends that token (visible to introspection and userinfo, not to offline
 * verification, which accepts it until `exp`).
 */
export async function revokeToken(context: OidcContext, authenticate: FormAuthentication, token: string, options: TokenCallOptions): Promise<void> {
  const presented = requireToken(token, 'token');
  await postForm(context, { path: '/token/revocation', what: 'revocation', token: presented, signal: options.signal, allowEmpty: true }, authenticate, {
    token: presented,
    token_type_hint: options.tokenTypeHint,
  });
}

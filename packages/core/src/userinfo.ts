import { InvalidResponseError } from './errors';
import { getWithBearer, requireToken, type OidcContext } from './oidc-request';

/** The OIDC claims GenAuth releases for an access token's scope; empty ones come as `null`. */
export interface UserInfoClaims {
  readonly sub: string;
  readonly name?: string | null;
  readonly nickname?: string | null;
  readonly picture?: string | null;
  readonly phone_number?: string | null;
  readonly phone_number_verified?: boolean | null;
  readonly email?: string | null;
  readonly email_verified?: boolean | null;
  /** `M`, `F` or `U`. */
  readonly gender?: string | null;
  readonly updated_at?: number | string | null;
  readonly [claim: string]: unknown;
}

/**
 * `GET /oidc/me` with `Authorization: Bearer` (contract §5), the one placement sent. A bad, expired
 * or revoked token, or one without `openid`, is an `AccessTokenError` (`invalid_token`).
 */
export async function fetchUserInfo(context: OidcContext, accessToken: string, signal: AbortSignal | undefined): Promise<UserInfoClaims> {
  const token = requireToken(accessToken, 'accessToken');
  const json = await getWithBearer(context, { path: '/me', what: 'userinfo', token, signal });
  if (typeof json.sub !== 'string' || json.sub === '') throw new InvalidResponseError('GenAuth\'s userinfo answer has no "sub"');
  return json as UserInfoClaims;
}

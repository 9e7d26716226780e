import { randomBytes, randomUUID } from 'node:crypto';
import type { AppRuntime } from './apps';
import type { TokenLifetimes } from './config';
import type { SigninData } from './envelope';
import { signHs256, signRs256, type JwtClaims } from './jwt';
import type { KeyStore } from './keys';
import type { ResolvedUser } from './provider-simulator';
import type { RequestedScope } from './signin-options';

/** What a token set is made from. */
export interface TokenRequest {
  readonly app: AppRuntime;
  readonly user: ResolvedUser;
  readonly scope: RequestedScope;
  /** `<scheme>://<host>/oidc`, from the Host the client used. */
  readonly issuer: string;
  readonly keys: KeyStore;
  readonly lifetimes: Readonly<Required<TokenLifetimes>>;
  /** Seconds since the epoch; defaults to now. */
  readonly now?: number;
}

/**
 * The id_token claims a scope releases: `profile` → name, nickname, picture, given_name, family_name,
 * updated_at; `username` → preferred_username; `email` → email, email_verified; `phone` → phone_number,
 * phone_number_verified. Email and phone appear only when the provider identity has them.
 */
export function scopeClaims(user: ResolvedUser, scopes: ReadonlySet<string>, now: number): Record<string, string | number | boolean> {
  const { identity, sub } = user;
  const claims: Record<string, string | number | boolean> = {};
  if (scopes.has('profile')) {
    const name = identity.name ?? identity.user;
    const [given, ...rest] = name.split(' ');
    claims['name'] = name;
    claims['nickname'] = identity.user;
    claims['picture'] = `https://avatars.genauth-emulator.invalid/${sub}.png`;
    claims['given_name'] = given ?? name;
    if (rest.length > 0) claims['family_name'] = rest.join(' ');
    claims['updated_at'] = now;
  }
  if (scopes.has('username')) claims['preferred_username'] = identity.user;
  if (scopes.has('email') && identity.email !== undefined) {
    claims['email'] = identity.email;
    claims['email_verified'] = user.minted;
  }
  if (scopes.has('phone') && identity.phone !== undefined) {
    claims['phone_number'] = identity.phone;
    claims['phone_number_verified'] = user.minted;
  }
  return claims;
}

/** Signs the access_token and id_token (and mints a refresh_token with `offline_access`). */
export function issueTokens(request: TokenRequest): SigninData {
  const { app, user, scope, issuer, keys, lifetimes } = request;
  const iat = request.now ?? Math.floor(Date.now() / 1000);
  const signingKey = keys.current;
  const accessClaims: JwtClaims = {
    jti: randomUUID(),
    sub: user.sub,
    iat,
    exp: iat + lifetimes.accessToken,
    scope: scope.scope,
    iss: issuer,
    aud: app.appId,
  };
  const idClaims: JwtClaims = {
    iss: issuer,
    aud: app.appId,
    sub: user.sub,
    iat,
    exp: iat + lifetimes.idToken,
    auth_time: iat,
    ...scopeClaims(user, scope.scopes, iat),
  };
  const idToken =
    app.idTokenSigningAlg === 'HS256' && app.hmacKey !== undefined
      ? signHs256(idClaims, app.hmacKey)
      : signRs256(signingKey.encodedHeader, idClaims, signingKey.privateKey);
  return {
    access_token: signRs256(signingKey.encodedHeader, accessClaims, signingKey.privateKey),
    id_token: idToken,
    ...(scope.scopes.has('offline_access') ? { refresh_token: randomBytes(32).toString('base64url') } : {}),
    scope: scope.scope,
    token_type: 'Bearer',
    expire_in: lifetimes.accessToken,
    expires_in: lifetimes.accessToken,
  };
}

import { randomBytes } from 'node:crypto';
import type { AppRuntime } from './apps';
import type { TokenLifetimes } from './config';
import type { SigninData } from './envelope';
import { signHs256, signRs256, type JwtClaims } from './jwt';
import type { KeyStore } from './keys';
import type { Grant, TokenStore } from './lifecycle/token-store';
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
  /** Where the access token and the grant are recorded (for refresh, revocation, introspection, userinfo). */
  readonly store: TokenStore;
  /** Seconds since the epoch; defaults to now. */
  readonly now?: number;
}

/** The claims of an access token, in the order GenAuth writes them. */
export interface AccessTokenClaims {
  readonly jti: string;
  readonly sub: string;
  readonly iat: number;
  readonly exp: number;
  readonly scope: string;
  readonly iss: string;
  readonly aud: string;
}

/** A `jti` as GenAuth's OIDC server makes them: 21 random URL-safe characters (126 bits). */
export function newJti(): string {
  return randomBytes(16).toString('base64url').slice(0, 21);
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

/**
 * Signs an access token of `grant` (RS256, the current key, exactly `jti sub iat exp scope iss aud`)
 * and records it, so that revocation, introspection and userinfo know it. Returns the JWT and its jti.
 */
export function issueAccessToken(
  grant: Grant,
  scope: string,
  issuer: string,
  iat: number,
  services: { readonly keys: KeyStore; readonly lifetimes: Readonly<Required<TokenLifetimes>>; readonly store: TokenStore },
): { readonly token: string; readonly jti: string } {
  const claims: AccessTokenClaims = {
    jti: newJti(),
    sub: grant.user.sub,
    iat,
    exp: iat + services.lifetimes.accessToken,
    scope,
    iss: issuer,
    aud: grant.appId,
  };
  const signingKey = services.keys.current;
  const token = signRs256(signingKey.encodedHeader, claims as unknown as JwtClaims, signingKey.privateKey);
  services.store.recordAccessToken(grant, token, claims);
  return { token, jti: claims.jti };
}

/** Signs an id_token: RS256 with the current key, or HS256 with the app secret, as the app says. */
export function signIdToken(
  app: AppRuntime,
  grant: Grant,
  scopes: ReadonlySet<string>,
  issuer: string,
  iat: number,
  services: { readonly keys: KeyStore; readonly lifetimes: Readonly<Required<TokenLifetimes>> },
): string {
  const idClaims: JwtClaims = {
    iss: issuer,
    aud: app.appId,
    sub: grant.user.sub,
    iat,
    exp: iat + services.lifetimes.idToken,
    auth_time: grant.authTime,
    ...scopeClaims(grant.user, scopes, grant.authTime),
  };
  if (app.idTokenSigningAlg === 'HS256' && app.hmacKey !== undefined) return signHs256(idClaims, app.hmacKey);
  const signingKey = services.keys.current;
  return signRs256(signingKey.encodedHeader, idClaims, signingKey.privateKey);
}

/** Starts a grant, signs its access_token and id_token (and mints a refresh_token with `offline_access`). */
export function issueTokens(request: TokenRequest): SigninData {
  const { app, user, scope, issuer, lifetimes, store } = request;
  const iat = request.now ?? Math.floor(Date.now() / 1000);
  const grant = store.startGrant({ appId: app.appId, user, scope, authTime: iat, issuer, refreshTokenLifetime: lifetimes.refreshToken });
  return {
    access_token: issueAccessToken(grant, scope.scope, issuer, iat, request).token,
    id_token: signIdToken(app, grant, scope.scopes, issuer, iat, request),
    ...(grant.refreshToken === undefined ? {} : { refresh_token: grant.refreshToken }),
    scope: scope.scope,
    token_type: 'Bearer',
    expire_in: lifetimes.accessToken,
    expires_in: lifetimes.accessToken,
  };
}

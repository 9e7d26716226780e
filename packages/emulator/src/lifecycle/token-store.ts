import { createHash, randomBytes } from 'node:crypto';
import type { ResolvedUser } from '../provider-simulator';
import type { RequestedScope } from '../signin-options';

/**
 * One login's session: the user, the scope granted at sign-in, its refresh token (with
 * `offline_access`) and every access token issued from it, at sign-in and by refresh.
 */
export interface Grant {
  /** An internal id (never sent to a client); the request log names grants by it. */
  readonly id: string;
  readonly appId: string;
  readonly user: ResolvedUser;
  readonly scope: RequestedScope;
  /** Seconds since the epoch: when the user signed in. */
  readonly authTime: number;
  /** The refresh token that works now (undefined without `offline_access`). */
  refreshToken: string | undefined;
  /** When the current refresh token was issued. */
  refreshIat: number;
  /** When every refresh token of the grant expires (a rotated one keeps the grant's expiry). */
  readonly refreshExp: number;
  /** The issuer the grant's tokens carry. */
  readonly issuer: string;
  revoked: boolean;
  readonly accessTokens: Set<AccessTokenRecord>;
  /** Every refresh token of the grant, the retired ones too (to revoke them all at once). */
  readonly refreshTokens: string[];
}

/** What GenAuth keeps of an access token, by `jti`. */
export interface AccessTokenRecord {
  readonly jti: string;
  /** SHA-256 of the whole JWT, so that only the exact token issued matches its record. */
  readonly digest: string;
  readonly grant: Grant;
  readonly scope: string;
  readonly iat: number;
  readonly exp: number;
  readonly issuer: string;
}

/** A refresh token as presented: the grant it belongs to, and whether rotation already retired it. */
export interface RefreshTokenLookup {
  readonly grant: Grant;
  readonly retired: boolean;
}

/** What a new grant is made of. */
export interface NewGrant {
  readonly appId: string;
  readonly user: ResolvedUser;
  readonly scope: RequestedScope;
  readonly authTime: number;
  readonly issuer: string;
  /** Seconds a refresh token lives; a refresh token is minted only with `offline_access`. */
  readonly refreshTokenLifetime: number;
}

const SWEEP_EVERY = 1024;

/** SHA-256 of a token, base64url. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** An opaque refresh token: 32 random bytes, 43 base64url characters. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The server-side record of every access token and grant the emulator issued. Revocation deletes
 * records (a revoked token then looks unknown, as GenAuth answers it); expired records are swept from
 * time to time so that a long run does not keep them forever.
 */
export class TokenStore {
  readonly #access = new Map<string, AccessTokenRecord>();
  readonly #refresh = new Map<string, RefreshTokenLookup>();
  #grants = 0;
  #writes = 0;

  /** Starts a grant at sign-in; mints its refresh token when the scope has `offline_access`. */
  startGrant(input: NewGrant): Grant {
    this.#grants += 1;
    const grant: Grant = {
      id: `grant-${this.#grants}`,
      appId: input.appId,
      user: input.user,
      scope: input.scope,
      authTime: input.authTime,
      refreshToken: undefined,
      refreshIat: input.authTime,
      refreshExp: input.authTime + input.refreshTokenLifetime,
      issuer: input.issuer,
      revoked: false,
      accessTokens: new Set(),
      refreshTokens: [],
    };
    if (input.scope.scopes.has('offline_access')) this.#addRefreshToken(grant, input.authTime);
    this.#written(input.authTime);
    return grant;
  }

  /** Records an access token issued from `grant`. */
  recordAccessToken(grant: Grant, token: string, claims: { jti: string; scope: string; iat: number; exp: number; iss: string }): void {
    const record: AccessTokenRecord = {
      jti: claims.jti,
      digest: tokenDigest(token),
      grant,
      scope: claims.scope,
      iat: claims.iat,
      exp: claims.exp,
      issuer: claims.iss,
    };
    this.#access.set(record.jti, record);
    grant.accessTokens.add(record);
    this.#written(claims.iat);
  }

  /** The record of a live access token: issued by us byte for byte, not revoked, not expired. */
  findAccessToken(token: string, now: number): AccessTokenRecord | undefined {
    const jti = readJti(token);
    const record = jti === undefined ? undefined : this.#access.get(jti);
    if (record === undefined || record.exp <= now || record.grant.revoked) return undefined;
    return record.digest === tokenDigest(token) ? record : undefined;
  }

  /** The grant of a refresh token that has not expired, including one that rotation retired. */
  findRefreshToken(token: string, now: number): RefreshTokenLookup | undefined {
    const found = this.#refresh.get(token);
    if (found === undefined || found.grant.revoked || found.grant.refreshExp <= now) return undefined;
    return found;
  }

  /** Retires the grant's refresh token and mints the next one. */
  rotateRefreshToken(grant: Grant, now: number): string {
    if (grant.refreshToken !== undefined) this.#refresh.set(grant.refreshToken, { grant, retired: true });
    return this.#addRefreshToken(grant, now);
  }

  #addRefreshToken(grant: Grant, now: number): string {
    const token = newRefreshToken();
    grant.refreshToken = token;
    grant.refreshIat = now;
    grant.refreshTokens.push(token);
    this.#refresh.set(token, { grant, retired: false });
    return token;
  }

  /** Revokes one access token. */
  revokeAccessToken(record: AccessTokenRecord): void {
    this.#access.delete(record.jti);
    record.grant.accessTokens.delete(record);
  }

  /** Revokes the whole grant: every refresh token it had and every access token issued from it. */
  revokeGrant(grant: Grant): void {
    grant.revoked = true;
    for (const record of grant.accessTokens) this.#access.delete(record.jti);
    grant.accessTokens.clear();
    for (const token of grant.refreshTokens) this.#refresh.delete(token);
  }

  /** How many access tokens and refresh tokens are remembered (live, retired or not yet swept). */
  get size(): { accessTokens: number; refreshTokens: number } {
    return { accessTokens: this.#access.size, refreshTokens: this.#refresh.size };
  }

  /** Forgets every token and grant. */
  clear(): void {
    this.#access.clear();
    this.#refresh.clear();
  }

  #written(now: number): void {
    this.#writes += 1;
    if (this.#writes % SWEEP_EVERY !== 0) return;
    for (const record of this.#access.values()) if (record.exp <= now) this.revokeAccessToken(record);
    for (const [token, found] of this.#refresh) if (found.grant.refreshExp <= now) this.#refresh.delete(token);
  }
}

/** The `jti` claim of a compact JWT, without trusting anything else in it. */
function readJti(token: string): string | undefined {
  const first = token.indexOf('.');
  const second = first < 0 ? -1 : token.indexOf('.', first + 1);
  if (second < 0 || token.length > 16_384) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.slice(first + 1, second), 'base64url').toString('utf8'));
    const jti = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>)['jti'] : undefined;
    return typeof jti === 'string' ? jti : undefined;
  } catch {
    return undefined;
  }
}

import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWSHeaderParameters, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { IdTokenError, isGenAuthError } from './errors';
import type { JwksCache } from './jwks-cache';
import type { IdTokenClaims } from './types';

/** What the id_token must satisfy. */
export interface IdTokenVerifierOptions {
  readonly verify: boolean;
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSec: number;
  /** The app secret, for HS256 tokens; absent for public apps, which can only verify RS256. */
  readonly secret: Uint8Array | undefined;
  readonly jwks: JwksCache;
}

/**
 * Verifies id_tokens the way GenAuth's SDKs choose keys, but strictly: exactly HS256 with the app
 * secret or RS256 through the app's JWKS; any other `alg` (including `none`) is refused before any
 * key is looked at, so a token cannot pick a weaker check for itself.
 */
export class IdTokenVerifier {
  readonly #options: IdTokenVerifierOptions;

  /** jwtVerify's checks, built once per algorithm (each pins exactly one `alg`). */
  readonly #hs256Checks: JWTVerifyOptions;
  readonly #rs256Checks: JWTVerifyOptions;

  constructor(options: IdTokenVerifierOptions) {
    this.#options = options;
    const checks = (alg: 'HS256' | 'RS256'): JWTVerifyOptions => ({
      issuer: options.issuer,
      audience: options.audience,
      clockTolerance: options.clockToleranceSec,
      requiredClaims: ['sub', 'iat', 'exp'],
      algorithms: [alg],
    });
    this.#hs256Checks = checks('HS256');
    this.#rs256Checks = checks('RS256');
  }

  /** Returns the claims of a valid id_token; throws `IdTokenError` (or a transport error while fetching keys). */
  async verify(idToken: string): Promise<IdTokenClaims> {
    if (!this.#options.verify) return this.#decodeOnly(idToken);
    const header = this.#headerOf(idToken);
    const alg = header.alg;
    let claims: IdTokenClaims;
    try {
      // The key is resolved here, from the header decoded above, rather than by jose through a key
      // getter: a known kid is then one Map lookup (see JwksCache.keyFor).
      const key = alg === 'HS256' ? this.#secretFor() : await this.#options.jwks.keyFor(header);
      const { payload } = await jwtVerify(idToken, key, alg === 'HS256' ? this.#hs256Checks : this.#rs256Checks);
      claims = payload as IdTokenClaims;
    } catch (error) {
      throw isGenAuthError(error) ? error : describeJoseError(error);
    }
    // jose checks `iat` only with `maxTokenAge`: refuse a token issued in the future ourselves.
    if (claims.iat > Math.floor(Date.now() / 1000) + this.#options.clockToleranceSec) {
      throw new IdTokenError('id_token "iat" claim timestamp check failed (it should be in the past)');
    }
    // OIDC Core 3.1.3.7: with several audiences, the token must have been issued to us (`azp`).
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== this.#options.audience) {
      throw new IdTokenError('id_token has several audiences but its "azp" claim is not this application');
    }
    return checkSubject(claims);
  }

  #headerOf(idToken: string): JWSHeaderParameters & { alg: 'HS256' | 'RS256' } {
    let header: JWSHeaderParameters;
    try {
      header = decodeProtectedHeader(idToken) as JWSHeaderParameters;
    } catch (error) {
      throw new IdTokenError('id_token is not a valid JWT', error);
    }
    const alg: unknown = header.alg;
    if (alg === 'HS256' || alg === 'RS256') return header as JWSHeaderParameters & { alg: 'HS256' | 'RS256' };
    throw new IdTokenError(`id_token algorithm ${JSON.stringify(alg)} is not accepted (only HS256 with the app secret or RS256 via JWKS)`);
  }

  #secretFor(): Uint8Array {
    if (this.#options.secret) return this.#options.secret;
    throw new IdTokenError('id_token is HS256 but no appSecret is configured: set appSecret, or switch the app to RS256 id_tokens');
  }

  #decodeOnly(idToken: string): IdTokenClaims {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(idToken);
    } catch (error) {
      throw new IdTokenError('id_token is not a valid JWT', error);
    }
    return checkSubject(claims as IdTokenClaims);
  }
}

/** The user id everything downstream keys on: it must be a real string, never a number or `""`. */
function checkSubject(claims: IdTokenClaims): IdTokenClaims {
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new IdTokenError('id_token "sub" claim must be a non-empty string');
  return claims;
}

const JOSE_MESSAGES: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'id_token has expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'id_token signature is invalid',
  ERR_JWKS_NO_MATCHING_KEY: 'id_token is signed with a key the app does not publish',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'id_token key is ambiguous in the JWKS',
  ERR_JOSE_ALG_NOT_ALLOWED: 'id_token algorithm is not accepted',
  ERR_JWS_INVALID: 'id_token is not a valid JWS',
  ERR_JWT_INVALID: 'id_token is not a valid JWT',
};

/** jose's own messages name claims and reasons but never the token, so they are safe to pass on. */
function describeJoseError(error: unknown): IdTokenError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && error instanceof Error) {
    return new IdTokenError(`id_token ${error.message}`, error);
  }
  return new IdTokenError(JOSE_MESSAGES[code] ?? 'id_token could not be verified', error);
}

import type { KeyObject } from 'node:crypto';
import { idTokenStart, observeIdToken } from './diagnostics/observe-id-token';
import { IdTokenError, isGenAuthError } from './errors';
import type { JwksCache } from './jwks-cache';
import { JwtError, parseJwt } from './jwt';
import { nowSeconds, verifySignedToken, type SignedTokenRules } from './signed-token';
import type { IdTokenClaims } from './types';

/** What the id_token must satisfy. */
export interface IdTokenVerifierOptions {
  readonly verify: boolean;
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSec: number;
  /** The app secret as an HMAC key, for HS256 tokens; absent for public apps, which can only verify RS256. */
  readonly secret: KeyObject | undefined;
  readonly jwks: JwksCache;
}

/**
 * Verifies id_tokens the way GenAuth's SDKs choose keys, but strictly: exactly HS256 with the app
 * secret or RS256 through the app's JWKS; any other `alg` (including `none`) is refused before any
 * key is looked at, so a token cannot pick a weaker check for itself. The check runs on this thread
 * (see `jwt/`), synchronously once the key is cached.
 */
export class IdTokenVerifier {
  readonly #options: IdTokenVerifierOptions;
  readonly #rules: SignedTokenRules;

  constructor(options: IdTokenVerifierOptions) {
    this.#options = options;
    this.#rules = {
      algorithms: ['HS256', 'RS256'],
      issuer: options.issuer,
      audience: options.audience,
      clockToleranceSec: options.clockToleranceSec,
      requiredClaims: ['sub', 'iat', 'exp'],
      jwks: options.jwks,
      secret: options.secret,
    };
  }

  /** Returns the claims of a valid id_token; throws `IdTokenError` (or a transport error while fetching keys). */
  verify(idToken: string): Promise<IdTokenClaims> {
    return observeIdToken(
      idToken,
      () => idTokenStart(this.#options),
      () => this.#verify(idToken),
    );
  }

  async #verify(idToken: string): Promise<IdTokenClaims> {
    if (!this.#options.verify) return this.#decodeOnly(idToken);
    let claims: IdTokenClaims;
    try {
      claims = (await verifySignedToken(idToken, this.#rules)) as IdTokenClaims;
    } catch (error) {
      throw isGenAuthError(error) ? error : this.#describe(error, idToken);
    }
    // A token is verified only against keys it may use: `iat` in the future is refused here (jose
    // checks it only with maxTokenAge), as is a token for several audiences not issued to us.
    if (claims.iat > nowSeconds() + this.#options.clockToleranceSec) {
      throw new IdTokenError('id_token "iat" claim timestamp check failed (it should be in the past)');
    }
    // OIDC Core 3.1.3.7: with several audiences, the token must have been issued to us (`azp`).
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== this.#options.audience) {
      throw new IdTokenError('id_token has several audiences but its "azp" claim is not this application');
    }
    return checkSubject(claims);
  }

  #decodeOnly(idToken: string): IdTokenClaims {
    let payload: unknown;
    try {
      payload = parseJwt(idToken).payload;
    } catch {
      throw new IdTokenError('id_token is not a valid JWT');
    }
    if (payload === undefined) throw new IdTokenError('id_token is not a valid JWT');
    return checkSubject(payload as IdTokenClaims);
  }

  /** Our message for a refused token: never a claim value but `iss`, which names a configuration. */
  #describe(error: unknown, idToken: string): IdTokenError {
    if (!(error instanceof JwtError)) return new IdTokenError('id_token could not be verified');
    if (error.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && error.claim === 'iss' && error.reason === 'check_failed') {
      return new IdTokenError(issuerMismatch(idToken, this.#options.issuer), error);
    }
    if (error.code === 'ERR_JWS_KEY_UNUSABLE' && this.#options.secret === undefined && parseJwt(idToken).header.alg === 'HS256') {
      return new IdTokenError('id_token is HS256 but no appSecret is configured: set appSecret, or switch the app to RS256 id_tokens', error);
    }
    if (error.code === 'ERR_JOSE_ALG_NOT_ALLOWED') {
      const alg = parseJwt(idToken).header.alg;
      return new IdTokenError(`id_token algorithm ${JSON.stringify(alg)} is not accepted (only HS256 with the app secret or RS256 via JWKS)`, error);
    }
    if (error.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return new IdTokenError(`id_token ${error.message}`, error);
    return new IdTokenError(MESSAGES[error.code] ?? 'id_token could not be verified', error);
  }
}

/**
 * A signed token from our own GenAuth whose `iss` is not the expected one almost always means the
 * configuration names the app differently (a custom domain, another region): say so, with both values
 * (an issuer is public; no other claim is ever quoted).
 */
function issuerMismatch(idToken: string, expected: string): string {
  const iss = parseJwt(idToken).payload?.iss;
  const said = typeof iss === 'string' ? JSON.stringify(iss) : 'not a string';
  return `id_token "iss" claim check failed: it is ${said} but this client expects ${JSON.stringify(expected)}; if that is your GenAuth application's issuer, set appHost (or idToken.issuer) to match`;
}

/** The user id everything downstream keys on: it must be a real string, never a number or `""`. */
function checkSubject(claims: IdTokenClaims): IdTokenClaims {
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new IdTokenError('id_token "sub" claim must be a non-empty string');
  return claims;
}

const MESSAGES: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'id_token has expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'id_token signature is invalid',
  ERR_JWS_KEY_UNUSABLE: 'id_token signature is invalid',
  ERR_JWKS_NO_MATCHING_KEY: 'id_token is signed with a key the app does not publish',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'id_token key is ambiguous in the JWKS',
  ERR_JWS_INVALID: 'id_token is not a valid JWT',
  ERR_JWT_INVALID: 'id_token is not a valid JWT',
};

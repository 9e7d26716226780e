import { AccessTokenError, isGenAuthError } from './errors';
import type { JwksCache } from './jwks-cache';
import { JwtError, parseJwt, type JwsHeader, type ParsedJwt } from './jwt';
import { nowSeconds, verifySignedToken, type SignedTokenRules } from './signed-token';

/** Claims of a verified GenAuth access token (contract §1: `jti`, `sub`, `iat`, `exp`, `scope`, `iss`, `aud`). */
export interface AccessTokenClaims {
  /** The token's id: what introspection results are cached by. */
  readonly jti: string;
  /** The GenAuth user id: always a non-empty string. */
  readonly sub: string;
  readonly iat?: number;
  readonly exp: number;
  /** Space-separated granted scopes. */
  readonly scope: string;
  readonly iss: string;
  readonly aud: string | readonly string[];
  readonly [claim: string]: unknown;
}

/** What a resource requires of an access token besides a valid signature and claims. */
export interface VerifyAccessTokenOptions {
  /** Scopes that must all be present in the token's `scope`. */
  readonly scopes?: readonly string[];
}

/**
 * Verifies access tokens offline. An interface so that the implementation behind
 * `GenAuthClient.verifyAccessToken` can change without touching its callers.
 */
export interface AccessTokenVerifier {
  /** The claims of a valid token; throws `AccessTokenError` (or a transport error while fetching keys). */
  verify(token: string, options?: VerifyAccessTokenOptions): Promise<AccessTokenClaims>;
}

/** What an access token must satisfy. */
export interface AccessTokenVerifierOptions {
  /** `{appHost}/oidc`. */
  readonly issuer: string;
  /** The app id. */
  readonly audience: string;
  readonly clockToleranceSec: number;
  /** The client's key set: the same cache (and refetch cooldown) as the id_token's. */
  readonly jwks: JwksCache;
}

/** The scopes of a `scope` claim. */
export function scopesOf(claims: { readonly scope?: unknown }): string[] {
  return typeof claims.scope === 'string' ? claims.scope.split(' ').filter((scope) => scope !== '') : [];
}

/** Throws `insufficient_scope` (403) unless every required scope is granted. */
export function requireScopes(claims: AccessTokenClaims, required: readonly string[] | undefined): void {
  if (!required || required.length === 0) return;
  const granted = new Set(scopesOf(claims));
  const missing = required.filter((scope) => !granted.has(scope));
  if (missing.length > 0) {
    throw new AccessTokenError('insufficient_scope', `The access token lacks the scope ${missing.join(' ')}`, { scope: required.join(' ') });
  }
}

/**
 * RS256 only, key by `kid` through the app's JWKS (one refetch on an unknown `kid`, under the cache's
 * cooldown), `iss`, `aud` = appId, `exp`/`nbf`/`iat` with the clock tolerance, `sub` a non-empty
 * string, required scopes. Any other `alg` (HS256 signed with the app secret, `none`) is refused
 * before a key is looked at: GenAuth never issues one, so such a token is forged or foreign. The
 * check runs on this thread, synchronously once the key is cached (`jwt/`, the same path as id_tokens).
 */
export class JwtAccessTokenVerifier implements AccessTokenVerifier {
  readonly #options: AccessTokenVerifierOptions;
  readonly #rules: SignedTokenRules;

  constructor(options: AccessTokenVerifierOptions) {
    this.#options = options;
    this.#rules = {
      algorithms: ['RS256'],
      issuer: options.issuer,
      audience: options.audience,
      clockToleranceSec: options.clockToleranceSec,
      // `jti` and `scope` are what set an access token apart from an id_token of the same app (same
      // key, iss, aud and sub): an id_token is not accepted as a bearer token.
      requiredClaims: ['exp', 'sub', 'jti', 'scope'],
      jwks: options.jwks,
      secret: undefined,
    };
  }

  async verify(token: string, options: VerifyAccessTokenOptions = {}): Promise<AccessTokenClaims> {
    let claims: AccessTokenClaims;
    try {
      const parsed = parseJwt(token);
      const header = headerOf(parsed);
      if (header.kid === undefined || header.kid === '') throw invalid('The access token names no key ("kid")');
      claims = (await verifySignedToken(parsed, this.#rules)) as AccessTokenClaims;
    } catch (error) {
      throw isGenAuthError(error) ? error : describe(error);
    }
    this.#checkClaims(claims);
    requireScopes(claims, options.scopes);
    return claims;
  }

  #checkClaims(claims: AccessTokenClaims): void {
    if (typeof claims.sub !== 'string' || claims.sub === '') throw invalid('The access token has no user ("sub" must be a non-empty string)');
    if (typeof claims.iat === 'number' && claims.iat > nowSeconds() + this.#options.clockToleranceSec) {
      throw invalid('The access token was issued in the future ("iat")');
    }
    // GenAuth's user tokens name exactly this app; an extra audience means a token made for someone else too.
    if (Array.isArray(claims.aud) && claims.aud.length !== 1) throw invalid('The access token names several audiences');
    if (typeof claims.scope !== 'string') throw invalid('The access token "scope" claim is not a string');
    if (typeof claims.jti !== 'string' || claims.jti === '') throw invalid('The access token "jti" claim must be a non-empty string');
  }
}

function invalid(message: string, cause?: unknown): AccessTokenError {
  return new AccessTokenError('invalid_token', message, { cause });
}

/** The header, with `alg` checked first: nothing else of a token with another `alg` is looked at. */
function headerOf(parsed: ParsedJwt): JwsHeader {
  const header = parsed.header;
  if (header.alg !== 'RS256')
    throw invalid(`The access token algorithm ${JSON.stringify(header.alg)} is not accepted (GenAuth signs access tokens with RS256 only)`);
  return header;
}

const MESSAGES: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'The access token has expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'The access token signature is invalid',
  ERR_JWS_KEY_UNUSABLE: 'The access token signature is invalid',
  ERR_JWKS_NO_MATCHING_KEY: 'The access token is signed with a key the app does not publish',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'The access token key is ambiguous in the JWKS',
  ERR_JOSE_ALG_NOT_ALLOWED: 'The access token algorithm is not accepted',
  ERR_JWS_INVALID: 'The access token is not a JWT',
  ERR_JWT_INVALID: 'The access token is not a valid JWT',
};

/** Our messages name the claim and the reason, never a value from the token. */
function describe(error: unknown): AccessTokenError {
  if (!(error instanceof JwtError)) return invalid('The access token could not be verified');
  if (error.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return invalid(`The access token was refused: ${error.message}`, error);
  return invalid(MESSAGES[error.code] ?? 'The access token could not be verified', error);
}

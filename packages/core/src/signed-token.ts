import { createSecretKey, type KeyObject } from 'node:crypto';
import type { JwksCache } from './jwks-cache';
import { JwtError, parseJwt, verifyJwt, type JwtAlgorithm, type JwtPayload, type ParsedJwt } from './jwt';

/** What a GenAuth-signed token (id_token or access token) must satisfy, and where its keys are. */
export interface SignedTokenRules {
  /** Accepted `alg` values; any other is refused before a key is looked at. */
  readonly algorithms: readonly JwtAlgorithm[];
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSec: number;
  readonly requiredClaims: readonly string[];
  /** RS256 keys: the app's JWKS. */
  readonly jwks: JwksCache;
  /** HS256 key: the app secret, when the app has one. */
  readonly secret: KeyObject | undefined;
}

/** The app secret as an HMAC key, made once per client. */
export function hmacKey(secret: string | undefined): KeyObject | undefined {
  return secret === undefined ? undefined : createSecretKey(Buffer.from(secret, 'utf8'));
}

/**
 * Parses and verifies a token on this thread: synchronously when its key is cached (the common case),
 * through a promise only when the JWKS must be fetched. Throws (or rejects with) `JwtError` for a bad
 * token, or the JWKS fetch's own error. A non-string `kid` is refused before any lookup, so it can
 * never alias a cached string `kid`.
 */
export function verifySignedToken(token: string | ParsedJwt, rules: SignedTokenRules): JwtPayload | Promise<JwtPayload> {
  // A caller that looked at the header already hands the parsed token over: a token is decoded once.
  const parsed = typeof token === 'string' ? parseJwt(token) : token;
  const { alg, kid } = parsed.header;
  if (typeof alg !== 'string' || !(rules.algorithms as readonly string[]).includes(alg)) {
    throw new JwtError('ERR_JOSE_ALG_NOT_ALLOWED', '"alg" (Algorithm) Header Parameter value not allowed');
  }
  if (kid !== undefined && typeof kid !== 'string') throw new JwtError('ERR_JWS_INVALID', 'JWS "kid" Header Parameter must be a string');
  if (alg === 'HS256') {
    if (rules.secret === undefined) throw new JwtError('ERR_JWS_KEY_UNUSABLE', 'HS256 needs the app secret');
    return verifyJwt(parsed, rules.secret, rules);
  }
  const key = rules.jwks.keyFor(parsed.header);
  return key instanceof Promise ? key.then((fetched) => verifyJwt(parsed, fetched, rules)) : verifyJwt(parsed, key, rules);
}

/** Whole seconds since the epoch. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

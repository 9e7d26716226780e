import type { KeyObject } from 'node:crypto';
import { checkClaims, type ClaimsCheck } from './claims';
import { unencodedPayload } from './critical';
import { ParsedJwt, type JwtPayload } from './decode';
import { JwtError } from './jwt-error';
import { KeySet } from './key-set';
import { signatureValid, type JwtAlgorithm } from './signature';

/** What a token must satisfy: jose's `jwtVerify` options of the same names. */
export interface JwtCheck extends ClaimsCheck {
  /** The `alg` values accepted; any other is refused before a key is looked at. */
  readonly algorithms: readonly JwtAlgorithm[];
  /** Required `iss` (an empty string requires the claim but not its value, as jose). */
  readonly issuer: string;
  /** Required audience: `aud` equal to it or an array listing it. */
  readonly audience: string;
  /** Seconds of leeway for `exp` and `nbf`. */
  readonly clockToleranceSec: number;
  /** Claims that must be present (whatever their value), checked after `iss` and `aud`. */
  readonly requiredClaims?: readonly string[] | undefined;
  /** "Now" for `exp` and `nbf`; the clock when absent. */
  readonly currentDate?: Date | undefined;
}

/**
 * Verifies a parsed compact JWS and its claims synchronously, accepting and refusing the tokens
 * jose 5's `jwtVerify(token, key, check)` does, with the same error codes, in jose's order:
 * `crit`/`b64`, `alg` present and allowed, the key (selected from a `KeySet` as `createLocalJWKSet`
 * would, or the given `KeyObject`: a secret one for HS256, an RSA one of at least 2048 bits for
 * RS256), the signature, the payload a JSON object, the claims. The one difference is `parseJwt`'s:
 * a segment that is not canonical base64url is refused, where jose decodes it leniently (see
 * `base64url.ts`). `test/jwt-differential.test.ts` holds both to this. Returns the claims set (the
 * object `parsed.payload` holds); throws `JwtError`.
 */
export function verifyJwt(parsed: ParsedJwt, key: KeyObject | KeySet, check: JwtCheck): JwtPayload {
  if (!(parsed instanceof ParsedJwt)) throw new TypeError('verifyJwt needs the ParsedJwt that parseJwt returned');
  const header = parsed.header;
  const unencoded = unencodedPayload(header);
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '') throw new JwtError('ERR_JWS_INVALID', 'JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (!(check.algorithms as readonly string[]).includes(alg)) {
    throw new JwtError('ERR_JOSE_ALG_NOT_ALLOWED', '"alg" (Algorithm) Header Parameter value not allowed');
  }
  const verifier = key instanceof KeySet ? key.select(header) : key;
  if (!signatureValid(alg, verifier, parsed.signingInput, parsed.signature)) {
    throw new JwtError('ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'signature verification failed');
  }
  if (unencoded) throw new JwtError('ERR_JWT_INVALID', 'JWTs MUST NOT use unencoded payload');
  const payload = parsed.payload;
  if (payload === undefined) throw new JwtError('ERR_JWT_INVALID', 'JWT Claims Set must be a top-level JSON object');
  checkClaims(payload, check);
  return payload;
}

import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JwsHeader } from './decode';
import { JwtError, type JwtErrorCode } from './jwt-error';
import { isPlainObject } from './plain-object';

/** One JWKS member: what selection compares, and its key (or why it cannot be used), imported once. */
interface Member {
  readonly kty: unknown;
  readonly kid: unknown;
  readonly alg: string | undefined;
  readonly crv: unknown;
  /** `use` absent or `sig`, and `key_ops` absent or listing `verify`. */
  readonly forVerifying: boolean;
  readonly key: KeyObject | undefined;
  readonly refusal: readonly [JwtErrorCode, string] | undefined;
}

/** The key type an `alg` family needs, as jose's `createLocalJWKSet` reads it (by its first two letters). */
function keyTypeFor(alg: unknown): string {
  switch (typeof alg === 'string' ? alg.slice(0, 2) : undefined) {
    case 'RS':
    case 'PS':
      return 'RSA';
    case 'ES':
      return 'EC';
    case 'Ed':
      return 'OKP';
    default:
      throw new JwtError('ERR_JOSE_NOT_SUPPORTED', 'Unsupported "alg" value for a JSON Web Key Set');
  }
}

function curveFits(alg: unknown, crv: unknown): boolean {
  switch (alg) {
    case 'ES256':
      return crv === 'P-256';
    case 'ES256K':
      return crv === 'secp256k1';
    case 'ES384':
      return crv === 'P-384';
    case 'ES512':
      return crv === 'P-521';
    case 'Ed25519':
      return crv === 'Ed25519';
    case 'EdDSA':
      return crv === 'Ed25519' || crv === 'Ed448';
    default:
      return true;
  }
}

/** Imports a member the way jose does when it is selected; only RSA, EC and OKP members can ever be selected. */
function importKey(jwk: Record<string, unknown>): Pick<Member, 'key' | 'refusal'> {
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC' && jwk.kty !== 'OKP') return { key: undefined, refusal: undefined };
  if (jwk.kty === 'RSA' && 'oth' in jwk && jwk.oth !== undefined) {
    return { key: undefined, refusal: ['ERR_JOSE_NOT_SUPPORTED', 'RSA JWK "oth" (Other Primes Info) Parameter value is not supported'] };
  }
  if (jwk.d) return { key: undefined, refusal: ['ERR_JWKS_INVALID', 'JSON Web Key Set members must be public keys'] };
  try {
    return { key: createPublicKey({ format: 'jwk', key: jwk as JsonWebKey }), refusal: undefined };
  } catch {
    return { key: undefined, refusal: ['ERR_JWKS_INVALID', 'JSON Web Key Set member could not be imported'] };
  }
}

function memberOf(jwk: Record<string, unknown>): Member {
  const { kty, kid, alg, crv, use } = jwk;
  const ops = jwk.key_ops;
  return {
    kty,
    kid,
    alg: typeof alg === 'string' ? alg : undefined,
    crv,
    forVerifying: (typeof use !== 'string' || use === 'sig') && (!Array.isArray(ops) || ops.includes('verify')),
    ...importKey(jwk),
  };
}

/**
 * A JSON Web Key Set, parsed once: every member's public key is imported here, so selecting a key
 * costs a short loop and no allocation. Selection is jose's `createLocalJWKSet`: by key type (from
 * the token's `alg`), then `kid` when the token names one as a string, the member's `alg`, `use`,
 * `key_ops` and curve. A member that cannot be imported only fails the tokens that select it.
 */
export class KeySet {
  readonly #members: readonly Member[];

  private constructor(members: readonly Member[]) {
    this.#members = members;
  }

  /** Parses `{ keys: [ ...JWK objects ] }`; throws `JwtError('ERR_JWKS_INVALID')` for anything else. */
  static parse(jwks: unknown): KeySet {
    const keys: unknown = typeof jwks === 'object' && jwks !== null ? (jwks as { keys?: unknown }).keys : undefined;
    if (!Array.isArray(keys) || !keys.every(isPlainObject)) throw new JwtError('ERR_JWKS_INVALID', 'JSON Web Key Set malformed');
    return new KeySet(keys.map(memberOf));
  }

  /** How many members the set has, usable or not. */
  get size(): number {
    return this.#members.length;
  }

  /** Whether a member has this `kid` (whatever its type): a token naming another `kid` calls for a fresh set. */
  hasKid(kid: string): boolean {
    return this.#members.some((member) => member.kid === kid);
  }

  /**
   * The one key that may verify a token with this header; throws `JwtError` with
   * `ERR_JWKS_NO_MATCHING_KEY`, `ERR_JWKS_MULTIPLE_MATCHING_KEYS`, `ERR_JOSE_NOT_SUPPORTED` (an `alg`
   * no key set can serve, such as `HS256`), or why the selected member cannot be used.
   */
  select(header: JwsHeader): KeyObject {
    const alg = header.alg;
    const kty = keyTypeFor(alg);
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    let found: Member | undefined;
    for (const member of this.#members) {
      if (member.kty !== kty || (kid !== undefined && member.kid !== kid)) continue;
      if ((member.alg !== undefined && member.alg !== alg) || !member.forVerifying || !curveFits(alg, member.crv)) continue;
      if (found !== undefined) throw new JwtError('ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'multiple matching keys found in the JSON Web Key Set');
      found = member;
    }
    if (found === undefined) throw new JwtError('ERR_JWKS_NO_MATCHING_KEY', 'no applicable key found in the JSON Web Key Set');
    if (found.key === undefined) throw new JwtError(...(found.refusal ?? ['ERR_JWKS_INVALID', 'JSON Web Key Set member could not be imported']));
    return found.key;
  }
}

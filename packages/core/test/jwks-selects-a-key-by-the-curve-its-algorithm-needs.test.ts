import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { JwtError, KeySet } from '../src/jwt';

/**
 * `KeySet.select` chooses the way jose's `createLocalJWKSet` does, curve included: a token's `alg`
 * picks the key type and, for EC and OKP keys, the curve. A set that publishes one key per curve
 * must give each algorithm its own key, and refuse an algorithm whose curve it lacks.
 */
function publicJwk(key: KeyObject, kid: string): Record<string, unknown> {
  return { ...key.export({ format: 'jwk' }), kid };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof JwtError) return error.code;
    throw error;
  }
  return 'selected';
}

describe('a JSON Web Key Set with one key per curve', () => {
  const curves = {
    'P-256': generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey,
    'P-384': generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey,
    'P-521': generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey,
    secp256k1: generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey,
    Ed25519: generateKeyPairSync('ed25519').publicKey,
    Ed448: generateKeyPairSync('ed448').publicKey,
  };
  const set = KeySet.parse({ keys: Object.entries(curves).map(([curve, key]) => publicJwk(key, curve)) });
  const selected = (alg: string) => set.select({ alg });

  it.each([
    ['ES256', 'P-256'],
    ['ES384', 'P-384'],
    ['ES512', 'P-521'],
    ['ES256K', 'secp256k1'],
    ['Ed25519', 'Ed25519'],
  ] as const)('gives %s the key on %s, and only that one', (alg, curve) => {
    expect(selected(alg).equals(curves[curve])).toBe(true);
  });

  it('finds two candidates for EdDSA, which may use Ed25519 or Ed448, and says the choice is ambiguous', () => {
    expect(codeOf(() => selected('EdDSA'))).toBe('ERR_JWKS_MULTIPLE_MATCHING_KEYS');
    expect(set.select({ alg: 'EdDSA', kid: 'Ed448' }).equals(curves.Ed448)).toBe(true);
    expect(set.select({ alg: 'EdDSA', kid: 'Ed25519' }).equals(curves.Ed25519)).toBe(true);
  });

  it('refuses an algorithm whose curve the set does not publish', () => {
    const onlyP256 = KeySet.parse({ keys: [publicJwk(curves['P-256'], 'p')] });
    for (const alg of ['ES384', 'ES512', 'ES256K']) expect(codeOf(() => onlyP256.select({ alg }))).toBe('ERR_JWKS_NO_MATCHING_KEY');
    const onlyEd448 = KeySet.parse({ keys: [publicJwk(curves.Ed448, 'e')] });
    expect(codeOf(() => onlyEd448.select({ alg: 'Ed25519' }))).toBe('ERR_JWKS_NO_MATCHING_KEY');
    expect(onlyEd448.select({ alg: 'EdDSA' }).equals(curves.Ed448)).toBe(true);
    const onlyP521 = KeySet.parse({ keys: [publicJwk(curves['P-521'], 'q')] });
    expect(codeOf(() => onlyP521.select({ alg: 'ES256' }))).toBe('ERR_JWKS_NO_MATCHING_KEY');
    const onlyK = KeySet.parse({ keys: [publicJwk(curves.secp256k1, 'k')] });
    expect(codeOf(() => onlyK.select({ alg: 'ES256' }))).toBe('ERR_JWKS_NO_MATCHING_KEY');
    const onlyEd25519 = KeySet.parse({ keys: [publicJwk(curves.Ed25519, 'd')] });
    expect(onlyEd25519.select({ alg: 'EdDSA' }).equals(curves.Ed25519)).toBe(true);
  });
});

import { createHmac, KeyObject, timingSafeEqual, verify } from 'node:crypto';
import { JwtError } from './jwt-error';

/** The signature algorithms this verifier implements. */
export type JwtAlgorithm = 'RS256' | 'HS256';

function unusable(message: string): JwtError {
  return new JwtError('ERR_JWS_KEY_UNUSABLE', message);
}

/** RS256 keys already found usable; `asymmetricKeyDetails` is cheap, but a WeakSet hit is cheaper still. */
const rsaKeysChecked = new WeakSet<KeyObject>();

/** jose's rules for an RS256 verification key: not a secret, an RSA (not RSA-PSS) key, at least 2048 bits. */
function checkRsaKey(key: KeyObject): void {
  if (rsaKeysChecked.has(key)) return;
  if (key.type === 'secret') throw unusable('a secret key cannot verify RS256');
  if (key.asymmetricKeyType !== 'rsa') throw unusable('RS256 needs an RSA key');
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (typeof bits !== 'number' || bits < 2048) throw unusable('RS256 requires key modulusLength to be 2048 bits or larger');
  rsaKeysChecked.add(key);
}

/**
 * Checks a JWS signature synchronously: HMAC-SHA256 compared in constant time, or RSASSA-PKCS1-v1_5
 * SHA-256 on this thread (jose's async `crypto.verify` goes through the libuv pool, which costs
 * several times the check itself). Throws `JwtError('ERR_JWS_KEY_UNUSABLE')` for a key that does not
 * fit `alg`, the checks jose makes before it looks at the signature.
 */
export function signatureValid(alg: string, key: unknown, signingInput: string, signature: Buffer): boolean {
  if (alg !== 'RS256' && alg !== 'HS256') {
    throw new JwtError('ERR_JOSE_NOT_SUPPORTED', 'only RS256 and HS256 are supported by this verifier');
  }
  if (!(key instanceof KeyObject)) throw unusable(`the key for ${alg} must be a KeyObject`);
  if (alg === 'HS256') {
    if (key.type !== 'secret') throw unusable('HS256 needs a secret key');
    const expected = createHmac('sha256', key).update(signingInput).digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  }
  checkRsaKey(key);
  try {
    // UTF-8, as jose signs and verifies: a leniently decoded segment may carry any character.
    return verify('sha256', Buffer.from(signingInput, 'utf8'), key, signature);
  } catch {
    return false;
  }
}

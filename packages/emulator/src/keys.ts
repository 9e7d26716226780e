import { createHash, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { encodeSegment } from './jwt';

const generateRsaKeyPair = promisify(generateKeyPair);

/** A public signing key as published in the JWKS. */
export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

/** A JSON Web Key Set. */
export interface JsonWebKeySet {
  keys: PublicJwk[];
}

/** A signing key with everything a signature needs already computed. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Readonly<PublicJwk>;
  /** The base64url JWT header `{ alg: 'RS256', typ: 'JWT', kid }`, encoded once. */
  readonly encodedHeader: string;
}

async function newSigningKey(): Promise<SigningKey> {
  // Generating an RSA key takes tens of milliseconds: it is async and happens only at start and rotation.
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('RSA public key export lacks n/e');
  // RFC 7638 thumbprint: a stable kid that changes with the key.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
  const jwk: PublicJwk = Object.freeze({ kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' });
  return { kid, privateKey, jwk, encodedHeader: encodeSegment({ alg: 'RS256', typ: 'JWT', kid }) };
}

/**
 * The emulator's RSA keys: the current one signs; after a rotation the previous one stays published
 * (so tokens it signed still verify) until the rotation after, when it is dropped.
 */
export class KeyStore {
  #current: SigningKey;
  #previous: SigningKey | undefined;
  #jwksJson = '';

  private constructor(first: SigningKey) {
    this.#current = first;
    this.#publish();
  }

  /** A store with one freshly generated RSA-2048 key. */
  static async create(): Promise<KeyStore> {
    return new KeyStore(await newSigningKey());
  }

  /** The key that signs now. */
  get current(): SigningKey {
    return this.#current;
  }

  /** Generates a new key that signs from now on; returns its `kid`. */
  async rotate(): Promise<string> {
    const next = await newSigningKey();
    this.#previous = this.#current;
    this.#current = next;
    this.#publish();
    return next.kid;
  }

  /** The published keys, current first. */
  jwks(): JsonWebKeySet {
    return JSON.parse(this.#jwksJson) as JsonWebKeySet;
  }

  /** The JWKS document, serialized once per rotation. */
  get jwksJson(): string {
    return this.#jwksJson;
  }

  #publish(): void {
    const keys = this.#previous === undefined ? [this.#current.jwk] : [this.#current.jwk, this.#previous.jwk];
    this.#jwksJson = JSON.stringify({ keys });
  }
}

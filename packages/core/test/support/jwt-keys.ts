import { createHmac, createSecretKey, generateKeyPair, randomBytes, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions, type KeyLike } from 'jose';
import { JwtError, KeySet, parseJwt, verifyJwt, type JwtCheck, type JwtPayload } from '../../src/jwt';

const generate = promisify(generateKeyPair);

/** Everything a token can be signed or verified with; RSA keygen is slow, so one set per test file. */
export interface JwtKeys {
  /** 2048-bit RSA keys, as published in the JWKS. */
  readonly rsaA: KeyObject;
  readonly rsaB: KeyObject;
  /** A 2048-bit RSA key that no JWKS lists (the attacker's, embedded in `jwk` headers). */
  readonly rsaAttacker: KeyObject;
  /** A 1024-bit RSA key: jose refuses it for RS256. */
  readonly rsaSmall: KeyObject;
  readonly ec: KeyObject;
  /** The public halves (KeyObject), by the same names. */
  readonly public: Readonly<Record<'rsaA' | 'rsaB' | 'rsaAttacker' | 'rsaSmall' | 'ec', KeyObject>>;
  /** The app secret, a wrong one, and rsaA's public key PEM used as an HMAC secret (key confusion). */
  readonly secret: Uint8Array;
  readonly wrongSecret: Uint8Array;
  readonly pemSecret: Uint8Array;
}

export async function makeJwtKeys(): Promise<JwtKeys> {
  const [a, b, attacker, small, ec] = await Promise.all([
    generate('rsa', { modulusLength: 2048 }),
    generate('rsa', { modulusLength: 2048 }),
    generate('rsa', { modulusLength: 2048 }),
    generate('rsa', { modulusLength: 1024 }),
    generate('ec', { namedCurve: 'P-256' }),
  ]);
  return {
    rsaA: a.privateKey,
    rsaB: b.privateKey,
    rsaAttacker: attacker.privateKey,
    rsaSmall: small.privateKey,
    ec: ec.privateKey,
    public: { rsaA: a.publicKey, rsaB: b.publicKey, rsaAttacker: attacker.publicKey, rsaSmall: small.publicKey, ec: ec.publicKey },
    secret: new Uint8Array(randomBytes(32)),
    wrongSecret: new Uint8Array(randomBytes(32)),
    pemSecret: new Uint8Array(Buffer.from(a.publicKey.export({ format: 'pem', type: 'spki' }) as string)),
  };
}

const exported = new WeakMap<KeyObject, Record<string, unknown>>();

/** The JWK of a key (exported once), with extra members. */
export function jwkOf(key: KeyObject, extra: Record<string, unknown> = {}): Record<string, unknown> {
  let jwk = exported.get(key);
  if (jwk === undefined) {
    jwk = key.export({ format: 'jwk' });
    exported.set(key, jwk);
  }
  return { ...jwk, ...extra };
}

export const segment = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** How a signing input is signed; the algorithm need not match the header's `alg` (that is the point of some cases). */
export type Signer =
  | { readonly kind: 'rsa'; readonly key: KeyObject; readonly hash: 'sha256' | 'sha512' }
  | { readonly kind: 'ec'; readonly key: KeyObject }
  | { readonly kind: 'hmac'; readonly secret: Uint8Array }
  | { readonly kind: 'none' };

const signatures = new Map<string, string>();

/** The base64url signature of `input`; RSA signatures are remembered, as signing costs a millisecond or two. */
export function signatureOf(signer: Signer, input: string): string {
  switch (signer.kind) {
    case 'none':
      return '';
    case 'hmac':
      return createHmac('sha256', signer.secret).update(input).digest('base64url');
    case 'ec':
      return sign('sha256', Buffer.from(input), { key: signer.key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    case 'rsa': {
      const id = `${String(jwkOf(signer.key).n).slice(0, 16)}:${signer.hash}:${input}`;
      const known = signatures.get(id);
      if (known !== undefined) return known;
      const signature = sign(signer.hash, Buffer.from(input), signer.key).toString('base64url');
      signatures.set(id, signature);
      return signature;
    }
  }
}

/** A signed compact JWS from a header and payload (objects, or raw text). */
export function signToken(header: unknown, payload: unknown, signer: Signer): string {
  const input = `${segment(header)}.${segment(payload)}`;
  return `${input}.${signatureOf(signer, input)}`;
}

/** What the verifying side holds: a JWKS, an app secret (raw bytes for jose, a secret KeyObject for us), or one KeyObject. */
export type VerifyKey =
  | { readonly kind: 'jwks'; readonly jwks: unknown }
  | { readonly kind: 'secret'; readonly secret: Uint8Array }
  | { readonly kind: 'key'; readonly key: KeyObject };

/** One verifier's answer: the payload, or the error code (`TypeError`/`Error` plus Node's code for jose's plain errors). */
export type Verdict = { readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly code: string; readonly error: unknown };

function refused(error: unknown): Verdict {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const name = error instanceof Error ? error.name : typeof error;
  return { ok: false, code: code === '' ? name : code, error };
}

type JoseKey = KeyLike | Uint8Array | JWTVerifyGetKey;

/** The key as each side holds it once set up (a JWKS is parsed once, as an app would), or why the set was refused. */
export interface PreparedKeys {
  readonly jose: JoseKey | Verdict;
  readonly ours: KeyObject | KeySet | Verdict;
}

export function prepareKeys(key: VerifyKey): PreparedKeys {
  if (key.kind === 'secret') return { jose: key.secret, ours: createSecretKey(key.secret) };
  if (key.kind === 'key') return { jose: key.key, ours: key.key };
  let jose: JoseKey | Verdict;
  let ours: KeySet | Verdict;
  try {
    jose = createLocalJWKSet(key.jwks as never);
  } catch (error) {
    jose = refused(error);
  }
  try {
    ours = KeySet.parse(key.jwks);
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    ours = refused(error);
  }
  return { jose, ours };
}

/** jose 5's verdict: `jwtVerify(token, createLocalJWKSet(jwks) | secret | key, options)`. */
export async function joseVerdict(token: string, key: JoseKey, check: JwtCheck): Promise<Verdict> {
  const options: JWTVerifyOptions = {
    algorithms: [...check.algorithms],
    issuer: check.issuer,
    audience: check.audience,
    clockTolerance: check.clockToleranceSec,
  };
  if (check.requiredClaims !== undefined) options.requiredClaims = [...check.requiredClaims];
  if (check.currentDate !== undefined) options.currentDate = check.currentDate;
  try {
    const verified = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    return { ok: true, payload: verified.payload };
  } catch (error) {
    return refused(error);
  }
}

/** Our verdict for the same token, key and check. */
export function ourVerdict(token: string, key: KeyObject | KeySet, check: JwtCheck): Verdict {
  try {
    const payload: JwtPayload = verifyJwt(parseJwt(token), key, check);
    return { ok: true, payload };
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return refused(error);
  }
}

import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/** An RSA signing key with its public JWK, as GenAuth's JWKS would publish it. */
export interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

/** Makes an RS256 key pair for tests. */
export async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/** Claims an id_token normally carries for the test app. */
export interface TokenClaims {
  readonly iss: string;
  readonly aud: string;
  readonly sub?: string;
  readonly expiresInSec?: number;
  readonly issuedAtOffsetSec?: number;
  readonly extra?: Record<string, unknown>;
}

function base(claims: TokenClaims): SignJWT {
  const now = Math.floor(Date.now() / 1000) + (claims.issuedAtOffsetSec ?? 0);
  return new SignJWT({ ...claims.extra })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setSubject(claims.sub ?? '64a0c0ffee0000000000a11c')
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresInSec ?? 3600));
}

/** Signs an RS256 id_token with a test key. */
export function signRs256(key: TestKey, claims: TokenClaims): Promise<string> {
  return base(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}

/** Signs an HS256 id_token with a secret. */
export function signHs256(secret: string | Uint8Array, claims: TokenClaims): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return base(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

/** An unsigned token (`alg: none`). */
export function unsigned(claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ iss: claims.iss, aud: claims.aud, sub: claims.sub ?? 'u1', iat: now, exp: now + 3600 })).toString('base64url');
  return `${header}.${payload}.`;
}

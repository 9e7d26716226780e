import { createHmac, sign, type KeyObject } from 'node:crypto';

/** The claims of a JWT the emulator signs. */
export type JwtClaims = Readonly<Record<string, string | number | boolean>>;

/** Base64url of a JSON value: how a JWT encodes its header and its claims. */
export function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The pre-encoded header of every HS256 JWT (no `kid`: the app secret is the key). */
export const HS256_HEADER = encodeSegment({ alg: 'HS256', typ: 'JWT' });

/** Signs `claims` with RS256 (RSASSA-PKCS1-v1_5 with SHA-256) under a header encoded once per key. */
export function signRs256(encodedHeader: string, claims: JwtClaims, privateKey: KeyObject): string {
  const input = `${encodedHeader}.${encodeSegment(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** Signs `claims` with HS256 (HMAC-SHA-256 keyed with the app secret). */
export function signHs256(claims: JwtClaims, secret: KeyObject): string {
  const input = `${HS256_HEADER}.${encodeSegment(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

import { APP, ISSUER, JWKS_PATH, type MockGenAuth, type TestKey } from '@passport-genauth/testing';
import { SignJWT, type JWTPayload } from 'jose';

/** GenAuth's access-token claims in the contract's order: jti, sub, iat, exp, scope, iss, aud. */
export interface AccessTokenShape {
  jti?: string;
  sub?: unknown;
  iat?: number;
  exp?: number;
  nbf?: number;
  scope?: string;
  iss?: string;
  aud?: string | string[];
  [claim: string]: unknown;
}

export const USER = '64a0c0ffee0000000000a11c';

const now = () => Math.floor(Date.now() / 1000);

/** A valid access token's claims for the test app; `overrides` replace, `omit` removes. */
export function accessClaims(overrides: AccessTokenShape = {}, omit: readonly string[] = []): JWTPayload {
  const iat = overrides.iat ?? now();
  const claims: Record<string, unknown> = {
    jti: 'Vd5f0kqZ1rQ0v8yQ2nGtA',
    sub: USER,
    iat,
    exp: iat + 1_209_600,
    scope: 'openid profile offline_access',
    iss: ISSUER,
    aud: APP.appId,
    ...overrides,
  };
  for (const name of omit) delete claims[name];
  return claims;
}

/** Signs access-token claims RS256 with a key, its `kid` in the header, as GenAuth does. */
export function signAccessToken(key: TestKey, claims: JWTPayload = accessClaims(), kid = key.kid): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey);
}

/** Signs claims HS256 with the app secret (what GenAuth's Go SDK would accept). */
export function signWithAppSecret(claims: JWTPayload = accessClaims(), kid?: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) }).sign(new TextEncoder().encode(APP.appSecret));
}

/** An unsigned token (`alg: none`). */
export function unsignedToken(claims: JWTPayload = accessClaims(), kid?: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) })}.${part(claims)}.`;
}

/** Serves a JWKS that can change (a key rotation) and counts how often it was fetched. */
export function serveRotatingJwks(mock: MockGenAuth, initial: readonly TestKey[]): { fetches: () => number; publish: (keys: readonly TestKey[]) => void } {
  let keys = initial;
  let fetches = 0;
  mock.pool
    .intercept({ path: JWKS_PATH, method: 'GET' })
    .reply(() => {
      fetches += 1;
      return {
        statusCode: 200,
        data: JSON.stringify({ keys: keys.map((key) => key.publicJwk) }),
        responseOptions: { headers: { 'content-type': 'application/json' } },
      };
    })
    .persist();
  return { fetches: () => fetches, publish: (next) => (keys = next) };
}

import { createSecretKey } from 'node:crypto';
import { IdTokenError } from '@passport-genauth/core';
import { MockAgent } from 'undici';
import { IdTokenVerifier } from '../src/id-token';
import { JwksCache } from '../src/jwks-cache';
import { signToken } from './support/jwt-keys';

const ORIGIN = 'https://tenant.genauth.example';
const ISSUER = `${ORIGIN}/oidc`;
const AUDIENCE = 'app-5f0c2b';
const NOW = 1_760_000_000;
const TOLERANCE = 30;
/** Only HS256 tokens here: the app secret, and another one (no RSA key needs generating). */
const keys = {
  secret: new Uint8Array(Buffer.from('app-secret-0123456789abcdef-0123')),
  wrongSecret: new Uint8Array(Buffer.from('not-the-app-secret-0123456789abc')),
};

/** The message of what a promise rejected with (it must reject with an IdTokenError). */
async function refusedWith(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(IdTokenError);
  expect(error).toMatchObject({ code: 'GENAUTH_ID_TOKEN', status: 401 });
  return (error as Error).message;
}

describe('id_token checks beyond the signature hold to their edges', () => {
  let agent: MockAgent;
  let verifier: IdTokenVerifier;

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW * 1000 + 500);
    agent = new MockAgent();
    agent.disableNetConnect();
    const jwks = new JwksCache({ uri: `${ORIGIN}/oidc/.well-known/jwks.json`, dispatcher: agent, timeoutMs: 5_000, cooldownMs: 0, maxAgeMs: 600_000 });
    verifier = new IdTokenVerifier({
      verify: true,
      issuer: ISSUER,
      audience: AUDIENCE,
      clockToleranceSec: TOLERANCE,
      secret: createSecretKey(keys.secret),
      jwks,
    });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await agent.close();
  });

  const claims = (extra: Record<string, unknown> = {}) =>
    Object.fromEntries(
      Object.entries({ iss: ISSUER, aud: AUDIENCE, sub: 'user-7d1a', iat: NOW - 10, exp: NOW + 600, ...extra }).filter(([, value]) => value !== undefined),
    );
  const hs256 = (payload: unknown) => signToken({ alg: 'HS256' }, payload, { kind: 'hmac', secret: keys.secret });

  it('accepts iat up to now plus the clock tolerance, and refuses it a second later', async () => {
    await expect(verifier.verify(hs256(claims({ iat: NOW + TOLERANCE })))).resolves.toMatchObject({ iat: NOW + TOLERANCE });
    expect(await refusedWith(verifier.verify(hs256(claims({ iat: NOW + TOLERANCE + 1 }))))).toBe(
      'id_token "iat" claim timestamp check failed (it should be in the past)',
    );
  });

  it('requires sub, iat and exp, naming the missing claim (exp first, as the checks run last to first)', async () => {
    expect(await refusedWith(verifier.verify(hs256(claims({ exp: undefined }))))).toBe('id_token missing required "exp" claim');
    expect(await refusedWith(verifier.verify(hs256(claims({ iat: undefined }))))).toBe('id_token missing required "iat" claim');
    expect(await refusedWith(verifier.verify(hs256(claims({ sub: undefined }))))).toBe('id_token missing required "sub" claim');
    expect(await refusedWith(verifier.verify(hs256(claims({ sub: undefined, iat: undefined, exp: undefined }))))).toBe('id_token missing required "exp" claim');
  });

  it('takes an aud array of just this app without azp, and one of several audiences only when azp is this app', async () => {
    await expect(verifier.verify(hs256(claims({ aud: [AUDIENCE] })))).resolves.toMatchObject({ aud: [AUDIENCE] });
    await expect(verifier.verify(hs256(claims({ aud: [AUDIENCE, 'other'], azp: AUDIENCE })))).resolves.toMatchObject({ azp: AUDIENCE });
    expect(await refusedWith(verifier.verify(hs256(claims({ aud: [AUDIENCE, 'other'] }))))).toBe(
      'id_token has several audiences but its "azp" claim is not this application',
    );
    expect(await refusedWith(verifier.verify(hs256(claims({ aud: [AUDIENCE, 'other'], azp: 'other' }))))).toBe(
      'id_token has several audiences but its "azp" claim is not this application',
    );
  });

  it('takes a string aud without azp', async () => {
    await expect(verifier.verify(hs256(claims({ aud: AUDIENCE })))).resolves.toMatchObject({ aud: AUDIENCE, sub: 'user-7d1a' });
  });

  it.each([[''], [42], [null]])('refuses a sub of %j', async (sub) => {
    expect(await refusedWith(verifier.verify(hs256(claims({ sub }))))).toBe('id_token "sub" claim must be a non-empty string');
  });

  it('names the claim check that failed, after "id_token"', async () => {
    expect(await refusedWith(verifier.verify(hs256(claims({ iss: undefined }))))).toBe('id_token missing required "iss" claim');
    expect(await refusedWith(verifier.verify(hs256(claims({ aud: 'another-app' }))))).toBe('id_token unexpected "aud" claim value');
    expect(await refusedWith(verifier.verify(hs256(claims({ nbf: NOW + TOLERANCE + 1 }))))).toBe('id_token "nbf" claim timestamp check failed');
  });

  it('says an expired token has expired, at now minus the tolerance', async () => {
    await expect(verifier.verify(hs256(claims({ exp: NOW - TOLERANCE + 1 })))).resolves.toMatchObject({ sub: 'user-7d1a' });
    expect(await refusedWith(verifier.verify(hs256(claims({ exp: NOW - TOLERANCE }))))).toBe('id_token has expired');
  });

  it('names an alg it does not accept, and calls a wrong signature invalid', async () => {
    expect(await refusedWith(verifier.verify(signToken({ alg: 'HS512' }, claims(), { kind: 'hmac', secret: keys.secret })))).toBe(
      'id_token algorithm "HS512" is not accepted (only HS256 with the app secret or RS256 via JWKS)',
    );
    expect(await refusedWith(verifier.verify(signToken({ alg: 'HS256' }, claims(), { kind: 'hmac', secret: keys.wrongSecret })))).toBe(
      'id_token signature is invalid',
    );
  });
});

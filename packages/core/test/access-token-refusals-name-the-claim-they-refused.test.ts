import { createPublicKey, type KeyObject } from 'node:crypto';
import { AccessTokenError } from '@passport-genauth/core';
import { APP, ISSUER, makeKey, type TestKey } from '@passport-genauth/testing';
import { SignJWT, type JWTPayload } from 'jose';
import { JwtAccessTokenVerifier, requireScopes, scopesOf, type AccessTokenClaims } from '../src/access-token';
import type { JwksCache } from '../src/jwks-cache';
import { JwtError, type JwsHeader } from '../src/jwt';
import { rejectionOf } from './support/failures';
import { accessClaims, signAccessToken } from './support/access-tokens';

const NOW = 1_760_000_000;
const TOLERANCE = 30;

/** A key set that answers every header with one key, or throws what it is given: the verifier's own checks are what is tested. */
function keySet(answer: KeyObject | (() => never)): JwksCache {
  const keyFor = (_header: JwsHeader): KeyObject => (typeof answer === 'function' ? answer() : answer);
  return { keyFor } as unknown as JwksCache;
}

function verifier(jwks: JwksCache): JwtAccessTokenVerifier {
  return new JwtAccessTokenVerifier({ issuer: ISSUER, audience: APP.appId, clockToleranceSec: TOLERANCE, jwks });
}

/** The refusal of a token as the fields a caller sees. */
async function refusal(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AccessTokenError);
  const { error: rfc6750, status, message, cause } = error as AccessTokenError;
  return { error: rfc6750, status, message, cause };
}

const invalid = (message: string) => ({ error: 'invalid_token', status: 401, message, cause: undefined });

describe('an access token is refused for exactly the claim it gets wrong', () => {
  let key: TestKey;
  let publicKey: KeyObject;
  let verify: JwtAccessTokenVerifier;

  beforeAll(async () => {
    key = await makeKey('key-1');
    publicKey = createPublicKey({ key: key.publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  });

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW * 1000);
    verify = verifier(keySet(publicKey));
  });

  afterEach(() => jest.restoreAllMocks());

  const claims = (overrides: Record<string, unknown> = {}, omit: readonly string[] = []): JWTPayload =>
    accessClaims({ iat: NOW - 60, exp: NOW + 3600, ...overrides }, omit);

  it('accepts a token whose only audience is the app, given as a one-element list', async () => {
    const token = await signAccessToken(key, claims({ aud: [APP.appId] }));
    await expect(verify.verify(token)).resolves.toMatchObject({ aud: [APP.appId] });
  });

  it('refuses a token whose header names no key, or an empty key id', async () => {
    const noKid = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key.privateKey);
    expect(await refusal(verify.verify(noKid))).toEqual(invalid('The access token names no key ("kid")'));
    const emptyKid = await signAccessToken(key, claims(), '');
    expect(await refusal(verify.verify(emptyKid))).toEqual(invalid('The access token names no key ("kid")'));
  });

  it('accepts a token issued right at the clock tolerance and refuses one a second beyond it', async () => {
    await expect(verify.verify(await signAccessToken(key, claims({ iat: NOW + TOLERANCE })))).resolves.toMatchObject({ iat: NOW + TOLERANCE });
    expect(await refusal(verify.verify(await signAccessToken(key, claims({ iat: NOW + TOLERANCE + 1 }))))).toEqual(
      invalid('The access token was issued in the future ("iat")'),
    );
  });

  it('refuses a scope claim that is not a string', async () => {
    expect(await refusal(verify.verify(await signAccessToken(key, claims({ scope: ['openid'] as unknown as string }))))).toEqual(
      invalid('The access token "scope" claim is not a string'),
    );
  });

  it('refuses a jti that is empty or not a string', async () => {
    const message = 'The access token "jti" claim must be a non-empty string';
    expect(await refusal(verify.verify(await signAccessToken(key, claims({ jti: '' }))))).toEqual(invalid(message));
    expect(await refusal(verify.verify(await signAccessToken(key, claims({ jti: 42 as unknown as string }))))).toEqual(invalid(message));
  });

  it('keeps the verifier error as the cause of a refusal it describes', async () => {
    const expired = await refusal(verify.verify(await signAccessToken(key, claims({ iat: NOW - 7200, exp: NOW - 3600 }))));
    expect(expired).toMatchObject({ error: 'invalid_token', status: 401, message: 'The access token has expired' });
    expect(expired.cause).toBeInstanceOf(JwtError);
    expect((expired.cause as JwtError).code).toBe('ERR_JWT_EXPIRED');
  });

  it('answers a generic refusal, keeping the cause, for a verifier error it has no sentence for', async () => {
    const odd = new JwtError('ERR_JOSE_NOT_SUPPORTED', 'not supported');
    const outcome = await refusal(
      verifier(
        keySet(() => {
          throw odd;
        }),
      ).verify(await signAccessToken(key, claims())),
    );
    expect(outcome).toEqual({ error: 'invalid_token', status: 401, message: 'The access token could not be verified', cause: odd });
  });

  it('answers a generic refusal without a cause when the failure is not a token error at all', async () => {
    // A plain error that happens to carry a JwtError code must not be described as one.
    const plain = Object.assign(new Error('socket hang up'), { code: 'ERR_JWT_EXPIRED' });
    const outcome = await refusal(
      verifier(
        keySet(() => {
          throw plain;
        }),
      ).verify(await signAccessToken(key, claims())),
    );
    expect(outcome).toEqual(invalid('The access token could not be verified'));
  });
});

describe('the scopes of an access token', () => {
  const token = (scope: unknown) => ({ ...accessClaims(), scope }) as unknown as AccessTokenClaims;

  it('are the words of the scope claim, ignoring repeated and surrounding spaces', () => {
    expect(scopesOf({ scope: ' openid  profile ' })).toEqual(['openid', 'profile']);
  });

  it('are none when the scope claim is missing or not a string', () => {
    expect(scopesOf({})).toEqual([]);
    expect(scopesOf({ scope: 42 })).toEqual([]);
  });

  it('must include every required scope, and a refusal names all the missing ones', () => {
    const error = (() => {
      try {
        requireScopes(token('openid'), ['openid', 'orders:read', 'orders:write']);
      } catch (caught) {
        return caught;
      }
      throw new Error('expected requireScopes to throw');
    })() as AccessTokenError;
    expect(error).toBeInstanceOf(AccessTokenError);
    expect({ error: error.error, status: error.status, message: error.message, scope: error.scope }).toEqual({
      error: 'insufficient_scope',
      status: 403,
      message: 'The access token lacks the scope orders:read orders:write',
      scope: 'openid orders:read orders:write',
    });
  });

  it('never grant an empty scope from doubled spaces', () => {
    expect(() => requireScopes(token('openid  profile'), [''])).toThrow('The access token lacks the scope ');
  });
});

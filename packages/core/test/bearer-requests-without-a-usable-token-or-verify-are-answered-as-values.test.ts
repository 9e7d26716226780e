import { GenAuthBearerStrategy, type AccessTokenClaims, type BearerClient, type IntrospectionResult } from '@passport-genauth/core';
import { APP, ISSUER } from '@passport-genauth/testing';
import { readBearerToken } from '../src/bearer-token';

const CLAIMS: AccessTokenClaims = {
  jti: 'jti-1',
  sub: 'user-1',
  iat: 1_760_000_000,
  exp: 1_760_003_600,
  scope: 'openid profile',
  iss: ISSUER,
  aud: APP.appId,
};

/** A client that accepts every token: the strategy's own handling is what is tested. */
function acceptingClient(): BearerClient & { verified: string[] } {
  const verified: string[] = [];
  return {
    verified,
    verifyAccessToken: (token: string) => {
      verified.push(token);
      return Promise.resolve(CLAIMS);
    },
    introspect: (): Promise<IntrospectionResult> => Promise.resolve({ active: false }),
  };
}

describe('a bearer request whose Authorization header names the scheme but no token', () => {
  it('is read as carrying no token at all', () => {
    expect(readBearerToken({ headers: { authorization: 'Bearer' } }, new Set(['header']))).toBeUndefined();
    expect(readBearerToken({ headers: { authorization: 'Bearer   ' } }, new Set(['header']))).toBeUndefined();
  });

  it('fails 401 asking for a token, with a challenge that names no error, and verifies nothing', async () => {
    const client = acceptingClient();
    const strategy = new GenAuthBearerStrategy({ client }, (claims: AccessTokenClaims) => ({ id: claims.sub }));
    const outcome = await strategy.login({ headers: { authorization: 'Bearer' } });
    expect(outcome).toEqual({
      type: 'fail',
      status: 401,
      challenge: {
        message: 'An access token is required: send Authorization: Bearer <token>',
        code: 'GENAUTH_ACCESS_TOKEN',
        status: 401,
        wwwAuthenticate: 'Bearer realm="api"',
      },
    });
    expect(client.verified).toEqual([]);
  });
});

describe('a bearer request whose verify throws', () => {
  it('ends in an error outcome carrying exactly what the verify threw', async () => {
    const client = acceptingClient();
    const thrown = new Error('the user table is unreachable');
    const strategy = new GenAuthBearerStrategy({ client }, () => {
      throw thrown;
    });
    const outcome = await strategy.login({ headers: { authorization: 'Bearer a.valid-looking.token' } });
    expect(outcome).toEqual({ type: 'error', error: thrown });
    expect((outcome as { error: unknown }).error).toBe(thrown);
    expect(client.verified).toEqual(['a.valid-looking.token']);
  });
});

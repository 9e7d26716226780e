import { GenAuthBearerStrategy, type AccessTokenClaims, type BearerClient, type BearerVerifyClaims, type IntrospectionResult } from '@passport-genauth/core';
import { APP, ISSUER } from '@passport-genauth/testing';

const CLAIMS: AccessTokenClaims = {
  jti: 'jti-shared',
  sub: 'user-1',
  iat: 1_760_000_000,
  exp: 4_102_444_800,
  scope: 'openid profile',
  iss: ISSUER,
  aud: APP.appId,
};
const TOKEN = 'header.payload.signature';
const REVOKED = 'The access token has been revoked or is no longer active';

/** A client that accepts every token with `CLAIMS` and answers introspection as told, counting the calls. */
function client(answer: IntrospectionResult = { active: false }): BearerClient & { introspected: number } {
  const double = {
    introspected: 0,
    verifyAccessToken: () => Promise.resolve(CLAIMS),
    introspect: () => {
      double.introspected += 1;
      return Promise.resolve(answer);
    },
  };
  return double;
}

function active(overrides: Partial<Record<'sub' | 'jti', string>> = {}): IntrospectionResult {
  return {
    active: true,
    sub: CLAIMS.sub,
    jti: CLAIMS.jti,
    clientId: APP.appId,
    exp: CLAIMS.exp,
    iat: 1_760_000_000,
    iss: ISSUER,
    scope: CLAIMS.scope,
    ...overrides,
  };
}

/** A GenAuthApps registry double (recognised by its brand): the `x-app` header picks the client. */
function registry(clients: Readonly<Record<string, BearerClient>>): object {
  return {
    [Symbol.for('passport-genauth.apps')]: true,
    choose: (req: { headers: Record<string, unknown> }) => {
      const alias = req.headers['x-app'] as string;
      return Promise.resolve({ alias, client: clients[alias] });
    },
  };
}

const bearer = (extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${TOKEN}`, ...extra } });
const userOf = (claims: BearerVerifyClaims) => ({ id: claims.sub });

/** A branded error as another installed copy of core would throw it (not an instance of this copy's classes). */
function foreignError(fields: Record<string, unknown>): Error {
  const error = Object.assign(new Error(fields.message as string), fields);
  Object.defineProperty(error, Symbol.for('passport-genauth.error'), { value: true });
  return error;
}

describe('a bearer request checked with introspection', () => {
  const revoked = { type: 'fail', status: 401, challenge: expect.objectContaining({ message: REVOKED, error: 'invalid_token', status: 401 }) };

  it('is refused when GenAuth says the token is no longer active', async () => {
    const strategy = new GenAuthBearerStrategy({ client: client({ active: false }), introspect: true }, userOf);
    expect(await strategy.login(bearer(), {})).toEqual(revoked);
  });

  it('is refused when GenAuth describes an active token of another user or another token id', async () => {
    for (const answer of [active({ sub: 'user-2' }), active({ jti: 'jti-other' })]) {
      const strategy = new GenAuthBearerStrategy({ client: client(answer), introspect: true }, userOf);
      expect(await strategy.login(bearer(), {})).toEqual(revoked);
    }
  });

  it('succeeds when GenAuth describes this very token as active', async () => {
    const strategy = new GenAuthBearerStrategy({ client: client(active()), introspect: true }, userOf);
    expect(await strategy.login(bearer(), {})).toMatchObject({ type: 'success', user: { id: 'user-1' } });
  });

  it('does not let one app reuse the answer GenAuth gave for another app token with the same jti', async () => {
    const ios = client(active());
    const android = client({ active: false });
    const strategy = new GenAuthBearerStrategy({ client: registry({ ios, android }) as never, introspect: true, introspectCacheMs: 60_000 }, userOf);
    expect(await strategy.login(bearer({ 'x-app': 'ios' }))).toMatchObject({ type: 'success', info: { app: 'ios' } });
    expect(await strategy.login(bearer({ 'x-app': 'android' }))).toEqual(revoked);
    expect([ios.introspected, android.introspected]).toEqual([1, 1]);
  });
});

describe('a bearer request a strategy runs without route options', () => {
  it('succeeds with the claims and scopes as auth info, naming no app and showing no token', async () => {
    const strategy = new GenAuthBearerStrategy({ client: client() }, userOf);
    const outcome = await strategy.login(bearer());
    expect(outcome).toEqual({ type: 'success', user: { id: 'user-1' }, info: { ...CLAIMS, scopes: ['openid', 'profile'] } });
    const info = (outcome as { info: Record<string, unknown> }).info;
    expect('app' in info).toBe(false);
    expect(Object.keys(info)).not.toContain('accessToken');
    expect(info.accessToken).toBe(TOKEN);
  });
});

describe('the verify of a bearer strategy', () => {
  it('receives the claims with the alias of the app the registry chose', async () => {
    const seen: BearerVerifyClaims[] = [];
    const strategy = new GenAuthBearerStrategy({ client: registry({ ios: client() }) as never }, (claims: BearerVerifyClaims) => {
      seen.push(claims);
      return userOf(claims);
    });
    await strategy.login(bearer({ 'x-app': 'ios' }));
    expect(seen).toEqual([{ ...CLAIMS, app: 'ios' }]);
  });

  it('refusing with a message answers 401 with that message, and with a default one otherwise', async () => {
    const refusing = (info: object) => new GenAuthBearerStrategy({ client: client() }, (_claims: BearerVerifyClaims, done) => done(null, false, info));
    expect(await refusing({ message: 'This account is suspended' }).login(bearer())).toMatchObject({
      type: 'fail',
      status: 401,
      challenge: { message: 'This account is suspended', code: 'GENAUTH_VERIFY_REFUSED', error: 'invalid_token' },
    });
    expect(await refusing({ message: 42 }).login(bearer())).toMatchObject({
      type: 'fail',
      status: 401,
      challenge: { message: 'Access refused by the application', code: 'GENAUTH_VERIFY_REFUSED' },
    });
  });
});

describe('errors of another installed copy of core during a bearer request', () => {
  function rejecting(error: Error): BearerClient {
    return { verifyAccessToken: () => Promise.reject(error), introspect: () => Promise.resolve({ active: false }) };
  }

  it('an access-token refusal is still answered as a 401 failure', async () => {
    const error = foreignError({ message: 'The access token has expired', code: 'GENAUTH_ACCESS_TOKEN', status: 401, error: 'invalid_token' });
    const strategy = new GenAuthBearerStrategy({ client: rejecting(error) }, userOf);
    expect(await strategy.login(bearer())).toEqual({
      type: 'fail',
      status: 401,
      challenge: {
        message: 'The access token has expired',
        code: 'GENAUTH_ACCESS_TOKEN',
        status: 401,
        error: 'invalid_token',
        wwwAuthenticate: 'Bearer realm="api", error="invalid_token", error_description="The access token has expired"',
      },
    });
  });

  it('an unknown-app error without a status is answered 400 invalid_request', async () => {
    const error = foreignError({ message: 'Unknown application "tv"', code: 'GENAUTH_UNKNOWN_APP' });
    const strategy = new GenAuthBearerStrategy({ client: rejecting(error) }, userOf);
    expect(await strategy.login(bearer())).toMatchObject({
      type: 'fail',
      status: 400,
      challenge: { message: 'Unknown application "tv"', code: 'GENAUTH_UNKNOWN_APP', status: 400, error: 'invalid_request' },
    });
  });
});

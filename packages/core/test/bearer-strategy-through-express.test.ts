import { ConfigurationError, GenAuthBearerStrategy, getAuthFailure, type GenAuthBearerStrategyOptions, type GenAuthClient } from '@passport-genauth/core';
import { APP, ISSUER, jsonErrors, type MockGenAuth } from '@passport-genauth/testing';
import express, { type Express, type Request } from 'express';
import { decodeJwt } from 'jose';
import { Passport } from 'passport';
import request from 'supertest';
import { USER, accessClaims, serveRotatingJwks, signAccessToken } from './support/access-tokens';
import { answerOidc, type MockAnswer, type SentRequest } from './support/oidc-mock';
import { startMock } from './support/providers';

const now = () => Math.floor(Date.now() / 1000);
const INTROSPECTION = '/oidc/token/introspection';

describe('genauth-bearer in a real Express 5 app with passport', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  beforeEach(async () => {
    mock = await startMock();
    serveRotatingJwks(mock, [mock.key]);
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  const token = (overrides: Parameters<typeof accessClaims>[0] = {}) => signAccessToken(mock.key, accessClaims(overrides));

  type Options = Partial<Omit<GenAuthBearerStrategyOptions, 'client'>> & { passReqToCallback?: boolean };

  /** An API with the strategy on a few routes; verify maps `sub` to a user (refusing `blocked-user`). */
  function api(options: Options = {}): Express {
    const strategy = new GenAuthBearerStrategy({ client, ...options } as GenAuthBearerStrategyOptions & { passReqToCallback?: false }, async (claims) =>
      claims.sub === 'blocked-user' ? false : { id: claims.sub },
    );
    const passport = new Passport();
    passport.use(strategy);
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    const protect = (extra: Record<string, unknown> = {}) => passport.authenticate('genauth-bearer', { session: false, failWithError: true, ...extra });
    const answer = (req: Request, res: express.Response) => {
      const info = req.authInfo as { accessToken?: string };
      res.json({ user: req.user, authInfo: req.authInfo, readsToken: typeof info.accessToken === 'string' });
    };
    app.get('/api/me', protect(), answer);
    app.post('/api/me', protect(), answer);
    app.get('/api/orders', protect({ scopes: ['orders:read'] }), answer);
    app.get('/plain', passport.authenticate('genauth-bearer', { session: false }), answer);
    app.get('/custom', (req, res, next) => {
      passport.authenticate('genauth-bearer', { session: false }, (error: unknown, user: unknown, info: unknown, status: unknown) => {
        if (error) return next(error);
        res.status(200).json({ user, info, status: status ?? null, failure: getAuthFailure(req) ?? null });
      })(req, res, next);
    });
    app.use(jsonErrors);
    return app;
  }

  it('answers a request without a token 401 with WWW-Authenticate: Bearer realm and the JSON of a failed login', async () => {
    const res = await request(api()).get('/api/me');
    expect([res.status, res.headers['www-authenticate'], res.body]).toEqual([
      401,
      'Bearer realm="api"',
      { message: 'An access token is required: send Authorization: Bearer <token>', code: 'GENAUTH_ACCESS_TOKEN', status: 401 },
    ]);
  });

  it('lets a valid token through: req.user from verify, req.authInfo the claims and scopes, the token itself not in its JSON', async () => {
    const accessToken = await token();
    const res = await request(api()).get('/api/me').set('authorization', `Bearer ${accessToken}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { id: USER },
      authInfo: { ...accessClaims({ iat: res.body.authInfo.iat }), scopes: ['openid', 'profile', 'offline_access'] },
      readsToken: true,
    });
    expect(JSON.stringify(res.body)).not.toContain(accessToken);
  });

  it('answers an expired token 401 invalid_token, with the reason in the challenge and the JSON', async () => {
    const res = await request(api())
      .get('/api/me')
      .set('authorization', `Bearer ${await token({ iat: now() - 7200, exp: now() - 600 })}`);
    expect([res.status, res.headers['www-authenticate'], res.body]).toEqual([
      401,
      'Bearer realm="api", error="invalid_token", error_description="The access token has expired"',
      { message: 'The access token has expired', code: 'GENAUTH_ACCESS_TOKEN', status: 401 },
    ]);
  });

  it("answers another app's token 401 invalid_token", async () => {
    const res = await request(api({ realm: 'orders-api' }))
      .get('/api/me')
      .set('authorization', `Bearer ${await token({ aud: 'another-app' })}`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(
      /^Bearer realm="orders-api", error="invalid_token", error_description="The access token was refused: unexpected 'aud' claim value"$/,
    );
  });

  it('answers a missing route scope 403 insufficient_scope naming every required scope, and passes a token that has them', async () => {
    const app = api({ scopes: ['openid'] });
    const lacking = await request(app)
      .get('/api/orders')
      .set('authorization', `Bearer ${await token()}`);
    expect([lacking.status, lacking.headers['www-authenticate'], lacking.body]).toEqual([
      403,
      'Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope orders:read", scope="openid orders:read"',
      { message: 'The access token lacks the scope orders:read', code: 'GENAUTH_ACCESS_TOKEN', status: 403 },
    ]);
    const granted = await request(app)
      .get('/api/orders')
      .set('authorization', `Bearer ${await token({ scope: 'openid orders:read' })}`);
    expect(granted.status).toBe(200);
    const plainRoute = await request(app)
      .get('/api/me')
      .set('authorization', `Bearer ${await token({ scope: 'profile' })}`);
    expect([plainRoute.status, plainRoute.headers['www-authenticate']]).toEqual([403, expect.stringContaining('scope="openid"')]);
  });

  it('sets the challenge without failWithError too: Passport answers the status, the strategy the header (also on 403)', async () => {
    const app = api({ scopes: ['admin'] });
    const missing = await request(app).get('/plain');
    expect([missing.status, missing.headers['www-authenticate'], missing.text]).toEqual([401, 'Bearer realm="api"', 'Unauthorized']);
    const forbidden = await request(app)
      .get('/plain')
      .set('authorization', `Bearer ${await token()}`);
    expect([forbidden.status, forbidden.headers['www-authenticate'], forbidden.text]).toEqual([
      403,
      expect.stringContaining('error="insufficient_scope"'),
      'Forbidden',
    ]);
  });

  it('answers a malformed Authorization header 400 invalid_request, and ignores other schemes (401, no token)', async () => {
    const malformed = await request(api()).get('/api/me').set('authorization', 'Bearer two words');
    expect([malformed.status, malformed.headers['www-authenticate'], malformed.body.code]).toEqual([
      400,
      'Bearer realm="api", error="invalid_request", error_description="The Authorization header is not \'Bearer <token>\'"',
      'GENAUTH_ACCESS_TOKEN',
    ]);
    const basic = await request(api()).get('/api/me').set('authorization', 'Basic dXNlcjpwYXNz');
    expect([basic.status, basic.headers['www-authenticate']]).toEqual([401, 'Bearer realm="api"']);
  });

  it('reads ?access_token= and a form body access_token only when tokenLocations allows them, and never two at once', async () => {
    const accessToken = await token();
    expect((await request(api()).get(`/api/me?access_token=${accessToken}`)).status).toBe(401);
    const both = api({ tokenLocations: ['header', 'query', 'body'] });
    expect((await request(both).get(`/api/me?access_token=${accessToken}`)).status).toBe(200);
    expect((await request(both).post('/api/me').type('form').send({ access_token: accessToken })).status).toBe(200);
    const twice = await request(both).get(`/api/me?access_token=${accessToken}`).set('authorization', `Bearer ${accessToken}`);
    expect([twice.status, twice.headers['www-authenticate']]).toEqual([400, expect.stringContaining('error="invalid_request"')]);
  });

  it("answers a user the app's verify refuses 401 invalid_token with code GENAUTH_VERIFY_REFUSED", async () => {
    const res = await request(api())
      .get('/api/me')
      .set('authorization', `Bearer ${await token({ sub: 'blocked-user' })}`);
    expect([res.status, res.headers['www-authenticate'], res.body]).toEqual([
      401,
      'Bearer realm="api", error="invalid_token", error_description="Access refused by the application"',
      { message: 'Access refused by the application', code: 'GENAUTH_VERIFY_REFUSED', status: 401 },
    ]);
  });

  it('hands a custom callback the failure with its status and WWW-Authenticate value, and getAuthFailure the same', async () => {
    const res = await request(api()).get('/custom');
    const failure = {
      message: 'An access token is required: send Authorization: Bearer <token>',
      code: 'GENAUTH_ACCESS_TOKEN',
      status: 401,
      wwwAuthenticate: 'Bearer realm="api"',
    };
    expect(res.body).toEqual({ user: false, info: failure, status: 401, failure });
  });

  it('calls verify with (req, claims, done) when passReqToCallback is true', async () => {
    const strategy = new GenAuthBearerStrategy({ client, passReqToCallback: true }, (req: Request, claims, done) =>
      done(null, { id: claims.sub, path: req.path }),
    );
    const passport = new Passport();
    passport.use(strategy);
    const app = express();
    app.get('/api/me', passport.authenticate('genauth-bearer', { session: false }), (req, res) => res.json(req.user));
    const res = await request(app)
      .get('/api/me')
      .set('authorization', `Bearer ${await token()}`);
    expect(res.body).toEqual({ id: USER, path: '/api/me' });
  });

  it('ends in an error (502, fail closed) when the keys cannot be fetched', async () => {
    await mock.agent.close();
    mock = await startMock();
    mock.pool
      .intercept({ path: '/oidc/.well-known/jwks.json', method: 'GET' })
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await client.close();
    client = mock.client();
    const res = await request(api())
      .get('/api/me')
      .set('authorization', `Bearer ${await token()}`);
    expect([res.status, res.body.code, res.headers['www-authenticate']]).toEqual([502, 'GENAUTH_HTTP', undefined]);
  });

  describe('with introspect', () => {
    /** GenAuth's answer for an active access token: the facts of the token that was sent. */
    const active = (sent: SentRequest): MockAnswer => {
      const claims = decodeJwt(new URLSearchParams(sent.body).get('token') ?? '');
      return {
        body: {
          active: true,
          sub: claims.sub,
          client_id: APP.appId,
          exp: claims.exp,
          iat: claims.iat,
          iss: ISSUER,
          jti: claims.jti,
          scope: claims.scope,
          token_type: 'Bearer',
        },
      };
    };

    it('asks GenAuth after the offline check and refuses a revoked token 401 invalid_token', async () => {
      const sent = answerOidc(mock, 'POST', INTROSPECTION, { body: { active: false } });
      const res = await request(api({ introspect: true }))
        .get('/api/me')
        .set('authorization', `Bearer ${await token()}`);
      expect([res.status, res.headers['www-authenticate'], res.body.message]).toEqual([
        401,
        'Bearer realm="api", error="invalid_token", error_description="The access token has been revoked or is no longer active"',
        'The access token has been revoked or is no longer active',
      ]);
      expect(sent[0]!.body).toContain('token_type_hint=access_token');
    });

    it('treats an active answer about another token (its jti or sub differ) as inactive', async () => {
      answerOidc(mock, 'POST', INTROSPECTION, (sent) => ({ body: { ...(active(sent).body as object), jti: 'SomeOtherTokensJti___' } }));
      const res = await request(api({ introspect: true }))
        .get('/api/me')
        .set('authorization', `Bearer ${await token()}`);
      expect([res.status, res.body.message]).toEqual([401, 'The access token has been revoked or is no longer active']);
    });

    it('does not ask GenAuth about a token that fails offline', async () => {
      const sent = answerOidc(mock, 'POST', INTROSPECTION, active, true);
      await request(api({ introspect: true }))
        .get('/api/me')
        .set('authorization', `Bearer ${await token({ aud: 'another-app' })}`);
      expect(sent).toHaveLength(0);
    });

    it('fails closed: GenAuth unreachable or refusing the app ends in an error, never in access', async () => {
      mock.pool.intercept({ path: INTROSPECTION, method: 'POST' }).replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
      const unreachable = await request(api({ introspect: true }))
        .get('/api/me')
        .set('authorization', `Bearer ${await token()}`);
      expect([unreachable.status, unreachable.body.code]).toEqual([502, 'GENAUTH_HTTP']);
      answerOidc(mock, 'POST', INTROSPECTION, { status: 401, body: { error: 'invalid_client' } });
      const refused = await request(api({ introspect: true }))
        .get('/api/me')
        .set('authorization', `Bearer ${await token()}`);
      expect([refused.status, refused.body.code]).toEqual([500, 'GENAUTH_CLIENT_AUTH']);
    });

    it('reuses an answer per jti within introspectCacheMs, and asks every time with 0', async () => {
      const accessToken = await token();
      const cached = answerOidc(mock, 'POST', INTROSPECTION, active, true);
      const app = api({ introspect: true, introspectCacheMs: 60_000 });
      for (let i = 0; i < 3; i += 1) expect((await request(app).get('/api/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
      expect(cached).toHaveLength(1);
      const other = await token({ jti: 'AnotherJtiOf21Chars__' });
      expect((await request(app).get('/api/me').set('authorization', `Bearer ${other}`)).status).toBe(200);
      expect(cached).toHaveLength(2);
      const uncached = api({ introspect: true, introspectCacheMs: 0 });
      for (let i = 0; i < 2; i += 1) await request(uncached).get('/api/me').set('authorization', `Bearer ${accessToken}`);
      expect(cached).toHaveLength(4);
    });

    it('refuses a token revoked after its last check: at once with introspectCacheMs 0, only after the window with a cached answer', async () => {
      let revoked = false;
      answerOidc(mock, 'POST', INTROSPECTION, (sent) => (revoked ? { body: { active: false } } : active(sent)), true);
      const accessToken = await token();
      const strict = api({ introspect: true, introspectCacheMs: 0 });
      const windowed = api({ introspect: true, introspectCacheMs: 3_600_000 });
      expect((await request(strict).get('/api/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
      expect((await request(windowed).get('/api/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
      revoked = true;
      expect((await request(strict).get('/api/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(401);
      // The documented staleness: within introspectCacheMs the cached "active" still answers.
      expect((await request(windowed).get('/api/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
    });
  });

  it('refuses bad options at construction, naming each', () => {
    const verify = () => ({});
    let thrown: unknown;
    try {
      new GenAuthBearerStrategy({ client, scopes: ['two words'], realm: 'a"b', tokenLocation: ['query'], introspectCacheMs: -1 } as never, verify);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as ConfigurationError).issues).toEqual([
      'realm: must be printable ASCII without quotes or backslashes',
      'scopes[0]: must be a scope token (no spaces, quotes or backslashes)',
      'introspectCacheMs: must be 0 or more (0: ask GenAuth on every request)',
      'tokenLocation: unknown option',
    ]);
    expect(() => new GenAuthBearerStrategy({} as never, verify)).toThrow(/client: required/);
    expect(() => new GenAuthBearerStrategy({ client }, undefined as never)).toThrow(/verify: the last constructor argument must be a function/);
  });
});

import { getAuthFailure, isGenAuthError, type GenAuthClient, type GenAuthFailure, type GenAuthStrategy } from '@passport-genauth/core';
import { APP, ISSUER, SIGNIN_PATH, jsonErrors, mockRequest, runStrategy, signRs256, type MockGenAuth } from '@passport-genauth/testing';
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { Passport } from 'passport';
import request from 'supertest';
import { CodeStrategy, TokenStrategy, pendingSignIns, startMock, successBody } from './support/providers';

const SUB = '64a0c0ffee0000000000a11c';

/** What the app's error handler saw. */
interface Seen {
  error: unknown;
  failure: GenAuthFailure | undefined;
}

interface AppSetup {
  /** Options for `passport.authenticate(name, options)` (merged over `{ session: false }`). */
  route?: Record<string, unknown>;
  /** Mount `express.json()` (default true). */
  bodyParser?: boolean;
}

describe('a GenAuth strategy in a real Express 5 app with passport', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;
  let seen: Seen[];

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    client = mock.client();
    seen = [];
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  /** Records what reached the error handler, then answers like a JSON API (testing's jsonErrors). */
  const recordErrors: ErrorRequestHandler = (error: unknown, req, res, next) => {
    seen.push({ error, failure: getAuthFailure(req) });
    if (!getAuthFailure(req) && !isGenAuthError(error) && typeof (error as { status?: unknown }).status === 'number') {
      res.status((error as { status: number }).status).json({ name: (error as Error).name, message: (error as Error).message });
      return;
    }
    jsonErrors(error, req, res, next);
  };

  function appFor(strategy: GenAuthStrategy, setup: AppSetup = {}): Express {
    const passport = new Passport();
    passport.use(strategy);
    const app = express();
    if (setup.bodyParser !== false) app.use(express.json());
    app.post('/login', passport.authenticate(strategy.name, { session: false, ...setup.route }), (req, res) => {
      res.json({ user: req.user, authInfo: req.authInfo });
    });
    app.use(recordErrors);
    return app;
  }

  /** An app whose route uses a custom callback and answers with exactly what the callback received. */
  function customCallbackApp(strategy: GenAuthStrategy): Express {
    const passport = new Passport();
    passport.use(strategy);
    const app = express();
    app.use(express.json());
    app.post('/login', (req, res, next) => {
      passport.authenticate(strategy.name, { session: false }, (error: unknown, user: unknown, info: unknown, status: unknown) => {
        if (error) return next(error);
        res.json({ user, info, status: status ?? null });
      })(req, res, next);
    });
    app.use(recordErrors);
    return app;
  }

  const codeStrategy = (
    options: Record<string, unknown> = {},
    verify: unknown = async (_t: unknown, profile: { id: string; displayName: string }) => ({ id: profile.id, name: profile.displayName }),
  ) => new CodeStrategy({ client, extIdpConnidentifier: 'test-source', ...options }, verify as never);

  describe('success', () => {
    it('sets req.user from verify and req.authInfo to the token set with session: false', async () => {
      await mock.succeed({ name: 'Alice' });
      const res = await request(appFor(codeStrategy())).post('/login').send({ code: 'c-1' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        user: { id: SUB, name: 'Alice' },
        authInfo: {
          accessToken: 'at-123',
          idToken: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/),
          tokenType: 'Bearer',
          expiresIn: 1209600,
          expiresAt: expect.any(Number),
          scope: 'openid profile',
        },
      });
      expect(mock.requests).toHaveLength(1);
      expect(mock.requests[0]!.body).toEqual({
        connection: 'test_code',
        extIdpConnidentifier: 'test-source',
        testCodePayload: { code: 'c-1' },
        client_id: APP.appId,
        client_secret: APP.appSecret,
      });
    });

    it('hands req first to verify with passReqToCallback: true', async () => {
      await mock.succeed();
      const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'test-source', passReqToCallback: true }, (req, tokens, profile, done) => {
        done(null, { id: profile.id, device: req.headers['x-device'], path: (req as Request).path, accessToken: tokens.accessToken });
      });
      const res = await request(appFor(strategy)).post('/login').set('x-device', 'iPhone15,2').send({ code: 'c' });
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({ id: SUB, device: 'iPhone15,2', path: '/login', accessToken: 'at-123' });
    });

    it.each([
      ['a promise-returning verify', 'promise', async (_tokens: unknown, profile: { id: string }) => ({ id: profile.id, style: 'promise' })],
      [
        'a callback (done) verify',
        'callback',
        (_tokens: unknown, profile: { id: string }, done: (e: unknown, u: object) => void) => {
          setImmediate(() => done(null, { id: profile.id, style: 'callback' }));
        },
      ],
      ['a verify returning the user synchronously', 'sync', (_tokens: unknown, profile: { id: string }) => ({ id: profile.id, style: 'sync' })],
      [
        'an async verify that calls done and returns nothing',
        'async-done',
        async (_tokens: unknown, profile: { id: string }, done: (e: unknown, u: object) => void) => {
          await Promise.resolve();
          done(null, { id: profile.id, style: 'async-done' });
        },
      ],
    ])('signs in with %s', async (_label, style, verify) => {
      await mock.succeed();
      const res = await request(appFor(codeStrategy({}, verify)))
        .post('/login')
        .send({ code: 'c' });
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({ id: SUB, style });
    });

    it('adds the info verify passes to req.authInfo, under the token set', async () => {
      await mock.succeed();
      const strategy = codeStrategy({}, (_t: unknown, profile: { id: string }, done: (e: unknown, u: object, i: object) => void) =>
        done(null, { id: profile.id }, { firstLogin: true, accessToken: 'spoofed' }),
      );
      const res = await request(appFor(strategy)).post('/login').send({ code: 'c' });
      expect(res.body.authInfo).toMatchObject({ firstLogin: true, accessToken: 'at-123', tokenType: 'Bearer' });
    });
  });

  describe('verify refusing or failing', () => {
    it.each([
      ['resolves false', async () => false],
      ['resolves null', async () => null],
      ['calls done(null, false)', (_t: unknown, _p: unknown, done: (e: unknown, u: false) => void) => done(null, false)],
    ])('answers 401 when verify %s', async (_label, verify) => {
      await mock.succeed();
      const res = await request(appFor(codeStrategy({}, verify)))
        .post('/login')
        .send({ code: 'c' });
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
      expect(res.body).toEqual({});
    });

    it("gives a custom callback done's info and status 401 when verify refuses with info", async () => {
      await mock.succeed();
      const strategy = codeStrategy({}, (_t: unknown, _p: unknown, done: (e: unknown, u: false, i: object) => void) =>
        done(null, false, { message: 'Account suspended', reason: 'suspended' }),
      );
      const res = await request(customCallbackApp(strategy)).post('/login').send({ code: 'c' });
      expect(res.body).toEqual({ user: false, info: { message: 'Account suspended', reason: 'suspended' }, status: 401 });
    });

    it('gives a custom callback our refusal challenge when verify resolves false without info', async () => {
      await mock.succeed();
      const res = await request(customCallbackApp(codeStrategy({}, async () => false)))
        .post('/login')
        .send({ code: 'c' });
      expect(res.body).toEqual({
        user: false,
        info: { message: 'Sign-in refused by the application', code: 'GENAUTH_VERIFY_REFUSED', status: 401 },
        status: 401,
      });
    });

    it.each([
      [
        'throws',
        () => {
          throw new Error('database down');
        },
      ],
      ['rejects', async () => Promise.reject(new Error('database down'))],
      ['calls done(error)', (_t: unknown, _p: unknown, done: (e: unknown) => void) => done(new Error('database down'))],
    ])('answers 500 with the error when verify %s', async (_label, verify) => {
      await mock.succeed();
      const res = await request(appFor(codeStrategy({}, verify)))
        .post('/login')
        .send({ code: 'c' });
      expect(res.status).toBe(500);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.error).toBeInstanceOf(Error);
      expect((seen[0]!.error as Error).message).toBe('database down');
      expect(seen[0]!.failure).toBeUndefined();
    });
  });

  describe('failures', () => {
    it("with failWithError, hands the error handler Passport's AuthenticationError and getAuthFailure(req) our details", async () => {
      mock.reject(403, 'User is locked', 2005);
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } }))
        .post('/login')
        .send({ code: 'c' });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.error).toMatchObject({ name: 'AuthenticationError', status: 401, message: 'Unauthorized' });
      expect(seen[0]!.failure).toEqual({
        message: 'User is locked',
        code: 'GENAUTH_SIGNIN_REJECTED',
        status: 401,
        apiCode: 2005,
        requestId: 'req-403',
        genauthStatusCode: 403,
      });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(seen[0]!.failure);
    });

    it('hands a custom callback our challenge and status for a GenAuth rejection', async () => {
      mock.reject(602, 'The code has been used');
      const res = await request(customCallbackApp(codeStrategy())).post('/login').send({ code: 'c' });
      expect(res.body).toEqual({
        user: false,
        info: { message: 'The code has been used', code: 'GENAUTH_SIGNIN_REJECTED', status: 401, requestId: 'req-602', genauthStatusCode: 602 },
        status: 401,
      });
    });

    it('answers a GenAuth rejection with 401 carrying apiCode and requestId', async () => {
      mock.reject(403, 'User is disabled', 2120008);
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } }))
        .post('/login')
        .send({ code: 'c' });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2120008, requestId: 'req-403', message: 'User is disabled' });
    });

    it('answers 401 without failWithError too', async () => {
      mock.reject(602, 'bad code');
      const res = await request(appFor(codeStrategy())).post('/login').send({ code: 'c' });
      expect(res.status).toBe(401);
      expect(seen).toHaveLength(0);
    });

    it('answers 502 with code GENAUTH_HTTP when GenAuth cannot be reached', async () => {
      mock.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).replyWithError(new Error('socket hang up'));
      const res = await request(appFor(codeStrategy())).post('/login').send({ code: 'c' });
      expect(res.status).toBe(502);
      // The client learns the class of failure, never the backend's network details; the server sees them.
      expect(res.body).toEqual({ code: 'GENAUTH_HTTP', status: 502, message: 'The authentication service answered unexpectedly' });
      expect(seen[0]!.failure).toBeUndefined();
      expect((seen[0]!.error as Error).message).toContain('Could not reach GenAuth');
    });

    it('answers 500 with code GENAUTH_CLIENT_AUTH when GenAuth rejects the application', async () => {
      mock.reject(400, 'Application not found', 2011);
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } }))
        .post('/login')
        .send({ code: 'c' });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'GENAUTH_CLIENT_AUTH', status: 500, apiCode: 2011, requestId: 'req-400' });
      expect(seen[0]!.failure).toBeUndefined();
    });
  });

  describe('reading the credential', () => {
    beforeEach(async () => {
      await mock.succeed();
    });

    const sentPayload = () => mock.requests.at(-1)?.body;

    it('answers 400 naming the missing field and never calls GenAuth', async () => {
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } }))
        .post('/login')
        .send({ cod: 'typo' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        message: 'Invalid Test code credentials: code is required',
        code: 'GENAUTH_INVALID_CREDENTIALS',
        status: 400,
        fields: ['code'],
      });
      expect(mock.requests).toHaveLength(0);
      expect(pendingSignIns(mock)).toBe(1);
    });

    it('answers 400 without failWithError too, and never calls GenAuth', async () => {
      const res = await request(appFor(codeStrategy())).post('/login').send({});
      expect(res.status).toBe(400);
      expect(mock.requests).toHaveLength(0);
    });

    it('answers 400 saying to mount express.json() when no body parser is mounted', async () => {
      const res = await request(appFor(codeStrategy(), { bodyParser: false, route: { failWithError: true } }))
        .post('/login')
        .send({ code: 'c' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('GENAUTH_INVALID_CREDENTIALS');
      expect(res.body.message).toBe(
        'Invalid Test code credentials: code is required. The request has a body but nothing parsed it (req.body is undefined): mount a body parser for its content type (express.json() for application/json) before passport.authenticate()',
      );
      expect(mock.requests).toHaveLength(0);
    });

    it('does not blame the body parser when the request carried no body at all', async () => {
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } })).post('/login');
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Invalid Test code credentials: code is required');
    });

    it('names the body parser when express.json() skipped a body of another content type', async () => {
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } }))
        .post('/login')
        .set('content-type', 'text/plain')
        .send('code=c');
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('The request has a body but nothing parsed it');
    });

    it('never reads the credential from the query string by default (a cross-site form or link could carry one)', async () => {
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } }))
        .post('/login?code=from-query')
        .send({});
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['code']);
      expect(mock.requests).toHaveLength(0);
    });

    it('reads the credential from the query string when credentialSources.query opts in', async () => {
      const res = await request(appFor(codeStrategy({ credentialSources: { query: true } }), { bodyParser: false })).post('/login?code=from-query');
      expect(res.status).toBe(200);
      expect(sentPayload()?.testCodePayload).toEqual({ code: 'from-query' });
    });

    it('never forwards a request header of the same name as a field by default', async () => {
      const res = await request(appFor(codeStrategy(), { route: { failWithError: true } }))
        .post('/login')
        .set('code', 'from-header')
        .send({});
      expect(res.status).toBe(400);
      expect(mock.requests).toHaveLength(0);
    });

    it('reads the credential from the header that credentialSources.headers names', async () => {
      const res = await request(appFor(codeStrategy({ credentialSources: { headers: { code: 'X-Login-Code' } } })))
        .post('/login')
        .set('x-login-code', 'from-header')
        .send({});
      expect(res.status).toBe(200);
      expect(sentPayload()?.testCodePayload).toEqual({ code: 'from-header' });
    });

    it('prefers the body over the query string and the header', async () => {
      const strategy = codeStrategy({ credentialSources: { query: true, headers: { code: 'code' } } });
      const res = await request(appFor(strategy)).post('/login?code=from-query').set('code', 'from-header').send({ code: 'from-body' });
      expect(res.status).toBe(200);
      expect(sentPayload()?.testCodePayload).toEqual({ code: 'from-body' });
    });

    it("never forwards an ambient Authorization: Bearer (a gateway's own token) to GenAuth by default", async () => {
      const strategy = new TokenStrategy({ client, extIdpConnidentifier: 'fb' }, async (_t, profile) => ({ id: profile.id }));
      const res = await request(appFor(strategy, { route: { failWithError: true } }))
        .post('/login')
        .set('authorization', 'Bearer gateway-service-jwt')
        .send({});
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['access_token']);
      expect(mock.requests).toHaveLength(0);
    });

    it("reads a token provider's token from Authorization: Bearer", async () => {
      const strategy = new TokenStrategy({ client, extIdpConnidentifier: 'fb', credentialSources: { bearer: true } }, async (_t, profile) => ({
        id: profile.id,
      }));
      const res = await request(appFor(strategy)).post('/login').set('authorization', 'Bearer provider-token-123').send({});
      expect(res.status).toBe(200);
      expect(sentPayload()).toMatchObject({ connection: 'test_token', testTokenPayload: { access_token: 'provider-token-123' } });
    });

    it('does not read Authorization: Bearer for a provider without a bearer field', async () => {
      const res = await request(appFor(codeStrategy())).post('/login').set('authorization', 'Bearer code-in-header').send({});
      expect(res.status).toBe(400);
      expect(mock.requests).toHaveLength(0);
    });

    it("reads a renamed field (fields: { code: 'authCode' }) and names authCode when it is missing", async () => {
      const app = appFor(codeStrategy({ fields: { code: 'authCode' } }), { route: { failWithError: true } });
      const ok = await request(app).post('/login').send({ authCode: 'renamed' });
      expect(ok.status).toBe(200);
      expect(sentPayload()?.testCodePayload).toEqual({ code: 'renamed' });
      const missing = await request(app).post('/login').send({ code: 'the-old-name' });
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ message: 'Invalid Test code credentials: authCode is required', fields: ['authCode'] });
      expect(mock.requests).toHaveLength(1);
    });

    it('uses credentials(req) instead of the default extraction', async () => {
      const strategy = codeStrategy({ credentials: (req: Request) => ({ code: (req.body as { login: { authorization: string } }).login.authorization }) });
      const res = await request(appFor(strategy))
        .post('/login')
        .send({ code: 'ignored', login: { authorization: 'from-callback' } });
      expect(res.status).toBe(200);
      expect(sentPayload()?.testCodePayload).toEqual({ code: 'from-callback' });
    });
  });

  describe('GenAuth sign-in options', () => {
    beforeEach(async () => {
      await mock.succeed();
    });
    const sentOptions = () => mock.requests.at(-1)?.body.options;

    it('sends scope, context, tenantId and customData from the strategy options', async () => {
      const strategy = codeStrategy({ scope: 'openid profile offline_access', context: { source: 'ios' }, tenantId: 'tenant-1', customData: { plan: 'pro' } });
      const res = await request(appFor(strategy)).post('/login').send({ code: 'c' });
      expect(res.status).toBe(200);
      expect(sentOptions()).toEqual({ scope: 'openid profile offline_access', context: { source: 'ios' }, tenantId: 'tenant-1', customData: { plan: 'pro' } });
    });

    it('sends no options when none are configured', async () => {
      await request(appFor(codeStrategy())).post('/login').send({ code: 'c' }).expect(200);
      expect(mock.requests.at(-1)?.body).not.toHaveProperty('options');
    });

    it('takes scope and the others from passport.authenticate(name, options), over the strategy options', async () => {
      const strategy = codeStrategy({ scope: 'openid', tenantId: 'tenant-1' });
      const app = appFor(strategy, { route: { scope: 'openid email', customData: { from: 'route' } } });
      await request(app).post('/login').send({ code: 'c' }).expect(200);
      expect(sentOptions()).toEqual({ scope: 'openid email', tenantId: 'tenant-1', customData: { from: 'route' } });
    });

    it('takes options from an async options(req), over the route and the strategy options', async () => {
      const strategy = codeStrategy({
        scope: 'openid',
        context: { static: true },
        options: async (req: Request) => {
          await new Promise((resolve) => setImmediate(resolve));
          return { scope: 'openid phone', tenantId: String(req.get('x-tenant')), customData: { device: req.body.device } };
        },
      });
      const app = appFor(strategy, { route: { scope: 'openid email' } });
      await request(app).post('/login').set('x-tenant', 'tenant-from-header').send({ code: 'c', device: 'ios' }).expect(200);
      expect(sentOptions()).toEqual({ scope: 'openid phone', context: { static: true }, tenantId: 'tenant-from-header', customData: { device: 'ios' } });
    });

    it('never forwards what the mobile client puts in the body as options', async () => {
      await request(appFor(codeStrategy()))
        .post('/login')
        .send({ code: 'c', scope: 'openid roles', options: { tenantId: 'evil' } })
        .expect(200);
      expect(mock.requests.at(-1)?.body).not.toHaveProperty('options');
    });

    it("answers 500 with a ConfigurationError when options(req) gives a scope without 'openid', without calling GenAuth", async () => {
      const strategy = codeStrategy({ options: async () => ({ scope: 'profile' }) });
      const res = await request(appFor(strategy)).post('/login').send({ code: 'c' });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ code: 'GENAUTH_INVALID_OPTIONS', status: 500, message: 'Authentication failed on the server' });
      expect((seen[0]!.error as Error).message).toContain("scope: must contain 'openid' (e.g. 'openid profile')");
      expect(mock.requests).toHaveLength(0);
    });
  });

  it('keeps two concurrent logins on one strategy apart', async () => {
    const users = ['alice', 'bob'] as const;
    const envelopes = Object.fromEntries(
      await Promise.all(
        users.map(
          async (name) =>
            [name, successBody(await signRs256(mock.key, { iss: ISSUER, aud: APP.appId, sub: `sub-${name}` }), { access_token: `at-${name}` })] as const,
        ),
      ),
    ) as Record<(typeof users)[number], object>;
    for (let i = 0; i < 2; i += 1) {
      mock.onSignIn((sent) => ({ body: envelopes[(sent.body.testCodePayload as { code: 'alice' | 'bob' }).code] }));
    }
    // Alice's verify waits until Bob's has run, so both logins are in flight at the same time.
    let bobArrived!: () => void;
    const bobHere = new Promise<void>((resolve) => {
      bobArrived = resolve;
    });
    const strategy = codeStrategy({}, async (tokens: { accessToken: string }, profile: { id: string }) => {
      if (profile.id === 'sub-alice') await bobHere;
      else bobArrived();
      return { id: profile.id, accessToken: tokens.accessToken };
    });
    const app = appFor(strategy);
    const [alice, bob] = await Promise.all(users.map((code) => request(app).post('/login').send({ code })));
    expect(alice!.status).toBe(200);
    expect(bob!.status).toBe(200);
    expect(alice!.body.user).toEqual({ id: 'sub-alice', accessToken: 'at-alice' });
    expect(alice!.body.authInfo.accessToken).toBe('at-alice');
    expect(bob!.body.user).toEqual({ id: 'sub-bob', accessToken: 'at-bob' });
    expect(bob!.body.authInfo.accessToken).toBe('at-bob');
    expect(mock.requests.map((sent) => (sent.body.testCodePayload as { code: string }).code).sort()).toEqual(['alice', 'bob']);
  });
});

describe('a refusal by verify under failWithError', () => {
  it("is still reported by getAuthFailure, with the app's info, code GENAUTH_VERIFY_REFUSED and status 401", async () => {
    const mock = await startMock();
    try {
      mock.serveJwks();
      await mock.succeed();
      const strategy = new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src' }, (_t, _p, done) =>
        done(null, false, { message: 'Account closed', reason: 'closed' }),
      );
      const req = mockRequest({ body: { code: 'c-1' } });
      expect(await runStrategy(strategy, req)).toMatchObject({ type: 'fail', status: 401 });
      expect(getAuthFailure(req)).toEqual({ message: 'Account closed', reason: 'closed', code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
    } finally {
      await mock.close();
    }
  });
});

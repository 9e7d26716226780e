import fastifyCookie from '@fastify/cookie';
import { Authenticator } from '@fastify/passport';
import fastifySession from '@fastify/session';
import { getAuthFailure, toErrorBody, type GenAuthFailure } from '@passport-genauth/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { startGenAuth, type TestGenAuth } from './support/genauth';
import { testStrategies } from './support/strategies';

let upstream: TestGenAuth;

beforeAll(async () => {
  upstream = await startGenAuth();
});
afterEach(() => upstream.emulator.clearFaults());
afterAll(() => upstream.close());

/** The least @fastify/passport needs for a stateless login: a session plugin (flash requires one), then initialize(). */
function withFastifyPassport(): { app: FastifyInstance; passport: InstanceType<typeof Authenticator> } {
  const app = Fastify();
  app.register(fastifyCookie);
  app.register(fastifySession, { secret: 'a secret of at least thirty-two characters', saveUninitialized: false, cookie: { secure: false } });
  const passport = new Authenticator();
  app.register(passport.initialize());
  const { wechat, mobile } = testStrategies(upstream.client);
  passport.use(wechat);
  passport.use(mobile);
  return { app, passport };
}

describe('@fastify/passport', () => {
  it('refuses to start without a session plugin, even for session: false routes', async () => {
    const app = Fastify();
    const passport = new Authenticator();
    app.register(passport.initialize());
    passport.use(testStrategies(upstream.client).wechat);
    app.post('/auth/wechat', { preValidation: passport.authenticate('genauth-wechat', { session: false }) }, async () => ({}));
    await expect(app.ready()).rejects.toThrow(/session/);
  });

  it('signs the user in with the minimal setup, sets request.user and request.authInfo, and sets no cookie', async () => {
    const { app, passport } = withFastifyPassport();
    app.post('/auth/wechat', { preValidation: passport.authenticate('genauth-wechat', { session: false }) }, async (request) => ({
      user: request.user,
      tokens: request.authInfo,
    }));
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'max' }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { name: 'max' }, tokens: { accessToken: expect.any(String), tokenType: 'Bearer' } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers a failure with a bare status and text by default, not JSON', async () => {
    const { app, passport } = withFastifyPassport();
    app.post('/auth/wechat', { preValidation: passport.authenticate('genauth-wechat', { session: false }) }, async () => ({}));
    const missing = await app.inject({ method: 'POST', url: '/auth/wechat', payload: {} });
    expect([missing.statusCode, missing.body]).toEqual([400, 'Bad Request']);
    const rejected = await app.inject({ method: 'POST', url: '/auth/wechat', payload: { code: 'invalid-code' } });
    expect([rejected.statusCode, rejected.body]).toEqual([401, 'Unauthorized']);
  });

  it('with failWithError, lets the error handler answer the JSON from getAuthFailure(request): the strategy sees the real request', async () => {
    const { app, passport } = withFastifyPassport();
    app.setErrorHandler(async (error, request, reply) => {
      const failure = getAuthFailure(request);
      if (failure) return reply.code(failure.status).send(toErrorBody(failure));
      throw error;
    });
    app.post('/auth/mobile', { preValidation: passport.authenticate('genauth-mobile', { session: false, failWithError: true }) }, async (request) => ({
      user: request.user,
    }));
    const before = upstream.emulator.stats().received;
    const missing = await app.inject({ method: 'POST', url: '/auth/mobile', payload: { connection: 'wechat' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['code'] });
    expect(upstream.emulator.stats().received).toBe(before);
    const credential = upstream.emulator.mintCredential('wechat', { user: 'nina' });
    await app.inject({ method: 'POST', url: '/auth/mobile', payload: { connection: 'wechat', ...credential } });
    const replay = await app.inject({ method: 'POST', url: '/auth/mobile', payload: { connection: 'wechat', ...credential } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId: upstream.emulator.requests.at(-1)?.requestId });
    const refused = await app.inject({
      method: 'POST',
      url: '/auth/mobile',
      payload: { connection: 'wechat', ...upstream.emulator.mintCredential('wechat', { user: 'refused' }) },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED' });
  });

  it("answers with the callback's info as JSON, and hands errors and throws in the callback to Fastify's error handling", async () => {
    const { app, passport } = withFastifyPassport();
    app.post(
      '/auth/wechat',
      {
        preValidation: passport.authenticate('genauth-wechat', { session: false }, async (request, reply, error, user, info) => {
          if (error) throw error;
          if (!user) {
            const body = toErrorBody(info as GenAuthFailure);
            return reply.code(body.status).send(body);
          }
          if ((user as { name?: string }).name === 'oscar') throw new Error('bug in the callback');
          request.user = user;
          request.authInfo = info as Record<string, unknown>;
          return undefined;
        }),
      },
      async (request) => ({ user: request.user, tokens: request.authInfo }),
    );
    const ok = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'pia' }) });
    expect(ok.json()).toMatchObject({ user: { name: 'pia' }, tokens: { accessToken: expect.any(String) } });
    const missing = await app.inject({ method: 'POST', url: '/auth/wechat', payload: {} });
    expect(missing.json()).toMatchObject({ status: 400, code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['code'] });
    upstream.emulator.injectFaults({ kind: 'status-502' });
    const down = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'quincy' }) });
    expect(down.statusCode).toBe(502);
    expect(down.json()).toMatchObject({ code: 'GENAUTH_UPSTREAM' });
    const bug = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'oscar' }) });
    expect(bug.statusCode).toBe(500);
    expect(bug.json()).toMatchObject({ message: 'bug in the callback' });
  });
});

import { Authenticator } from '@fastify/passport';
import { ConfigurationError, isGenAuthError, toErrorBody, type GenAuthAuthInfo } from '@passport-genauth/core';
import Fastify from 'fastify';
import { Passport } from 'passport';
import { genauth } from '../src';
import { fastifyApp } from './support/fastify-app';
import { startGenAuth, type TestGenAuth } from './support/genauth';
import { testStrategies, type TestUser } from './support/strategies';

let upstream: TestGenAuth;

beforeAll(async () => {
  upstream = await startGenAuth();
});
afterEach(() => upstream.emulator.clearFaults());
afterAll(() => upstream.close());

describe('a strategy registered on a Passport instance', () => {
  it('is looked up by name on @fastify/passport and on passport', async () => {
    const { wechat, mobile } = testStrategies(upstream.client);
    const fastifyPassport = new Authenticator();
    fastifyPassport.use(wechat);
    const passport = new Passport();
    passport.use(mobile);
    const { app } = fastifyApp({ '/auth/wechat': 'genauth-wechat' }, { passport: fastifyPassport });
    const { app: single } = fastifyApp({ '/auth/mobile': 'genauth-mobile' }, { passport });
    const one = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'gina' }) });
    expect(one.json().user).toMatchObject({ name: 'gina' });
    const two = await single.inject({
      method: 'POST',
      url: '/auth/mobile',
      payload: { connection: 'yidun', ...upstream.emulator.mintCredential('yidun', { user: 'hal' }) },
    });
    expect(two.json().user).toMatchObject({ name: 'hal', connection: 'yidun' });
  });

  it('throws ConfigurationError when the hook is created for a name nobody registered', () => {
    expect(() => genauth('genauth-wechat', { passport: new Authenticator() })).toThrow(ConfigurationError);
    expect(() => genauth('genauth-wechat')).toThrow(/pass \{ passport \}/);
  });
});

describe('options, typing and the app’s error handler', () => {
  it('sends the sign-in options it is given to GenAuth', async () => {
    const { wechat } = testStrategies(upstream.client);
    const { app } = fastifyApp({ '/auth/wechat': wechat }, { scope: 'openid profile offline_access' });
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'ivy' }) });
    expect(res.json().tokens.refreshToken).toEqual(expect.any(String));
    expect(upstream.emulator.requests.at(-1)?.body).toMatchObject({ options: { scope: 'openid profile offline_access' } });
  });

  it('runs before schema validation and leaves a typed route its typed body', async () => {
    const { wechat } = testStrategies(upstream.client);
    const app = Fastify();
    app.post<{ Body: { code: string; device?: string } }>(
      '/auth/wechat',
      {
        preValidation: genauth(wechat),
        schema: { body: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, device: { type: 'string' } } } },
      },
      async (request) => {
        const user = request.user as TestUser;
        const tokens = request.authInfo as GenAuthAuthInfo;
        return { id: user.id, device: request.body.device ?? 'unknown', expiresIn: tokens.expiresIn };
      },
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/auth/wechat',
      payload: { ...upstream.emulator.mintCredential('wechat', { user: 'jo' }), device: 'ios' },
    });
    expect(ok.json()).toEqual({ id: expect.any(String), device: 'ios', expiresIn: 1_209_600 });
    const missing = await app.inject({ method: 'POST', url: '/auth/wechat', payload: {} });
    expect(missing.json()).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['code'] });
  });

  it('with throwErrors, hands errors to setErrorHandler, while failures are still answered as JSON', async () => {
    const { wechat } = testStrategies(upstream.client);
    const caught: unknown[] = [];
    const app = Fastify();
    app.setErrorHandler(async (error, _request, reply) => {
      caught.push(error);
      const body = isGenAuthError(error) ? toErrorBody(error) : { message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 };
      return reply.code(body.status).send({ ...body, answeredBy: 'the app' });
    });
    app.post('/auth/wechat', { preValidation: genauth(wechat, { throwErrors: true }) }, async (request) => ({ user: request.user }));
    upstream.emulator.injectFaults({ kind: 'status-503' });
    const down = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'kim' }) });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'GENAUTH_UPSTREAM', answeredBy: 'the app' });
    const missing = await app.inject({ method: 'POST', url: '/auth/wechat', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).not.toHaveProperty('answeredBy');
    expect(caught).toHaveLength(1);
  });

  it("with throwErrors and no error handler, Fastify's default answers with the error's status", async () => {
    const { wechat } = testStrategies(upstream.client);
    const app = Fastify();
    app.post('/auth/wechat', { preValidation: genauth(wechat, { throwErrors: true }) }, async (request) => ({ user: request.user }));
    upstream.emulator.injectFaults({ kind: 'status-502' });
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'lee' }) });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ statusCode: 502, code: 'GENAUTH_UPSTREAM' });
  });
});

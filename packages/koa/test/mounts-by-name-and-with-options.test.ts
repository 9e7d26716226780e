import { ConfigurationError, isGenAuthError, toErrorBody, type GenAuthProfile, type GenAuthRequest, type TokenSet } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import KoaPassport from 'koa-passport';
import { Passport } from 'passport';
import request from 'supertest';
import { genauth, getAuthFailure } from '../src';
import { startGenAuth, type TestGenAuth } from './support/genauth';
import { answer, koaApp, post } from './support/koa-app';
import { testStrategies } from './support/strategies';

let upstream: TestGenAuth;

beforeAll(async () => {
  upstream = await startGenAuth();
});
afterEach(() => upstream.emulator.clearFaults());
afterAll(() => upstream.close());

describe('a strategy registered on a Passport instance', () => {
  it('is looked up by name on passport 0.7 and on koa-passport', async () => {
    const { wechat, mobile } = testStrategies(upstream.client);
    const plain = new Passport();
    plain.use(wechat);
    const koaPassport = new KoaPassport.KoaPassport();
    koaPassport.use(mobile);
    const { app } = koaApp(Koa, { '/auth/wechat': 'genauth-wechat' }, { passport: plain });
    const { app: single } = koaApp(Koa, { '/auth/mobile': 'genauth-mobile' }, { passport: koaPassport });
    const one = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'gina' }));
    expect(one.body.user).toMatchObject({ name: 'gina' });
    const two = await request(single.callback())
      .post('/auth/mobile')
      .send({ connection: 'yidun', ...upstream.emulator.mintCredential('yidun', { user: 'hal' }) });
    expect(two.body.user).toMatchObject({ name: 'hal', connection: 'yidun' });
  });

  it('throws ConfigurationError when the middleware is created, not at the first login, for a name nobody registered', () => {
    const passport = new Passport();
    expect(() => genauth('genauth-wechat', { passport })).toThrow(ConfigurationError);
    expect(() => genauth('genauth-wechat', { passport })).toThrow(/no strategy of that name is registered/);
    expect(() => genauth('genauth-wechat')).toThrow(/pass \{ passport \}/);
  });

  it('refuses a strategy that cannot log in without Passport', () => {
    const passport = new Passport();
    passport.use('basic', { name: 'basic', authenticate() {} } as never);
    expect(() => genauth('basic', { passport })).toThrow(/has no login\(req\) method/);
    expect(() => genauth({} as never)).toThrow(ConfigurationError);
  });
});

describe('options and request shapes', () => {
  it('sends the sign-in options it is given to GenAuth, and nothing else of its options', async () => {
    const { wechat } = testStrategies(upstream.client);
    const { app } = koaApp(Koa, { '/auth/wechat': wechat }, { scope: 'openid profile offline_access', tenantId: 'tenant-1' });
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'ivy' }));
    expect(res.body.tokens.refreshToken).toEqual(expect.any(String));
    expect(upstream.emulator.requests.at(-1)?.body).toMatchObject({ options: { scope: 'openid profile offline_access', tenantId: 'tenant-1' } });
  });

  it('reads the body koa-body parsed, JSON or form', async () => {
    const { wechat } = testStrategies(upstream.client);
    const app = new Koa().use(koaBody()).use(post('/auth/wechat', genauth(wechat), answer));
    const json = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'jo' }));
    expect(json.body.user).toMatchObject({ name: 'jo' });
    const form = await request(app.callback())
      .post('/auth/wechat')
      .type('form')
      .send(upstream.emulator.mintCredential('wechat', { user: 'kim' }));
    expect(form.body.user).toMatchObject({ name: 'kim' });
  });

  it('answers 400 with a hint when no body parser ran, without calling GenAuth', async () => {
    const { wechat } = testStrategies(upstream.client);
    const before = upstream.emulator.stats().received;
    const app = new Koa().use(post('/auth/wechat', genauth(wechat), answer));
    const res = await request(app.callback()).post('/auth/wechat').send({ code: 'em_x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ fields: ['code'], message: expect.stringContaining('nothing parsed it') });
    expect(upstream.emulator.stats().received).toBe(before);
  });

  it('hands ctx.request to a passReqToCallback verify, with ctx.request.ctx and getAuthFailure on its refusal', async () => {
    const seen: { ip?: string; path?: string } = {};
    const strategy = new WechatStrategy(
      { client: upstream.client, extIdpConnidentifier: 'wechat', passReqToCallback: true },
      (req: GenAuthRequest, _tokens: TokenSet, profile: GenAuthProfile) => {
        const koaRequest = req as Koa.Request;
        seen.ip = koaRequest.ip;
        seen.path = koaRequest.ctx.path;
        return profile.displayName === 'lee' ? false : { id: profile.id };
      },
    );
    let failureOnRequest: unknown;
    const app = new Koa()
      .use(async (ctx, next) => {
        await next();
        failureOnRequest = getAuthFailure(ctx.request) ?? 'none';
      })
      .use(koaBody())
      .use(post('/auth/wechat', genauth(strategy), answer));
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'lee' }));
    expect(res.status).toBe(401);
    expect(seen).toEqual({ ip: expect.stringContaining('127.0.0.1'), path: '/auth/wechat' });
    expect(failureOnRequest).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
  });
});

describe('throwErrors: errors go to the app’s own error middleware', () => {
  it("lets the app answer GenAuth's outage itself, while failures are still answered as JSON", async () => {
    const { wechat } = testStrategies(upstream.client);
    const caught: unknown[] = [];
    const app = new Koa()
      .use(async (ctx, next) => {
        try {
          await next();
        } catch (error) {
          caught.push(error);
          const body = isGenAuthError(error) ? toErrorBody(error) : { message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 };
          ctx.status = body.status;
          ctx.body = { ...body, answeredBy: 'the app' };
        }
      })
      .use(koaBody())
      .use(post('/auth/wechat', genauth(wechat, { throwErrors: true }), answer));
    upstream.emulator.injectFaults({ kind: 'status-503' });
    const down = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'max' }));
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 'GENAUTH_UPSTREAM', answeredBy: 'the app' });
    const missing = await request(app.callback()).post('/auth/wechat').send({});
    expect(missing.status).toBe(400);
    expect(missing.body).not.toHaveProperty('answeredBy');
    expect(caught).toHaveLength(1);
  });

  it("falls back to Koa's own error answer when the app has no error middleware", async () => {
    const { wechat } = testStrategies(upstream.client);
    const app = new Koa().use(koaBody()).use(post('/auth/wechat', genauth(wechat, { throwErrors: true }), answer));
    app.silent = true;
    upstream.emulator.injectFaults({ kind: 'status-502' });
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'ned' }));
    expect(res.status).toBe(502);
    expect(res.text).toBe('Bad Gateway');
  });
});

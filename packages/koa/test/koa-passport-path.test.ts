import { getAuthFailure, toErrorBody, type GenAuthFailure } from '@passport-genauth/core';
import Koa, { type Middleware } from 'koa';
import { koaBody } from 'koa-body';
import KoaPassport from 'koa-passport';
import request from 'supertest';
import { startGenAuth, type TestGenAuth } from './support/genauth';
import { post } from './support/koa-app';
import { testStrategies } from './support/strategies';

let upstream: TestGenAuth;
let passport: InstanceType<typeof KoaPassport.KoaPassport>;

beforeAll(async () => {
  upstream = await startGenAuth();
  passport = new KoaPassport.KoaPassport();
  const { wechat, mobile } = testStrategies(upstream.client);
  passport.use(wechat);
  passport.use(mobile);
});
afterEach(() => upstream.emulator.clearFaults());
afterAll(() => upstream.close());

/**
 * The recipe that works: the callback is created per request (koa-passport keeps that request's
 * resolve/reject on the callback function, and the callback needs `ctx`), failures are answered from
 * the callback's `info`, errors are thrown for Koa's error handling.
 */
const login =
  (name: string): Middleware =>
  (ctx, next) =>
    passport.authenticate(name, { session: false }, async (error: unknown, user: unknown, info: GenAuthFailure | undefined) => {
      if (error) throw error instanceof Error ? error : new Error('koa-passport reported a non-Error failure');
      if (!user) {
        const body = toErrorBody(info as GenAuthFailure);
        ctx.status = body.status;
        ctx.body = body;
        return;
      }
      ctx.state.user = user;
      ctx.state.authInfo = info;
      await next();
    })(ctx, next);

const answer: Middleware = (ctx) => {
  ctx.body = { user: ctx.state.user, tokens: ctx.state.authInfo };
};

function appWith(...routes: Middleware[]) {
  const app = new Koa();
  const errors: Error[] = [];
  const failures: unknown[] = [];
  app.on('error', (error: Error) => errors.push(error));
  app.use(async (ctx, next) => {
    try {
      await next();
    } finally {
      failures.push(getAuthFailure(ctx.req) ?? getAuthFailure(ctx) ?? getAuthFailure(ctx.request) ?? 'not found');
    }
  });
  app.use(koaBody());
  for (const route of routes) app.use(route);
  return { app, errors, failures };
}

describe('koa-passport with a per-request callback (the recipe)', () => {
  const { app, errors } = appWith(post('/auth/wechat', login('genauth-wechat'), answer), post('/auth/mobile', login('genauth-mobile'), answer));

  it('signs the user in and answers { user, tokens }', async () => {
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'olga' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { name: 'olga' }, tokens: { accessToken: expect.any(String), tokenType: 'Bearer' } });
  });

  it('answers the same 400 JSON naming the field, without calling GenAuth', async () => {
    const before = upstream.emulator.stats().received;
    const res = await request(app.callback()).post('/auth/mobile').send({ connection: 'wechat' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'] });
    expect(upstream.emulator.stats().received).toBe(before);
  });

  it('answers 401 with the requestId for a replayed code, and 401 when verify refuses', async () => {
    const credential = upstream.emulator.mintCredential('wechat', { user: 'pam' });
    await request(app.callback()).post('/auth/wechat').send(credential).expect(200);
    const replay = await request(app.callback()).post('/auth/wechat').send(credential);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId: upstream.emulator.requests.at(-1)?.requestId });
    const refused = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'refused' }));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED' });
  });

  it("hands GenAuth's outage to Koa's error handling as the thrown GenAuthError", async () => {
    upstream.emulator.injectFaults({ kind: 'status-502' });
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'quinn' }));
    expect(res.status).toBe(502);
    expect(errors.at(-1)).toMatchObject({ code: 'GENAUTH_UPSTREAM', status: 502 });
  });

  it('keeps concurrent logins apart', async () => {
    const users = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const answers = await Promise.all(
      users.map((user) => request(app.callback()).post('/auth/wechat').send(upstream.emulator.mintCredential('wechat', { user }))),
    );
    expect(answers.map((res) => res.body.user.name)).toEqual(users);
  });

  it("hands a throw in the callback or in the next middleware to Koa's error handling (500)", async () => {
    const broken = appWith(
      post('/auth/wechat', (ctx, next) =>
        passport.authenticate('genauth-wechat', { session: false }, () => {
          throw new Error('bug in the callback');
        })(ctx, next),
      ),
      post('/auth/mobile', login('genauth-mobile'), () => {
        throw new Error('bug in the handler');
      }),
    );
    const first = await request(broken.app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'sam' }));
    const second = await request(broken.app.callback())
      .post('/auth/mobile')
      .send({ connection: 'wechat', ...upstream.emulator.mintCredential('wechat', { user: 'sam' }) });
    expect([first.status, second.status]).toEqual([500, 500]);
    expect(broken.errors.map((error) => error.message)).toEqual(['bug in the callback', 'bug in the handler']);
  });
});

describe('koa-passport pitfalls', () => {
  it('answers a failure without a callback with a bare status and text, not JSON', async () => {
    const { app } = appWith(post('/auth/wechat', passport.authenticate('genauth-wechat', { session: false }), answer));
    const missing = await request(app.callback()).post('/auth/wechat').send({});
    expect([missing.status, missing.text]).toEqual([400, 'Bad Request']);
    const rejected = await request(app.callback()).post('/auth/wechat').send({ code: 'invalid-code' });
    expect([rejected.status, rejected.text]).toEqual([401, 'Unauthorized']);
  });

  it('hands strategies a mock request, so getAuthFailure finds nothing on ctx, ctx.req or ctx.request', async () => {
    const { app, errors, failures } = appWith(post('/auth/wechat', passport.authenticate('genauth-wechat', { session: false, failWithError: true }), answer));
    const res = await request(app.callback()).post('/auth/wechat').send({ code: 'invalid-code' });
    expect(res.status).toBe(401);
    expect(errors.at(-1)).toMatchObject({ name: 'AuthenticationError', status: 401 });
    expect(failures.at(-1)).toBe('not found');
  });

  it('leaves user and tokens on ctx.state on success without a callback', async () => {
    const { app } = appWith(post('/auth/wechat', passport.authenticate('genauth-wechat', { session: false }), answer));
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'tara' }));
    expect(res.body).toMatchObject({ user: { name: 'tara' }, tokens: { accessToken: expect.any(String) } });
  });
});

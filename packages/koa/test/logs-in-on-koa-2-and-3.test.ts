import bodyParser from '@koa/bodyparser';
import Koa3 from 'koa';
import Koa2 from 'koa2';
import request from 'supertest';
import { closedPortUrl, demoClient, startGenAuth, type TestGenAuth } from './support/genauth';
import { genauth } from '../src';
import { koaApp, post, type KoaConstructor } from './support/koa-app';
import { testStrategies } from './support/strategies';

let upstream: TestGenAuth;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  upstream = await startGenAuth();
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => upstream.emulator.clearFaults());
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await upstream.close();
});

describe.each([
  ['Koa 3', Koa3],
  ['Koa 2', Koa2],
] as [string, KoaConstructor][])('genauth() on %s', (_version, KoaClass) => {
  const build = () => {
    const { wechat, apple, mobile } = testStrategies(upstream.client);
    return koaApp(KoaClass, { '/auth/wechat': wechat, '/auth/apple': apple, '/auth/mobile': mobile });
  };

  it('signs the user in, sets ctx.state.user and ctx.state.authInfo, and runs the next middleware', async () => {
    const { app } = build();
    const credential = upstream.emulator.mintCredential('wechat', { user: 'alice' });
    const res = await request(app.callback()).post('/auth/wechat').send(credential);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: expect.any(String), connection: 'wechat', name: 'alice' });
    expect(res.body.tokens).toMatchObject({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer' });
    expect(upstream.emulator.requests.at(-1)?.body).toMatchObject({ connection: 'wechat', wechatPayload: credential });
  });

  it('signs the user in through GenAuthMobileStrategy on one route, by the connection in the body', async () => {
    const { app } = build();
    const res = await request(app.callback())
      .post('/auth/mobile')
      .send({ connection: 'apple', ...upstream.emulator.mintCredential('apple', { user: 'bob' }) });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ connection: 'apple', name: 'bob' });
  });

  it('answers 400 naming the missing field without calling GenAuth, and getAuthFailure finds it on ctx, ctx.state, ctx.request and ctx.req', async () => {
    const { app, seen } = build();
    const before = upstream.emulator.stats().received;
    const res = await request(app.callback()).post('/auth/wechat').send({ cod: 'typo' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
    expect(upstream.emulator.stats().received).toBe(before);
    expect(seen.failures.at(-1)).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
    expect(seen.failuresElsewhere.at(-1)).toEqual([seen.failures.at(-1), seen.failures.at(-1), seen.failures.at(-1)]);
  });

  it('answers 400 naming `connection` on the single route without calling GenAuth', async () => {
    const { app } = build();
    const before = upstream.emulator.stats().received;
    const res = await request(app.callback()).post('/auth/mobile').send({ code: 'x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['connection'] });
    expect(upstream.emulator.stats().received).toBe(before);
  });

  it('answers 401 with the requestId when a one-time code is replayed', async () => {
    const { app } = build();
    const credential = upstream.emulator.mintCredential('wechat', { user: 'carol' });
    await request(app.callback()).post('/auth/wechat').send(credential).expect(200);
    const replay = await request(app.callback()).post('/auth/wechat').send(credential);
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      genauthStatusCode: 602,
      message: expect.stringContaining('already been used'),
      requestId: upstream.emulator.requests.at(-1)?.requestId,
    });
  });

  it("answers 401 with GenAuth's apiCode for a locked user", async () => {
    const { app } = build();
    const res = await request(app.callback()).post('/auth/mobile').send({ connection: 'apple', code: 'locked-code-1' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: upstream.emulator.requests.at(-1)?.requestId });
  });

  it('answers 401 GENAUTH_VERIFY_REFUSED when the verify callback refuses the user', async () => {
    const { app, seen } = build();
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'refused' }));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'GENAUTH_VERIFY_REFUSED', status: 401, message: 'Sign-in refused by the application' });
    expect(seen.failures.at(-1)).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED' });
  });

  it.each([
    ['status-502', 502, 'GENAUTH_UPSTREAM'],
    ['reset', 502, 'GENAUTH_HTTP'],
    ['status-503', 503, 'GENAUTH_UPSTREAM'],
  ] as const)('answers %s from GenAuth with a %i %s JSON and reports the error on the app', async (kind, status, code) => {
    const { app, seen } = build();
    upstream.emulator.injectFaults({ kind });
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'dan' }));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code, status, message: expect.any(String) });
    expect(seen.errors.at(-1)).toMatchObject({ code, status });
  });

  it('answers 504 GENAUTH_HTTP when GenAuth does not answer in time', async () => {
    const client = demoClient(upstream.emulator, { timeoutMs: 150 });
    try {
      const { wechat } = testStrategies(client);
      upstream.emulator.injectFaults({ kind: 'hang' });
      const res = await request(koaApp(KoaClass, { '/auth/wechat': wechat }).app.callback())
        .post('/auth/wechat')
        .send(upstream.emulator.mintCredential('wechat', { user: 'erin' }));
      expect(res.status).toBe(504);
      expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
    } finally {
      await client.close();
    }
  });

  it('answers 502 GENAUTH_HTTP when nothing listens at GenAuth’s address', async () => {
    const client = demoClient(upstream.emulator, { appHost: await closedPortUrl() });
    try {
      const { wechat } = testStrategies(client);
      const res = await request(koaApp(KoaClass, { '/auth/wechat': wechat }).app.callback())
        .post('/auth/wechat')
        .send({ code: 'em_anything' });
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 502, message: expect.not.stringContaining('127.0.0.1') });
    } finally {
      await client.close();
    }
  });

  it('answers a bare 500 JSON when the verify callback throws, and reports the error on the app', async () => {
    const { app, seen } = build();
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(upstream.emulator.mintCredential('wechat', { user: 'explodes' }));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL_ERROR', status: 500, message: 'Internal Server Error' });
    expect(seen.errors.at(-1)?.message).toBe('the user table is down');
  });

  it("hands a throw in the app's next middleware to Koa's error handling (500), and keeps serving", async () => {
    const { wechat } = testStrategies(upstream.client);
    const app = new KoaClass();
    const errors: Error[] = [];
    app.on('error', (error: Error) => errors.push(error));
    app.use(bodyParser());
    app.use(
      post('/auth/wechat', genauth(wechat), () => {
        throw new Error('bug in the route handler');
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    try {
      const crashed = await request(server)
        .post('/auth/wechat')
        .send(upstream.emulator.mintCredential('wechat', { user: 'frank' }));
      expect(crashed.status).toBe(500);
      expect(errors.map((error) => error.message)).toEqual(['bug in the route handler']);
      const next = await request(server).post('/auth/wechat').send({});
      expect(next.status).toBe(400);
      expect(unhandled).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import Fastify from 'fastify';
import { genauth } from '../src';
import { fastifyApp } from './support/fastify-app';
import { closedPortUrl, demoClient, startGenAuth, type TestGenAuth } from './support/genauth';
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

function build() {
  const { wechat, apple, mobile } = testStrategies(upstream.client);
  return fastifyApp({ '/auth/wechat': wechat, '/auth/apple': apple, '/auth/mobile': mobile });
}

describe('genauth() as a preValidation hook on Fastify 5', () => {
  it('signs the user in, sets request.user and request.authInfo, and runs the handler', async () => {
    const { app } = build();
    const credential = upstream.emulator.mintCredential('wechat', { user: 'alice' });
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: credential });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: expect.any(String), connection: 'wechat', name: 'alice' },
      tokens: expect.objectContaining({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer' }),
    });
    expect(upstream.emulator.requests.at(-1)?.body).toMatchObject({ connection: 'wechat', wechatPayload: credential });
  });

  it('signs the user in through GenAuthMobileStrategy on one route', async () => {
    const { app } = build();
    const res = await app.inject({
      method: 'POST',
      url: '/auth/mobile',
      payload: { connection: 'apple', ...upstream.emulator.mintCredential('apple', { user: 'bob' }) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ connection: 'apple', name: 'bob' });
  });

  it('answers 400 naming the missing field without calling GenAuth, and getAuthFailure finds it on request and request.raw', async () => {
    const { app, seen } = build();
    const before = upstream.emulator.stats().received;
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: { cod: 'typo' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
    expect(upstream.emulator.stats().received).toBe(before);
    expect(seen.failures.at(-1)).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
    expect(seen.failuresOnRaw.at(-1)).toBe(seen.failures.at(-1));
  });

  it('answers 400 naming `connection` on the single route, and 400 for a request with no body, without calling GenAuth', async () => {
    const { app } = build();
    const before = upstream.emulator.stats().received;
    const noConnection = await app.inject({ method: 'POST', url: '/auth/mobile', payload: { code: 'x' } });
    expect(noConnection.statusCode).toBe(400);
    expect(noConnection.json()).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['connection'] });
    const noBody = await app.inject({ method: 'POST', url: '/auth/wechat' });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json()).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['code'] });
    expect(upstream.emulator.stats().received).toBe(before);
  });

  it('answers 401 with the requestId when a one-time code is replayed', async () => {
    const { app } = build();
    const credential = upstream.emulator.mintCredential('wechat', { user: 'carol' });
    expect((await app.inject({ method: 'POST', url: '/auth/wechat', payload: credential })).statusCode).toBe(200);
    const replay = await app.inject({ method: 'POST', url: '/auth/wechat', payload: credential });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toEqual({
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      genauthStatusCode: 602,
      message: expect.stringContaining('already been used'),
      requestId: upstream.emulator.requests.at(-1)?.requestId,
    });
  });

  it("answers 401 with GenAuth's apiCode for a locked user", async () => {
    const { app } = build();
    const res = await app.inject({ method: 'POST', url: '/auth/apple', payload: { code: 'locked-code-1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: upstream.emulator.requests.at(-1)?.requestId });
  });

  it('answers 401 GENAUTH_VERIFY_REFUSED when the verify callback refuses the user', async () => {
    const { app } = build();
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'refused' }) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'GENAUTH_VERIFY_REFUSED', status: 401, message: 'Sign-in refused by the application' });
  });

  it.each([
    ['status-502', 502, 'GENAUTH_UPSTREAM'],
    ['reset', 502, 'GENAUTH_HTTP'],
    ['status-503', 503, 'GENAUTH_UPSTREAM'],
  ] as const)('answers %s from GenAuth with a %i %s JSON and logs the error', async (kind, status, code) => {
    const { app, seen } = build();
    upstream.emulator.injectFaults({ kind });
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'dan' }) });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, status, message: expect.any(String) });
    expect(seen.errorLogs.at(-1)).toMatchObject({ msg: 'passport-genauth: login failed with an error', err: { code } });
  });

  it('answers 504 GENAUTH_HTTP when GenAuth does not answer in time', async () => {
    const client = demoClient(upstream.emulator, { timeoutMs: 150 });
    try {
      upstream.emulator.injectFaults({ kind: 'hang' });
      const { app } = fastifyApp({ '/auth/wechat': testStrategies(client).wechat });
      const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'erin' }) });
      expect(res.statusCode).toBe(504);
      expect(res.json()).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
    } finally {
      await client.close();
    }
  });

  it('answers 502 GENAUTH_HTTP when nothing listens at GenAuth’s address', async () => {
    const client = demoClient(upstream.emulator, { appHost: await closedPortUrl() });
    try {
      const { app } = fastifyApp({ '/auth/wechat': testStrategies(client).wechat });
      const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: { code: 'em_anything' } });
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ code: 'GENAUTH_HTTP', status: 502, message: expect.not.stringContaining('127.0.0.1') });
    } finally {
      await client.close();
    }
  });

  it('answers a bare 500 JSON when the verify callback throws, and logs the error', async () => {
    const { app, seen } = build();
    const res = await app.inject({ method: 'POST', url: '/auth/wechat', payload: upstream.emulator.mintCredential('wechat', { user: 'explodes' }) });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'INTERNAL_ERROR', status: 500, message: 'Internal Server Error' });
    expect(seen.errorLogs.at(-1)?.err?.message).toBe('the user table is down');
  });

  it("hands a throw in the route handler to Fastify's error handling (500) over real HTTP, and keeps serving", async () => {
    const { wechat } = testStrategies(upstream.client);
    const app = Fastify();
    app.post('/auth/wechat', { preValidation: genauth(wechat) }, async () => {
      throw new Error('bug in the route handler');
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const post = (body: unknown) =>
        fetch(`${url}/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const crashed = await post(upstream.emulator.mintCredential('wechat', { user: 'frank' }));
      expect(crashed.status).toBe(500);
      expect(await crashed.json()).toMatchObject({ statusCode: 500, message: 'bug in the route handler' });
      const next = await post({});
      expect(next.status).toBe(400);
      expect(unhandled).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

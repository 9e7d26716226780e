import type { Server } from '@hapi/hapi';
import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, subjectFor, type Emulator } from '@passport-genauth/emulator';
import { WechatStrategy } from '@passport-genauth/wechat';
import { genauthLogin } from '../src/genauth-login';
import { createServer } from '../src/server';

let emulator: Emulator;
let client: GenAuthClient;
let server: Server;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  server = createServer({ client, suspended: new Set([subjectFor('wechat', 'mallory')]) });
  const wechat = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, async (_tokens, profile) => ({ id: profile.id }));
  const verifyThatThrows = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, async () => {
    throw new Error('user table unavailable');
  });
  server.route([
    {
      method: 'POST',
      path: '/auth/wechat/then-throw',
      options: {
        pre: [genauthLogin(wechat)],
        handler: () => {
          throw new Error('a bug in the route handler');
        },
      },
    },
    { method: 'POST', path: '/auth/wechat/verify-throws', options: { pre: [genauthLogin(verifyThatThrows)], handler: () => 'unreachable' } },
  ]);
  await server.initialize();
});
afterEach(() => emulator.clearFaults());
afterAll(async () => {
  await server.stop();
  await client.close();
  await emulator.close();
});

const login = async (payload: object, url = '/auth/wechat') => {
  const res = await server.inject({ method: 'POST', url, payload });
  return { status: res.statusCode, body: JSON.parse(res.payload) as Record<string, unknown> };
};

describe('the hapi recipe (a route prerequisite on strategy.login)', () => {
  it('signs a WeChat user in and answers { user, tokens } with 200', async () => {
    const res = await login(emulator.mintCredential('wechat', { user: 'alice', name: 'Alice' }));
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: subjectFor('wechat', 'alice'), connection: 'wechat', displayName: 'Alice' });
    expect(res.body.tokens).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer' });
  });

  it('answers 400 naming the missing field, without calling GenAuth', async () => {
    const before = emulator.stats().received;
    const res = await login({});
    expect(res).toEqual({
      status: 400,
      body: { code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') },
    });
    expect(emulator.stats().received).toBe(before);
  });

  it('answers 401 with the requestId when a one-time code is replayed', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'bob' });
    expect((await login(credential)).status).toBe(200);
    const replay = await login(credential);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', genauthStatusCode: 602, requestId: emulator.requests.at(-1)?.requestId });
  });

  it("answers 401 with GenAuth's apiCode for a locked user", async () => {
    const res = await login({ code: 'locked-user' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: emulator.requests.at(-1)?.requestId });
  });

  it('answers 401 GENAUTH_VERIFY_REFUSED when verify refuses the user', async () => {
    const res = await login(emulator.mintCredential('wechat', { user: 'mallory' }));
    expect(res).toEqual({ status: 401, body: { code: 'GENAUTH_VERIFY_REFUSED', status: 401, message: 'Sign-in refused by the application' } });
  });

  it.each([
    ['reset', 502, 'GENAUTH_HTTP'],
    ['status-503', 503, 'GENAUTH_UPSTREAM'],
  ] as const)('answers GenAuth fault %s with a %i %s JSON', async (kind, status, code) => {
    emulator.injectFaults({ kind });
    const res = await login(emulator.mintCredential('wechat', { user: 'carol' }));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code, status });
  });

  it("answers hapi's 500 when the app's verify throws, and when the handler throws after a successful login", async () => {
    expect((await login(emulator.mintCredential('wechat', { user: 'dave' }), '/auth/wechat/verify-throws')).status).toBe(500);
    const res = await login(emulator.mintCredential('wechat', { user: 'erin' }), '/auth/wechat/then-throw');
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'An internal server error occurred' } });
    expect((await login(emulator.mintCredential('wechat', { user: 'frank' }))).status).toBe(200);
  });
});

import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, subjectFor, type Emulator } from '@passport-genauth/emulator';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../src/app';
import { connectGenAuth, type GenAuthConnection } from '../src/genauth-connection';

let genauth: GenAuthConnection;
let emulator: Emulator;
let app: FastifyInstance;
const logged: string[] = [];

beforeAll(async () => {
  genauth = await connectGenAuth({});
  emulator = genauth.emulator as Emulator;
  app = createApp({ client: genauth.client, bannedUserIds: new Set([subjectFor('wechat', 'mallory')]), log: (line) => logged.push(line) });
});
afterEach(() => emulator.clearFaults());
afterAll(async () => {
  await app.close();
  await genauth.close();
});

const post = (url: string, payload: object | string, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload, headers });

describe('the Fastify example', () => {
  it.each(['wechat', 'apple', 'yidun'] as const)('signs a %s user in at its own route and answers { user, tokens }', async (connection) => {
    const res = await post(`/auth/${connection}`, emulator.mintCredential(connection, { user: 'alice' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: subjectFor(connection, 'alice'), connection, displayName: 'alice' },
      tokens: expect.objectContaining({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer', expiresIn: 1_209_600 }),
    });
  });

  it('signs users in through the single POST /auth/mobile route', async () => {
    const res = await post('/auth/mobile', { connection: 'apple', ...emulator.mintCredential('apple', { user: 'bob' }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ connection: 'apple', displayName: 'bob' });
  });

  it('answers 400 naming the missing field and never calls GenAuth', async () => {
    const before = emulator.stats().received;
    const res = await post('/auth/mobile', { connection: 'yidun', accessToken: 'a' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['token'], message: expect.stringContaining('token') });
    expect(emulator.stats().received).toBe(before);
  });

  it('answers 401 with the requestId for a replayed code, and logs it', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'carol' });
    expect((await post('/auth/wechat', credential)).statusCode).toBe(200);
    const replay = await post('/auth/wechat', credential);
    const requestId = emulator.requests.at(-1)?.requestId;
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId });
    expect(logged).toContain(`POST /auth/wechat → 401 GENAUTH_SIGNIN_REJECTED requestId=${requestId}`);
  });

  it("answers 401 GENAUTH_VERIFY_REFUSED for a user on the app's ban list", async () => {
    const res = await post('/auth/wechat', emulator.mintCredential('wechat', { user: 'mallory' }));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
  });

  it("answers 503 and 504 from the app's error handler when GenAuth is down or silent, with a generic message", async () => {
    emulator.injectFaults({ kind: 'status-503' });
    const down = await post('/auth/apple', emulator.mintCredential('apple', { user: 'dan' }));
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({
      code: 'GENAUTH_UPSTREAM',
      status: 503,
      message: expect.any(String),
      requestId: emulator.requests.at(-1)?.requestId,
      genauthStatusCode: 503,
    });
    expect(logged).toContainEqual(expect.stringMatching(/^POST \/auth\/apple → 503 GENAUTH_UPSTREAM requestId=/));
    const impatient = new GenAuthClient({
      appHost: emulator.url,
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
      timeoutMs: 150,
    });
    const slowApp = createApp({ client: impatient });
    try {
      emulator.injectFaults({ kind: 'hang' });
      const slow = await slowApp.inject({ method: 'POST', url: '/auth/wechat', payload: emulator.mintCredential('wechat', { user: 'erin' }) });
      expect(slow.statusCode).toBe(504);
      expect(slow.json()).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
    } finally {
      await slowApp.close();
      await impatient.close();
    }
  });

  it('answers JSON for a body that is not JSON or too large, an unknown route, and GET /healthz', async () => {
    const bad = await post('/auth/wechat', '{"code": "em_secret', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'INVALID_JSON', status: 400, message: 'The request body is not valid JSON' });
    const large = await post('/auth/wechat', { code: 'x'.repeat(70_000) });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const missing = await post('/auth/myspace', { code: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  it('never writes a token or a credential to the log', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'frank' });
    const ok = await post('/auth/wechat', credential);
    const everything = logged.join('\n');
    expect(everything).toContain(`user=${ok.json().user.id} (wechat)`);
    expect(everything).not.toContain(ok.json().tokens.accessToken);
    expect(everything).not.toContain(credential.code);
  });
});

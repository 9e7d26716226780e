import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, subjectFor, type Emulator } from '@passport-genauth/emulator';
import request from 'supertest';
import { createApp } from '../src/app';
import { connectGenAuth, type GenAuthConnection } from '../src/genauth-connection';

let genauth: GenAuthConnection;
let emulator: Emulator;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  genauth = await connectGenAuth({});
  emulator = genauth.emulator as Emulator;
  app = createApp({ client: genauth.client, bannedUserIds: new Set([subjectFor('wechat', 'mallory')]), log: (line) => logged.push(line) });
});
afterEach(() => emulator.clearFaults());
afterAll(() => genauth.close());

describe('the Koa example', () => {
  it.each(['wechat', 'apple', 'yidun'] as const)('signs a %s user in at its own route and answers { user, tokens }', async (connection) => {
    const res = await request(app.callback())
      .post(`/auth/${connection}`)
      .send(emulator.mintCredential(connection, { user: 'alice' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { id: subjectFor(connection, 'alice'), connection, displayName: 'alice' },
      tokens: expect.objectContaining({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer', expiresIn: 1_209_600 }),
    });
  });

  it('signs users in through the single POST /auth/mobile route', async () => {
    const res = await request(app.callback())
      .post('/auth/mobile')
      .send({ connection: 'yidun', ...emulator.mintCredential('yidun', { user: 'bob' }) });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ connection: 'yidun', displayName: 'bob' });
  });

  it('answers 400 naming the missing field and never calls GenAuth', async () => {
    const before = emulator.stats().received;
    const res = await request(app.callback()).post('/auth/yidun').send({ token: 't' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['accessToken'], message: expect.stringContaining('accessToken') });
    expect(emulator.stats().received).toBe(before);
  });

  it('answers 401 with the requestId for a replayed code, and logs it', async () => {
    const credential = emulator.mintCredential('apple', { user: 'carol' });
    await request(app.callback()).post('/auth/apple').send(credential).expect(200);
    const replay = await request(app.callback()).post('/auth/apple').send(credential);
    const requestId = emulator.requests.at(-1)?.requestId;
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId });
    expect(logged).toContain(`POST /auth/apple → 401 GENAUTH_SIGNIN_REJECTED requestId=${requestId}`);
  });

  it("answers 401 GENAUTH_VERIFY_REFUSED for a user on the app's ban list", async () => {
    const res = await request(app.callback())
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'mallory' }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
  });

  it('answers 502 when GenAuth fails, and 504 when it does not answer in time', async () => {
    emulator.injectFaults({ kind: 'malformed-json' });
    const broken = await request(app.callback())
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'dan' }));
    expect(broken.status).toBe(502);
    expect(broken.body).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502 });
    const impatient = new GenAuthClient({
      appHost: emulator.url,
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
      timeoutMs: 150,
    });
    try {
      emulator.injectFaults({ kind: 'hang' });
      const slow = await request(createApp({ client: impatient }).callback())
        .post('/auth/wechat')
        .send(emulator.mintCredential('wechat', { user: 'erin' }));
      expect(slow.status).toBe(504);
      expect(slow.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
    } finally {
      await impatient.close();
    }
  });

  it('answers JSON for a body that is not JSON, an unknown route, and GET /healthz', async () => {
    const bad = await request(app.callback()).post('/auth/wechat').set('content-type', 'application/json').send('{"code": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_JSON', status: 400 });
    const large = await request(app.callback())
      .post('/auth/wechat')
      .send({ code: 'x'.repeat(70_000) });
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    const missing = await request(app.callback()).post('/auth/myspace').send({ code: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await request(app.callback()).get('/healthz')).body).toEqual({ status: 'ok' });
  });

  it('never writes a token or a credential to the log', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'frank' });
    const ok = await request(app.callback()).post('/auth/wechat').send(credential);
    const everything = logged.join('\n');
    expect(everything).toContain(`user=${ok.body.user.id} (wechat)`);
    expect(everything).not.toContain(ok.body.tokens.accessToken);
    expect(everything).not.toContain(credential.code);
  });
});

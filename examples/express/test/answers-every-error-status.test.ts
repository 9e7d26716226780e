import { DEMO_APP } from '@passport-genauth/emulator';
import request from 'supertest';
import { createApp } from '../src/app';
import { demoClient, startGenAuth, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  genauth = await startGenAuth();
  app = createApp({ client: genauth.client, log: (line) => logged.push(line) });
});
afterEach(() => genauth.emulator.clearFaults());
afterAll(() => genauth.close());

describe('400: the request is wrong, GenAuth is never called', () => {
  it('answers 400 naming the field when the credential is missing', async () => {
    const before = genauth.emulator.stats().received;
    const res = await request(app).post('/auth/wechat').send({});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
    expect(genauth.emulator.stats().received).toBe(before);
  });

  it('answers 400 when the request has no body at all', async () => {
    const res = await request(app).post('/auth/yidun');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
  });

  it('answers 400 INVALID_JSON when the body is not JSON', async () => {
    const res = await request(app).post('/auth/wechat').set('content-type', 'application/json').send('{"code": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_JSON', status: 400 });
  });

  it('answers 400 on the single route when the connection is missing or unknown', async () => {
    const missing = await request(app).post('/auth/mobile').send({ code: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['connection'] });
    const unknown = await request(app).post('/auth/mobile').send({ connection: 'myspace', code: 'x' });
    expect(unknown.status).toBe(400);
  });

  it('answers 413 PAYLOAD_TOO_LARGE beyond the 64 kB body limit', async () => {
    const res = await request(app)
      .post('/auth/wechat')
      .send({ code: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('answers a JSON 404 for a provider that does not exist', async () => {
    const res = await request(app).post('/auth/myspace').send({ code: 'x' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe("401: GenAuth rejected the user's login", () => {
  it.each([
    ['an invalid code', 'invalid-code-1', undefined, 602, 'is invalid'],
    ['a locked user', 'locked-code-1', 2005, 403, 'locked'],
    ['a user who must complete MFA', 'mfa-code-1', 1636, 400, 'Multi-factor'],
  ])("answers 401 with GenAuth's message, apiCode, statusCode and requestId for %s", async (_what, code, apiCode, genauthStatusCode, message) => {
    const res = await request(app).post('/auth/wechat').send({ code });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      message: expect.stringContaining(message),
      requestId: genauth.emulator.requests.at(-1)?.requestId,
      genauthStatusCode,
      ...(apiCode === undefined ? {} : { apiCode }),
    });
  });

  it('answers 401 when a one-time code is replayed', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'eve' });
    await request(app).post('/auth/wechat').send(credential).expect(200);
    const replay = await request(app).post('/auth/wechat').send(credential);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId: expect.any(String) });
  });

  it('answers 401 the same way through the single route', async () => {
    const res = await request(app).post('/auth/mobile').send({ connection: 'apple', code: 'locked-code-2' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: expect.any(String) });
  });
});

describe('500: the backend is misconfigured', () => {
  it('answers 500 GENAUTH_CLIENT_AUTH when the app secret is wrong, without revealing any secret', async () => {
    const client = demoClient(genauth.emulator, { appSecret: 'not-the-demo-secret' });
    try {
      const res = await request(createApp({ client }))
        .post('/auth/wechat')
        .send(genauth.emulator.mintCredential('wechat', { user: 'frank' }));
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'GENAUTH_CLIENT_AUTH', status: 500, requestId: expect.any(String) });
      expect(res.text).not.toContain('not-the-demo-secret');
      expect(res.text).not.toContain(DEMO_APP.appSecret);
    } finally {
      await client.close();
    }
  });
});

describe('502/503/504: GenAuth is failing or unreachable', () => {
  const credential = () => genauth.emulator.mintCredential('wechat', { user: 'grace' });

  it.each([
    ['status-502', 502, 'GENAUTH_UPSTREAM'],
    ['malformed-json', 502, 'GENAUTH_INVALID_RESPONSE'],
    ['html', 502, 'GENAUTH_HTTP'],
    ['reset', 502, 'GENAUTH_HTTP'],
    ['status-503', 503, 'GENAUTH_UPSTREAM'],
  ] as const)('answers %s from GenAuth with %i %s', async (kind, status, code) => {
    genauth.emulator.injectFaults({ kind });
    const res = await request(app).post('/auth/wechat').send(credential());
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code, status, message: expect.any(String) });
  });

  it.each(['latency', 'hang'] as const)('answers 504 GENAUTH_HTTP when GenAuth does not answer in time (%s)', async (kind) => {
    const client = demoClient(genauth.emulator, { timeoutMs: 150 });
    try {
      genauth.emulator.injectFaults({ kind, latencyMs: 2_000 });
      const res = await request(createApp({ client })).post('/auth/wechat').send(credential());
      expect(res.status).toBe(504);
      expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
    } finally {
      await client.close();
    }
  });
});

describe('the log', () => {
  it('gets one line per failure with its status, code and requestId, and never a token', async () => {
    const credential = genauth.emulator.mintCredential('apple', { user: 'heidi' });
    const ok = await request(app).post('/auth/apple').send(credential);
    await request(app).post('/auth/apple').send(credential);
    expect(logged).toContainEqual(expect.stringMatching(/^POST \/auth\/apple → 401 GENAUTH_SIGNIN_REJECTED requestId=\w+/));
    expect(logged).toContainEqual(expect.stringMatching(/^POST \/auth\/apple → 200 user=\w+ \(apple\)$/));
    const everything = logged.join('\n');
    expect(everything).not.toContain(ok.body.tokens.accessToken);
    expect(everything).not.toContain(credential.code);
  });
});

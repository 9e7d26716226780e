import type { Application } from '@midwayjs/koa';
import { createHttpRequest } from '@midwayjs/mock';
import { startEmulator, subjectFor, type Emulator } from '@passport-genauth/emulator';
import { UserService } from '../src/user/user.service';
import { demoClientOptions, startMidwayApp, stopMidwayApp } from './support/midway-app';

let emulator: Emulator;
let app: Application;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  app = await startMidwayApp(demoClientOptions(emulator));
});
afterEach(() => {
  emulator.clearFaults();
  jest.restoreAllMocks();
});
afterAll(async () => {
  await stopMidwayApp(app);
  await emulator.close();
});

const post = (path: string, body: object) => createHttpRequest(app).post(path).send(body);

describe('the Midway example (login() middleware)', () => {
  it('signs a WeChat user in and answers { user, tokens } with 200 after one exchange', async () => {
    const before = emulator.stats();
    const res = await post('/auth/wechat', emulator.mintCredential('wechat', { user: 'alice', name: 'Alice' }));
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: subjectFor('wechat', 'alice'), connection: 'wechat', displayName: 'Alice' });
    expect(res.body.tokens).toMatchObject({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer', expiresIn: expect.any(Number) });
    expect(emulator.stats()).toMatchObject({ received: before.received + 1, accepted: before.accepted + 1 });
    // A mobile API: no session cookie, although @midwayjs/koa installs its session middleware.
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it("signs an Apple user in with that strategy's own scope", async () => {
    const res = await post('/auth/apple', emulator.mintCredential('apple', { user: 'bob', email: 'bob@example.com' }));
    expect(res.status).toBe(200);
    expect(res.body.user.connection).toBe('apple');
    expect(emulator.requests.at(-1)?.body).toMatchObject({ connection: 'apple', options: { scope: 'openid profile email' } });
  });

  it('signs in on the single /auth/mobile route with the connection named in the body', async () => {
    const res = await post('/auth/mobile', { connection: 'apple', ...emulator.mintCredential('apple', { user: 'carla' }) });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: subjectFor('apple', 'carla'), connection: 'apple' });
  });

  it('answers 400 naming the missing field, without calling GenAuth', async () => {
    const before = emulator.stats().received;
    const res = await post('/auth/wechat', {});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
    expect(emulator.stats().received).toBe(before);
  });

  it('answers 400 naming `connection` on the single route, without calling GenAuth', async () => {
    const before = emulator.stats().received;
    const res = await post('/auth/mobile', { code: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['connection'] });
    expect(emulator.stats().received).toBe(before);
  });

  it('answers 401 with the requestId when a one-time code is replayed', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'dave' });
    expect((await post('/auth/wechat', credential)).status).toBe(200);
    const replay = await post('/auth/wechat', credential);
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      genauthStatusCode: 602,
      message: expect.stringContaining('already been used'),
      requestId: emulator.requests.at(-1)?.requestId,
    });
  });

  it("answers 401 with GenAuth's apiCode and requestId for a locked user", async () => {
    const res = await post('/auth/wechat', { code: 'locked-user-code' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      message: 'User is locked',
      apiCode: 2005,
      genauthStatusCode: 403,
      requestId: emulator.requests.at(-1)?.requestId,
    });
  });

  it("answers 401 GENAUTH_VERIFY_REFUSED with the verify's message when the app refuses the user", async () => {
    const users = await app.getApplicationContext().getAsync(UserService);
    users.suspend(subjectFor('wechat', 'mallory'));
    const res = await post('/auth/wechat', emulator.mintCredential('wechat', { user: 'mallory' }));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'GENAUTH_VERIFY_REFUSED', status: 401, message: 'This account is suspended' });
    expect(emulator.requests.at(-1)?.outcome).toBe('accepted');
  });

  it.each([
    ['reset', 502, 'GENAUTH_HTTP'],
    ['status-502', 502, 'GENAUTH_UPSTREAM'],
    ['status-503', 503, 'GENAUTH_UPSTREAM'],
    ['html', 502, 'GENAUTH_HTTP'],
    ['malformed-json', 502, 'GENAUTH_INVALID_RESPONSE'],
  ] as const)('answers GenAuth fault %s with a %i %s JSON', async (kind, status, code) => {
    emulator.injectFaults({ kind });
    const res = await post('/auth/wechat', emulator.mintCredential('wechat', { user: 'erin' }));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ code, status, message: expect.any(String) });
  });

  it('answers 500 INTERNAL_ERROR through the error filter when the verify itself throws', async () => {
    const users = await app.getApplicationContext().getAsync(UserService);
    jest.spyOn(users, 'signIn').mockImplementation(() => {
      throw new Error('user table unavailable');
    });
    const res = await post('/auth/wechat', emulator.mintCredential('wechat', { user: 'frank' }));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL_ERROR', status: 500, message: 'Internal Server Error' });
  });

  it('answers 413 PAYLOAD_TOO_LARGE as JSON beyond the 64 kB body limit, without calling GenAuth', async () => {
    const before = emulator.stats().received;
    const res = await post('/auth/wechat', { code: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(emulator.stats().received).toBe(before);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await createHttpRequest(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

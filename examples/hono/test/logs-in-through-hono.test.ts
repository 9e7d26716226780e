import { subjectFor } from '@passport-genauth/emulator';
import { createApp } from '../src/app';
import { genauth } from '../src/genauth-middleware';
import { createStrategies } from '../src/strategies';
import { UserDirectory } from '../src/users';
import { closedPortUrl, demoClient, json, startGenAuth, type TestGenAuth } from './support/genauth';

let testbed: TestGenAuth;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  testbed = await startGenAuth();
  app = createApp({ client: testbed.client, banned: [subjectFor('wechat', 'mallory')], log: (line) => logged.push(line) });
});
beforeEach(() => {
  testbed.emulator.reset();
  logged.length = 0;
});
afterAll(() => testbed.close());

async function post(path: string, init: RequestInit, on = app): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await on.request(path, init);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

describe('a Hono app signing in through @passport-genauth/web', () => {
  it('answers { user, tokens } for a WeChat code, after one exchange with GenAuth', async () => {
    const credential = testbed.emulator.mintCredential('wechat', { user: 'alice', name: 'Alice' });
    const res = await post('/auth/wechat', json(credential));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { id: subjectFor('wechat', 'alice'), connection: 'wechat', displayName: 'Alice' },
      tokens: expect.objectContaining({ accessToken: expect.any(String), idToken: expect.any(String), refreshToken: expect.any(String) }),
    });
    expect(testbed.emulator.stats()).toMatchObject({ received: 1, accepted: 1 });
    expect(testbed.emulator.requests[0]?.body).toMatchObject({ connection: 'wechat', wechatPayload: { code: credential.code } });
    expect(logged).toEqual([`POST /auth/wechat → 200 user=${subjectFor('wechat', 'alice')} (wechat)`]);
  });

  it('reads a URL-encoded form body', async () => {
    const credential = testbed.emulator.mintCredential('apple', { user: 'bob' });
    const res = await post('/auth/apple', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: credential.code }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: subjectFor('apple', 'bob'), connection: 'apple' } });
  });

  it('serves every connection on /auth/mobile', async () => {
    const credential = testbed.emulator.mintCredential('yidun', { user: 'carol' });
    const res = await post('/auth/mobile', json({ connection: 'yidun', ...credential }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: subjectFor('yidun', 'carol'), connection: 'yidun' } });
  });

  it('answers 400 naming the missing field and never calls GenAuth', async () => {
    const res = await post('/auth/wechat', json({}));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
    expect(testbed.emulator.stats().received).toBe(0);
    expect(logged).toEqual(['POST /auth/wechat → 400 GENAUTH_INVALID_CREDENTIALS']);
  });

  it('answers 400 on /auth/mobile without a connection', async () => {
    const res = await post('/auth/mobile', json({ code: 'x' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['connection'] });
    expect(testbed.emulator.stats().received).toBe(0);
  });

  it('answers 400 for malformed JSON and never calls GenAuth', async () => {
    const res = await post('/auth/wechat', json('{"code": '));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, message: 'Invalid request body: not valid JSON' });
    expect(testbed.emulator.stats().received).toBe(0);
  });

  it('answers 413 PAYLOAD_TOO_LARGE beyond the 64 kB body cap and never calls GenAuth', async () => {
    const res = await post('/auth/wechat', json({ code: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(testbed.emulator.stats().received).toBe(0);
  });

  it("answers 401 with GenAuth's requestId when a one-time code is replayed, and logs it through getAuthFailure", async () => {
    const credential = testbed.emulator.mintCredential('wechat', { user: 'dave' });
    expect((await post('/auth/wechat', json(credential))).status).toBe(200);
    const res = await post('/auth/wechat', json(credential));
    const requestId = testbed.emulator.requests.at(-1)?.requestId;

    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', status: 401, genauthStatusCode: 602, requestId });
    expect(logged.at(-1)).toBe(`POST /auth/wechat → 401 GENAUTH_SIGNIN_REJECTED requestId=${requestId}`);
  });

  it("answers 401 with GenAuth's apiCode for a locked user", async () => {
    const res = await post('/auth/apple', json({ code: 'locked-code-1' }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: expect.any(String) });
  });

  it('answers 401 GENAUTH_VERIFY_REFUSED for a user the app has banned', async () => {
    const res = await post('/auth/wechat', json(testbed.emulator.mintCredential('wechat', { user: 'mallory' })));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
    expect(testbed.emulator.stats()).toMatchObject({ received: 1, accepted: 1 });
  });
});

describe('GenAuth failing or unreachable', () => {
  it('answers 502 GENAUTH_UPSTREAM with a generic message and logs the real one', async () => {
    testbed.emulator.injectFaults({ kind: 'status-502' });
    const res = await post('/auth/wechat', json(testbed.emulator.mintCredential('wechat', { user: 'erin' })));
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'GENAUTH_UPSTREAM', status: 502, message: expect.any(String) });
    expect(logged).toEqual([
      expect.stringMatching(new RegExp(`^POST /auth/wechat → 502 GENAUTH_UPSTREAM requestId=${String(res.body.requestId)}: .*Bad gateway`)),
    ]);
    expect(res.text).not.toContain('Bad gateway');
  });

  it('answers 502 GENAUTH_HTTP when nothing listens at the GenAuth address', async () => {
    const client = demoClient(await closedPortUrl());
    try {
      const res = await post('/auth/wechat', json({ code: 'any' }), createApp({ client }));
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 502 });
      expect(res.text).not.toContain('ECONNREFUSED');
    } finally {
      await client.close();
    }
  });

  it('answers 504 GENAUTH_HTTP when GenAuth does not answer in time', async () => {
    const client = demoClient(testbed.emulator.url, { timeoutMs: 150 });
    try {
      testbed.emulator.injectFaults({ kind: 'hang' });
      const res = await post('/auth/wechat', json(testbed.emulator.mintCredential('wechat', { user: 'frank' })), createApp({ client }));
      expect(res.status).toBe(504);
      expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
    } finally {
      await client.close();
    }
  });
});

describe("the app's own code", () => {
  it("answers 500 JSON through Hono's onError when the route after a login throws, and keeps serving", async () => {
    // Routes are added before the app's first request: Hono builds its router then.
    const buggy = createApp({ client: testbed.client, log: (line) => logged.push(line) });
    const { wechat } = createStrategies(testbed.client, new UserDirectory());
    buggy.post('/auth/buggy', genauth(wechat), () => {
      throw new Error('bug in the app');
    });
    const res = await post('/auth/buggy', json(testbed.emulator.mintCredential('wechat', { user: 'grace' })), buggy);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 });
    expect(logged).toEqual([expect.stringContaining('POST /auth/buggy → 500 INTERNAL_ERROR Error: bug in the app')]);
    expect((await post('/auth/wechat', json(testbed.emulator.mintCredential('wechat', { user: 'heidi' })), buggy)).status).toBe(200);
  });

  it('answers JSON for a route that does not exist', async () => {
    const res = await post('/auth/myspace', json({ code: 'x' }));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

import { createServer } from 'node:net';
import { DEMO_APP, startEmulator, subjectFor, type Emulator } from '@passport-genauth/emulator';
import { POST as providerPOST } from '../src/app/api/auth/[provider]/route';
import * as providerRoute from '../src/app/api/auth/[provider]/route';
import { POST as mobilePOST } from '../src/app/api/auth/mobile/route';
import { closeGenAuth } from '../src/lib/genauth';
import { banUser } from '../src/lib/users';

let emulator: Emulator;
const saved = { ...process.env };

/** Points the app at `appHost` (the emulator's demo app), as the deployment's variables would. */
function configure(appHost: string, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    GENAUTH_APP_HOST: appHost,
    GENAUTH_APP_ID: DEMO_APP.appId,
    GENAUTH_APP_SECRET: DEMO_APP.appSecret,
    GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD: DEMO_APP.tokenEndpointAuthMethod,
    ...extra,
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  configure(emulator.url);
  banUser(subjectFor('wechat', 'mallory'));
});
beforeEach(() => emulator.reset());
afterEach(() => jest.restoreAllMocks());
afterAll(async () => {
  await closeGenAuth();
  await emulator.close();
  process.env = saved;
});

function request(path: string, body: string, contentType = 'application/json'): Request {
  return new Request(`http://localhost:3000${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** Calls the `[provider]` route handler as Next.js does: the request, and the params as a promise. */
async function postProvider(provider: string, body: unknown): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await providerPOST(request(`/api/auth/${provider}`, raw), { params: Promise.resolve({ provider }) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

describe('the route modules', () => {
  it('run on the Node.js runtime and are never prerendered', () => {
    expect(providerRoute.runtime).toBe('nodejs');
    expect(providerRoute.dynamic).toBe('force-dynamic');
  });
});

describe('POST /api/auth/[provider]', () => {
  it('answers { user, tokens } for a WeChat code, after one exchange with GenAuth', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'alice', name: 'Alice' });
    const res = await postProvider('wechat', credential);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { id: subjectFor('wechat', 'alice'), connection: 'wechat', displayName: 'Alice' },
      tokens: expect.objectContaining({ accessToken: expect.any(String), idToken: expect.any(String), refreshToken: expect.any(String) }),
    });
    expect(emulator.stats()).toMatchObject({ received: 1, accepted: 1 });
    expect(emulator.requests[0]?.body).toMatchObject({ connection: 'wechat', wechatPayload: { code: credential.code } });
  });

  it('reads a URL-encoded form body', async () => {
    const credential = emulator.mintCredential('apple', { user: 'bob' });
    const response = await providerPOST(request('/api/auth/apple', `code=${credential.code}`, 'application/x-www-form-urlencoded'), {
      params: Promise.resolve({ provider: 'apple' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { id: subjectFor('apple', 'bob') } });
  });

  it('answers 400 naming the missing field and never calls GenAuth', async () => {
    const res = await postProvider('wechat', { token: 'not-a-code' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
    expect(emulator.stats().received).toBe(0);
  });

  it('answers 400 for malformed JSON and never calls GenAuth', async () => {
    const res = await postProvider('wechat', '{"code": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, message: 'Invalid request body: not valid JSON' });
    expect(emulator.stats().received).toBe(0);
  });

  it('answers 413 PAYLOAD_TOO_LARGE beyond the 64 kB body cap', async () => {
    const res = await postProvider('wechat', { code: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(emulator.stats().received).toBe(0);
  });

  it("answers 401 with GenAuth's requestId when a one-time code is replayed", async () => {
    const credential = emulator.mintCredential('wechat', { user: 'carol' });
    expect((await postProvider('wechat', credential)).status).toBe(200);
    const res = await postProvider('wechat', credential);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', genauthStatusCode: 602, requestId: emulator.requests.at(-1)?.requestId });
  });

  it("answers 401 with GenAuth's apiCode for a locked user", async () => {
    const res = await postProvider('apple', { code: 'locked-code-1' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: expect.any(String) });
  });

  it('answers 401 GENAUTH_VERIFY_REFUSED for a user the app has banned', async () => {
    const res = await postProvider('wechat', emulator.mintCredential('wechat', { user: 'mallory' }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
    expect(emulator.stats()).toMatchObject({ received: 1, accepted: 1 });
  });

  it('answers 502 with a generic message when GenAuth fails, and logs the real one on the server', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
    emulator.injectFaults({ kind: 'status-502' });
    const res = await postProvider('wechat', emulator.mintCredential('wechat', { user: 'dave' }));

    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'GENAUTH_UPSTREAM', status: 502, requestId: expect.any(String) });
    expect(logged).toHaveBeenCalledWith('POST /api/auth/wechat → 502', expect.stringMatching(/^GENAUTH_UPSTREAM requestId=\w+: .*Bad gateway/));
    expect(res.text).not.toContain('Bad gateway');
  });

  it('answers a JSON 404 for a provider it does not serve', async () => {
    const res = await postProvider('myspace', { code: 'x' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('POST /api/auth/mobile', () => {
  it('signs in with the connection named in the body', async () => {
    const credential = emulator.mintCredential('yidun', { user: 'erin' });
    const response = await mobilePOST(request('/api/auth/mobile', JSON.stringify({ connection: 'yidun', ...credential })));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { id: subjectFor('yidun', 'erin'), connection: 'yidun' } });
  });

  it('answers 400 naming connection when it is missing', async () => {
    const response = await mobilePOST(request('/api/auth/mobile', JSON.stringify({ code: 'x' })));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['connection'] });
    expect(emulator.stats().received).toBe(0);
  });
});

describe('GenAuth unreachable', () => {
  afterEach(async () => {
    await closeGenAuth();
    configure(emulator.url);
    delete process.env.GENAUTH_TIMEOUT_MS;
  });

  it('answers 502 GENAUTH_HTTP when nothing listens at GENAUTH_APP_HOST', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeGenAuth();
    configure(`http://127.0.0.1:${port}`);

    const res = await postProvider('wechat', { code: 'any' });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 502 });
    expect(res.text).not.toContain('ECONNREFUSED');
  });

  it('answers 504 GENAUTH_HTTP when GenAuth does not answer within GENAUTH_TIMEOUT_MS', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    await closeGenAuth();
    configure(emulator.url, { GENAUTH_TIMEOUT_MS: '150' });
    emulator.injectFaults({ kind: 'hang' });

    const res = await postProvider('wechat', emulator.mintCredential('wechat', { user: 'frank' }));
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
  });
});

import { createServer, type Server } from 'node:http';
import { request } from 'undici';
import { DEMO_APP, MAGIC_PREFIXES } from '../src/index';
import { openEvents, PAGE_JSON, type EventReader } from './support/dashboard-client';
import { signinBody, startHarness, type Harness } from './support/harness';
import { BASIC_APP, callAs, claimsOf, login, METHOD_APPS } from './support/lifecycle';

let h: Harness;
let events: EventReader;
let snapshot: { backendUrl: string };
let backend: Server;
let backendUrl: string;
const received: unknown[] = [];

beforeAll(async () => {
  // A stand-in mobile backend: answers 201 with what it received.
  backend = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push(JSON.parse(text));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ got: JSON.parse(text), path: req.url }));
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const address = backend.address();
  backendUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/auth/mobile`;
  h = await startHarness({ dashboard: { backendUrl }, apps: [{ ...DEMO_APP }, ...METHOD_APPS] });
});
beforeEach(async () => {
  events = await openEvents(h.url);
  snapshot = await events.next('snapshot');
});
afterEach(async () => {
  await events.close();
  h.emulator.clearFaults();
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => backend.close(() => resolve()));
});

const api = (method: 'POST' | 'DELETE', path: string, body: unknown = {}) =>
  method === 'POST'
    ? h.post(`/__emulator/dashboard/${path}`, body, PAGE_JSON)
    : request(`${h.url}/__emulator/dashboard/${path}`, { method, headers: PAGE_JSON, body: '{}' }).then(async (answer) => ({
        status: answer.statusCode,
        json: (await answer.body.json()) as any,
      }));

describe('the provider simulator', () => {
  it('mints a credential the emulator then accepts once', async () => {
    const minted = (await api('POST', 'credentials', { connection: 'yidun', user: 'bob', name: '', email: '', phone: '+8613900139000' })).json;
    expect(minted).toEqual({
      connection: 'yidun',
      payloadKey: 'yidunPayload',
      fields: { token: expect.stringMatching(/^em_/), accessToken: expect.stringMatching(/^em_/) },
    });
    const answer = await h.signin(signinBody('yidun', 'yidunPayload', minted.fields, { options: { scope: 'openid phone' } }));
    expect(answer.json.statusCode).toBe(200);
    expect(claimsOf(answer.json.data.id_token)).toMatchObject({ phone_number: '+8613900139000', phone_number_verified: true });
    expect((await h.signin(signinBody('yidun', 'yidunPayload', minted.fields))).json.statusCode).toBe(602);
  });

  it.each(MAGIC_PREFIXES.map((magic) => [magic.prefix, magic.statusCode, 'apiCode' in magic ? magic.apiCode : undefined] as const))(
    'mints the magic value %s, which GenAuth refuses with %i',
    async (prefix, statusCode, apiCode) => {
      const minted = (await api('POST', 'credentials', { connection: 'wechat_mini_program_code_and_phone', user: 'carol', magic: prefix })).json;
      expect(minted.magic).toBe(prefix);
      expect(minted.fields.wxLoginInfo.code).toMatch(new RegExp(`^${prefix}-[0-9a-f]{8}$`));
      expect(minted.fields.wxPhoneInfo.code).toMatch(/^em_/);
      const answer = await h.signin(signinBody('wechat_mini_program_code_and_phone', minted.payloadKey, minted.fields));
      expect({ statusCode: answer.json.statusCode, apiCode: answer.json.apiCode }).toEqual({ statusCode, apiCode });
    },
  );

  it('names a bad input', async () => {
    expect((await api('POST', 'credentials', { connection: 'wechat', user: 'x', magic: 'nope' })).json.error).toMatch(/^magic must be one of invalid, expired/);
    expect((await api('POST', 'credentials', { connection: 'wechat', user: '' })).json).toEqual({ error: 'identity.user must be a non-empty string' });
    expect((await api('POST', 'credentials', { connection: 'myspace', user: 'x' })).status).toBe(400);
  });

  it('sends a login to the backend it was started with, and to nothing but loopback or that backend', async () => {
    expect(snapshot.backendUrl).toBe(backendUrl);
    const sent = (await api('POST', 'send', { url: backendUrl, body: { connection: 'wechat', code: 'em_x' } })).json;
    expect(sent).toEqual({
      ok: true,
      status: 201,
      contentType: 'application/json',
      body: { got: { connection: 'wechat', code: 'em_x' }, path: '/auth/mobile' },
      ms: expect.any(Number),
    });
    expect(received.at(-1)).toEqual({ connection: 'wechat', code: 'em_x' });
    for (const url of ['http://example.com/auth/mobile', 'file:///etc/passwd', 'http://user:pw@127.0.0.1:1/', 'not a url']) {
      expect({ url, status: (await api('POST', 'send', { url, body: {} })).status }).toEqual({ url, status: 400 });
    }
    const down = (await api('POST', 'send', { url: 'http://127.0.0.1:1/auth/mobile', body: {} })).json;
    expect(down).toEqual({ ok: false, error: 'The backend could not be reached (http://127.0.0.1:1)' });
  });
});

describe('faults, keys and users from the page', () => {
  it('arms a fault for the next N requests, shows what is armed, and the next sign-in fails', async () => {
    expect((await api('POST', 'faults', { kind: 'status-503', count: 2 })).json).toEqual({ armed: [{ kind: 'status-503', remaining: 2, latencyMs: 1000 }] });
    expect(await events.next('faults')).toEqual({ armed: [{ kind: 'status-503', remaining: 2, latencyMs: 1000 }] });
    const credential = h.emulator.mintCredential('wechat', { user: 'dora' });
    expect((await h.signin(signinBody('wechat', 'wechatPayload', credential))).status).toBe(503);
    const { exchange, armed } = await events.next('exchange');
    expect(exchange).toMatchObject({ outcome: 'faulted', fault: 'status-503', httpStatus: 503 });
    expect(armed).toEqual([{ kind: 'status-503', remaining: 1, latencyMs: 1000 }]);
    expect((await api('DELETE', 'faults')).json).toEqual({ armed: [] });
    expect((await h.signin(signinBody('wechat', 'wechatPayload', credential))).json.statusCode).toBe(200);
    expect((await api('POST', 'faults', { kind: 'meltdown' })).json.error).toMatch(/^fault.kind must be one of latency/);
  });

  it('rotates the keys: the new key signs from then on', async () => {
    const before = h.emulator.currentKid;
    const { kid } = (await api('POST', 'keys/rotate')).json;
    expect(kid).toBe(h.emulator.currentKid);
    expect(kid).not.toBe(before);
    expect(await events.next('keys')).toEqual({
      keys: [
        { kid, status: 'current' },
        { kid: before, status: 'previous' },
      ],
    });
    const answer = await h.signin(signinBody('wechat', 'wechatPayload', h.emulator.mintCredential('wechat', { user: 'eve' })));
    expect(JSON.parse(Buffer.from(answer.json.data.id_token.split('.')[0], 'base64url').toString()).kid).toBe(kid);
  });

  it('revokes every token of a user: introspection then says inactive', async () => {
    const first = await login(h, BASIC_APP, 'frank');
    const second = await login(h, BASIC_APP, 'frank');
    const sub = claimsOf(first.access_token)['sub'] as string;
    await events.next('exchange');
    expect((await events.next('exchange')).user).toMatchObject({ sub, providerUser: 'frank', logins: 2, liveTokens: 4 });
    const introspect = async (token: string) => (await callAs(h, BASIC_APP, '/oidc/token/introspection', { token })).json.active;
    expect(await introspect(second.access_token)).toBe(true);
    expect((await api('POST', `users/${sub}/revoke`)).json).toEqual({ sub, grants: 2, accessTokens: 2, refreshTokens: 2 });
    const users = (await events.next('users')).users as { sub: string; liveTokens: number }[];
    expect(users.find((user) => user.sub === sub)?.liveTokens).toBe(0);
    expect(await introspect(first.access_token)).toBe(false);
    expect(await introspect(second.access_token)).toBe(false);
    expect(await introspect(second.refresh_token ?? '')).toBe(false);
    expect((await api('POST', 'users/nobody/revoke')).status).toBe(404);
  });

  it('tells the page about changes made from code: rotateKeys(), injectFaults(), reset()', async () => {
    await h.emulator.rotateKeys();
    expect((await events.next('keys')).keys[0]).toEqual({ kid: h.emulator.currentKid, status: 'current' });
    h.emulator.injectFaults({ kind: 'hang', count: 3 });
    expect(await events.next('faults')).toEqual({ armed: [{ kind: 'hang', remaining: 3, latencyMs: 1000 }] });
    h.emulator.reset();
    expect(await events.next('totals')).toEqual({ totals: { received: 0, accepted: 0, rejected: 0, faulted: 0 } });
  });
});

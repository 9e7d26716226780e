import { GenAuthMobileStrategy, type GenAuthProfile, type TokenSet } from '@passport-genauth/core';
import { subjectFor } from '@passport-genauth/emulator';
import { WechatStrategy } from '@passport-genauth/wechat';
import { YidunStrategy } from '@passport-genauth/yidun';
import { authenticate, toResponse, type WebGenAuthRequest } from '../src';
import { postJson, startGenAuth, verify, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let wechat: WechatStrategy;

beforeAll(async () => {
  genauth = await startGenAuth();
  wechat = new WechatStrategy({ client: genauth.client, extIdpConnidentifier: 'wechat' }, verify);
});
beforeEach(() => genauth.emulator.reset());
afterAll(() => genauth.close());

describe('a login from a Web Request', () => {
  it('signs in from a JSON body and answers { user, tokens } with 200, uncacheable', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'alice', name: 'Alice' });
    const outcome = await authenticate(wechat, postJson(credential));
    const response = await toResponse(outcome);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { user: unknown; tokens: Record<string, unknown> };
    expect(body.user).toEqual({ id: subjectFor('wechat', 'alice'), name: 'Alice' });
    expect(body.tokens).toMatchObject({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer' });
    expect(genauth.emulator.stats()).toMatchObject({ received: 1, accepted: 1 });
    expect(genauth.emulator.requests[0]?.body).toMatchObject({ connection: 'wechat', wechatPayload: { code: credential.code } });
  });

  it('signs in from a URL-encoded form body', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'bob' });
    const request = new Request('http://backend.test/auth/wechat', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({ code: credential.code }).toString(),
    });
    const outcome = await authenticate(wechat, request);

    expect(outcome).toMatchObject({ type: 'success', status: 200, user: { id: subjectFor('wechat', 'bob') } });
    expect(genauth.emulator.requests[0]?.body).toMatchObject({ wechatPayload: { code: credential.code } });
  });

  it('hands the strategy lower-cased headers, the query string and the original Request', async () => {
    let seen: WebGenAuthRequest | undefined;
    const strategy = new WechatStrategy(
      { client: genauth.client, extIdpConnidentifier: 'wechat', passReqToCallback: true },
      (req: WebGenAuthRequest, tokens: TokenSet, profile: GenAuthProfile) => {
        seen = req;
        return verify(tokens, profile);
      },
    );
    const request = postJson(genauth.emulator.mintCredential('wechat', { user: 'carol' }), {
      url: 'http://backend.test/auth/wechat?tenant=acme&tag=a&tag=b',
      headers: { 'X-Trace-Id': 'trace-1' },
    });
    const outcome = await authenticate(strategy, request);

    expect(outcome.type).toBe('success');
    expect(seen?.headers['x-trace-id']).toBe('trace-1');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.query).toEqual({ tenant: 'acme', tag: ['a', 'b'] });
    expect(seen?.raw).toBe(request);
  });

  it('reads the credential from the query string only when the strategy opts in', async () => {
    const optedIn = new WechatStrategy({ client: genauth.client, extIdpConnidentifier: 'wechat', credentialSources: { query: true } }, verify);
    const code = genauth.emulator.mintCredential('wechat', { user: 'dave' }).code;
    const url = `http://backend.test/auth/wechat?code=${code}`;

    const bodyOnly = await authenticate(wechat, new Request(url, { method: 'POST' }));
    expect(bodyOnly).toMatchObject({ type: 'fail', body: { status: 400, fields: ['code'] } });
    expect(genauth.emulator.stats().received).toBe(0);

    const fromQuery = await authenticate(optedIn, new Request(url, { method: 'POST' }));
    expect(fromQuery).toMatchObject({ type: 'success', user: { id: subjectFor('wechat', 'dave') } });
  });

  it('sends the per-route sign-in options to GenAuth', async () => {
    const request = postJson(genauth.emulator.mintCredential('wechat', { user: 'gina' }));
    const outcome = await authenticate(wechat, request, { scope: 'openid profile offline_access', maxBodyBytes: 4096 });

    expect(outcome).toMatchObject({ type: 'success', info: { refreshToken: expect.any(String) } });
    expect(genauth.emulator.requests[0]?.body).toMatchObject({ options: { scope: 'openid profile offline_access' } });
  });

  it("answers a success through the app's own responder when one is given", async () => {
    const outcome = await authenticate(wechat, postJson(genauth.emulator.mintCredential('wechat', { user: 'erin' })));
    const response = await toResponse(outcome, async ({ user, info }) =>
      Response.json({ welcome: (user as { name: string }).name, expiresAt: info.expiresAt }, { status: 201 }),
    );

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ welcome: expect.any(String), expiresAt: expect.any(Number) });
  });

  it('serves every connection on one route through GenAuthMobileStrategy', async () => {
    const yidun = new YidunStrategy({ client: genauth.client, extIdpConnidentifier: 'yidun' }, verify);
    const mobile = new GenAuthMobileStrategy({ strategies: [wechat, yidun] });
    const credential = genauth.emulator.mintCredential('yidun', { user: 'frank' });

    const ok = await authenticate(mobile, postJson({ connection: 'yidun', ...credential }));
    expect(ok).toMatchObject({ type: 'success', user: { id: subjectFor('yidun', 'frank') } });

    const missing = await toResponse(await authenticate(mobile, postJson({ code: 'x' })));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['connection'] });
    expect(genauth.emulator.stats()).toMatchObject({ received: 1, accepted: 1 });
  });
});

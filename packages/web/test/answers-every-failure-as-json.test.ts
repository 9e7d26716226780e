import { getAuthFailure, type GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP } from '@passport-genauth/emulator';
import { WechatStrategy } from '@passport-genauth/wechat';
import { authenticate, toResponse } from '../src';
import { closedPortUrl, demoClient, postJson, REFUSED_USER, startGenAuth, verify, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let wechat: WechatStrategy;

beforeAll(async () => {
  genauth = await startGenAuth();
  wechat = new WechatStrategy({ client: genauth.client, extIdpConnidentifier: 'wechat' }, verify);
});
beforeEach(() => genauth.emulator.reset());
afterAll(() => genauth.close());

/** Runs one login and answers it, as a route handler would. */
async function login(request: Request, strategy = wechat): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await toResponse(await authenticate(strategy, request));
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

/** A WeChat strategy signing in through `client`, which the test closes afterwards. */
async function withClient(client: GenAuthClient, run: (strategy: WechatStrategy) => Promise<void>): Promise<void> {
  try {
    await run(new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, verify));
  } finally {
    await client.close();
  }
}

describe('400: the request is wrong, GenAuth is never called', () => {
  it('answers 400 naming the missing field and records the failure for getAuthFailure(request)', async () => {
    const request = postJson({ cod: 'typo' });
    const res = await login(request);

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
    expect(getAuthFailure(request)).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'] });
    expect(genauth.emulator.stats().received).toBe(0);
  });
});

describe("401: GenAuth or the app's verify refused the login", () => {
  it('answers 401 with GenAuth requestId and statusCode when a one-time code is replayed', async () => {
    const credential = genauth.emulator.mintCredential('wechat', { user: 'grace' });
    expect((await login(postJson(credential))).status).toBe(200);
    const replay = postJson(credential);
    const res = await login(replay);

    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      genauthStatusCode: 602,
      requestId: genauth.emulator.requests.at(-1)?.requestId,
    });
    expect(getAuthFailure(replay)).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId: res.body.requestId });
  });

  it("answers 401 with GenAuth's apiCode for a locked user", async () => {
    const res = await login(postJson({ code: 'locked-code-1' }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, requestId: genauth.emulator.requests.at(-1)?.requestId });
  });

  it('answers 401 GENAUTH_VERIFY_REFUSED when the verify refuses the user GenAuth signed in', async () => {
    const request = postJson(genauth.emulator.mintCredential('wechat', { user: REFUSED_USER }));
    const res = await login(request);

    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
    expect(getAuthFailure(request)).toMatchObject({ code: 'GENAUTH_VERIFY_REFUSED' });
    expect(genauth.emulator.stats()).toMatchObject({ received: 1, accepted: 1 });
  });

  it("keeps the verify's own message when it refuses with one", async () => {
    const strategy = new WechatStrategy({ client: genauth.client, extIdpConnidentifier: 'wechat' }, (_tokens, _profile, done) =>
      done(null, false, { message: 'This account is suspended' }),
    );
    const res = await login(postJson(genauth.emulator.mintCredential('wechat', { user: 'heidi' })), strategy);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'This account is suspended', code: 'GENAUTH_VERIFY_REFUSED', status: 401 });
  });
});

describe('500: the backend is wrong, and says nothing of it to the client', () => {
  it('answers 500 GENAUTH_CLIENT_AUTH for a wrong app secret without revealing either secret', async () => {
    await withClient(demoClient(genauth.emulator.url, { appSecret: 'not-the-demo-secret' }), async (strategy) => {
      const res = await login(postJson(genauth.emulator.mintCredential('wechat', { user: 'ivan' })), strategy);
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'GENAUTH_CLIENT_AUTH', status: 500, requestId: expect.any(String) });
      expect(res.text).not.toContain('not-the-demo-secret');
      expect(res.text).not.toContain(DEMO_APP.appSecret);
    });
  });

  it('answers a bare 500 INTERNAL_ERROR when the verify throws, keeping the error on the outcome', async () => {
    const strategy = new WechatStrategy({ client: genauth.client, extIdpConnidentifier: 'wechat' }, () => {
      throw new Error('db password=hunter2 rejected');
    });
    const outcome = await authenticate(strategy, postJson(genauth.emulator.mintCredential('wechat', { user: 'judy' })));
    expect(outcome).toMatchObject({ type: 'error', status: 500, error: { message: 'db password=hunter2 rejected' } });
    const response = await toResponse(outcome);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error', code: 'INTERNAL_ERROR', status: 500 });
  });

  it("lets an exception of the app's success responder reach the framework instead of answering", async () => {
    const outcome = await authenticate(wechat, postJson(genauth.emulator.mintCredential('wechat', { user: 'kim' })));
    await expect(
      toResponse(outcome, () => {
        throw new Error('bug in the app');
      }),
    ).rejects.toThrow('bug in the app');
  });
});

describe('502/504: GenAuth is failing or unreachable', () => {
  it.each([
    ['status-502', 'GENAUTH_UPSTREAM'],
    ['reset', 'GENAUTH_HTTP'],
    ['malformed-json', 'GENAUTH_INVALID_RESPONSE'],
  ] as const)('answers 502 %s → %s with a generic message', async (kind, code) => {
    genauth.emulator.injectFaults({ kind });
    const res = await login(postJson(genauth.emulator.mintCredential('wechat', { user: 'leo' })));
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code, status: 502, message: expect.any(String) });
    expect(genauth.emulator.stats().faulted).toBe(1);
  });

  it('answers 502 GENAUTH_HTTP when nothing listens at GenAuth address', async () => {
    await withClient(demoClient(await closedPortUrl()), async (strategy) => {
      const res = await login(postJson({ code: 'any-code' }), strategy);
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 502 });
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    });
  });

  it('answers 504 GENAUTH_HTTP when GenAuth does not answer in time', async () => {
    await withClient(demoClient(genauth.emulator.url, { timeoutMs: 150 }), async (strategy) => {
      genauth.emulator.injectFaults({ kind: 'hang' });
      const res = await login(postJson(genauth.emulator.mintCredential('wechat', { user: 'mia' })), strategy);
      expect(res.status).toBe(504);
      expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 504 });
    });
  });
});

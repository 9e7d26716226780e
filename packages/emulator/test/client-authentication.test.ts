import { basic, signinBody, startHarness, type Answer, type Harness } from './support/harness';

const TRICKY_SECRET = 'a+b/c=d:e:f==';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    apps: [
      { appId: 'public-app', tokenEndpointAuthMethod: 'none' },
      { appId: 'post-app', appSecret: 'post-secret', tokenEndpointAuthMethod: 'client_secret_post' },
      { appId: 'basic-app', appSecret: TRICKY_SECRET, tokenEndpointAuthMethod: 'client_secret_basic' },
    ],
  });
});
afterAll(() => h.close());

function wechat(extra: Record<string, unknown> = {}) {
  return signinBody('wechat', 'wechatPayload', h.emulator.mintCredential('wechat', { user: 'carol' }), extra);
}

function expectAccepted(answer: Answer): void {
  expect(answer.status).toBe(200);
  expect(answer.json.statusCode).toBe(200);
  expect(typeof answer.json.data.id_token).toBe('string');
}

function expectInvalidClient(answer: Answer, method: string): void {
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual({
    statusCode: 401,
    message: `Invalid client credentials: this application requires ${method}`,
    requestId: answer.headers['x-request-id'],
    data: null,
  });
  expect(answer.text).not.toContain('post-secret');
  expect(answer.text).not.toContain(TRICKY_SECRET);
}

describe('finding the application', () => {
  it('reads x-authing-app-id first, then x-genauth-app-id', async () => {
    expectAccepted(await h.signin(wechat(), { 'x-authing-app-id': 'public-app', 'x-genauth-app-id': 'nope' }));
    expectAccepted(await h.signin(wechat(), { 'x-genauth-app-id': 'public-app' }));
  });

  it('falls back to the body client_id, then to the Basic user name', async () => {
    expectAccepted(await h.signin(wechat({ client_id: 'post-app', client_secret: 'post-secret' }), {}));
    expectAccepted(await h.signin(wechat(), { authorization: basic('basic-app', TRICKY_SECRET) }));
  });

  it('answers 404 / apiCode 2011 for a missing or unknown app', async () => {
    const missing = await h.signin(wechat(), {});
    expect(missing.json).toEqual({
      statusCode: 404,
      apiCode: 2011,
      message: 'Application not found: no app id was sent (x-authing-app-id header)',
      requestId: missing.headers['x-request-id'],
      data: null,
    });
    const unknown = await h.signin(wechat(), { 'x-authing-app-id': 'ghost' });
    expect(unknown.json).toMatchObject({ statusCode: 404, apiCode: 2011, message: 'Application not found: ghost', data: null });
  });
});

describe('none', () => {
  it('checks nothing, and a stray Bearer token is not an error', async () => {
    expectAccepted(await h.signin(wechat(), { 'x-authing-app-id': 'public-app', authorization: 'Bearer some-user-token' }));
  });
});

describe('client_secret_post', () => {
  const headers = { 'x-authing-app-id': 'post-app' };

  it('accepts the right client_id and client_secret in the body, even beside a Bearer header', async () => {
    expectAccepted(await h.signin(wechat({ client_id: 'post-app', client_secret: 'post-secret' }), headers));
    expectAccepted(await h.signin(wechat({ client_id: 'post-app', client_secret: 'post-secret' }), { ...headers, authorization: 'Bearer x' }));
  });

  it.each([
    ['a wrong secret', { client_id: 'post-app', client_secret: 'post-secreT' }],
    ['a secret of another length', { client_id: 'post-app', client_secret: 'post' }],
    ['no secret', { client_id: 'post-app' }],
    ['no client_id', { client_secret: 'post-secret' }],
    ['a non-string secret', { client_id: 'post-app', client_secret: 42 }],
  ])('rejects %s with 401', async (_name, extra) => {
    expectInvalidClient(await h.signin(wechat(extra), headers), 'client_secret_post');
  });

  it('rejects the secret sent with Basic instead', async () => {
    expectInvalidClient(await h.signin(wechat(), { ...headers, authorization: basic('post-app', 'post-secret') }), 'client_secret_post');
  });
});

describe('client_secret_basic', () => {
  const headers = { 'x-authing-app-id': 'basic-app' };

  it('accepts Basic base64(appId:secret) built from the raw strings, for a secret with + / = :', async () => {
    expectAccepted(await h.signin(wechat(), { ...headers, authorization: basic('basic-app', TRICKY_SECRET) }));
    expectAccepted(await h.signin(wechat(), { ...headers, authorization: basic('basic-app', TRICKY_SECRET).replace('Basic', 'basic') }));
  });

  it.each([
    ['a wrong secret', basic('basic-app', 'a+b/c=d:e:f=')],
    ['a form-url-encoded secret', basic('basic-app', encodeURIComponent(TRICKY_SECRET))],
    ['another app id', basic('post-app', TRICKY_SECRET)],
    ['a Bearer token', 'Bearer abc'],
    ['garbage', 'Basic !!!'],
  ])('rejects %s with 401', async (_name, authorization) => {
    expectInvalidClient(await h.signin(wechat(), { ...headers, authorization }), 'client_secret_basic');
  });

  it('rejects a missing header and body credentials', async () => {
    expectInvalidClient(await h.signin(wechat(), headers), 'client_secret_basic');
    expectInvalidClient(await h.signin(wechat({ client_id: 'basic-app', client_secret: TRICKY_SECRET }), headers), 'client_secret_basic');
  });

  it('consumes no credential when client authentication fails', async () => {
    const body = wechat();
    expectInvalidClient(await h.signin(body, headers), 'client_secret_basic');
    expectAccepted(await h.signin(body, { ...headers, authorization: basic('basic-app', TRICKY_SECRET) }));
  });
});

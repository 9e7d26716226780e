import { startHarness, verifyJwt, type Harness } from './support/harness';
import { appFor, BASIC_APP, callAs, claimsOf, clientAuth, login, METHOD_APPS, NONE_APP, POST_APP, postForm, waitPast, type TestApp } from './support/lifecycle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    apps: [...METHOD_APPS, { appId: 'hs-app', appSecret: 'hs-secret', tokenEndpointAuthMethod: 'client_secret_post', idTokenSigningAlg: 'HS256' }],
  });
});
afterAll(() => h.close());

const TOKEN = '/oidc/token';
const refresh = (app: TestApp, refreshToken: string, extra: Record<string, string> = {}) =>
  callAs(h, app, TOKEN, { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });

describe.each(['client_secret_post', 'client_secret_basic', 'none'] as const)('refresh with %s', (method) => {
  const app = appFor(method);

  it('answers flat JSON in GenAuth key order with a new access token, an id_token and the same refresh token', async () => {
    const tokens = await login(h, app, `r-${method}`, 'openid profile email offline_access');
    const answer = await refresh(app, tokens.refresh_token!);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(answer.json)).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type']);
    expect(answer.json).toMatchObject({
      expires_in: 1_209_600,
      refresh_token: tokens.refresh_token,
      scope: 'openid profile email offline_access',
      token_type: 'Bearer',
    });
    const access = verifyJwt(answer.json.access_token, h.emulator.jwks());
    expect(access.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: h.emulator.currentKid });
    expect(Object.keys(access.claims)).toEqual(['jti', 'sub', 'iat', 'exp', 'scope', 'iss', 'aud']);
    expect(access.claims).toMatchObject({ sub: claimsOf(tokens.access_token)['sub'], aud: app.appId, iss: `${h.url}/oidc` });
    expect(access.claims['jti']).not.toBe(claimsOf(tokens.access_token)['jti']);
    const id = verifyJwt(answer.json.id_token, h.emulator.jwks()).claims;
    expect(id).toMatchObject({
      sub: access.claims['sub'],
      aud: app.appId,
      email: `r-${method}@example.com`,
      auth_time: claimsOf(tokens.id_token)['auth_time'],
    });
  });
});

describe('refresh errors', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  it.each([
    ['post app, wrong secret', POST_APP, { client_id: 'post-app', client_secret: 'po+st/se=cr:eT' }, {}],
    ['post app, the right secret sent as Basic instead', POST_APP, {}, { authorization: `Basic ${b64('post-app:po+st/se=cr:et')}` }],
    ['basic app, wrong secret', BASIC_APP, {}, { authorization: `Basic ${b64('basic-app:ba+sic/se=cr:eT')}` }],
    ['basic app, a form-encoded secret', BASIC_APP, {}, { authorization: `Basic ${b64(`basic-app:${encodeURIComponent('ba+sic/se=cr:et')}`)}` }],
    ['basic app, the right secret in the body instead', BASIC_APP, { client_id: 'basic-app', client_secret: 'ba+sic/se=cr:et' }, {}],
    ['none app, a secret it does not have', NONE_APP, { client_id: 'none-app', client_secret: 'guess' }, {}],
  ])('answers 401 invalid_client for %s, never echoing a secret', async (_name, app, params, headers) => {
    const tokens = await login(h, app, `r-bad-${app.appId}`);
    const answer = await postForm(h, TOKEN, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, ...params }, headers);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    expect(answer.text).not.toMatch(/se=cr|guess/);
    expect((await refresh(app, tokens.refresh_token!)).status).toBe(200);
  });

  it('puts WWW-Authenticate: Basic on a 401 only when Basic was sent', async () => {
    const tokens = await login(h, BASIC_APP, 'r-www');
    const badBasic = await postForm(
      h,
      TOKEN,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! },
      {
        authorization: `Basic ${Buffer.from('basic-app:wrong').toString('base64')}`,
      },
    );
    expect(badBasic.status).toBe(401);
    expect(badBasic.headers['www-authenticate']).toBe(`Basic realm="${h.url}/oidc"`);
    const badPost = await postForm(h, TOKEN, { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'post-app', client_secret: 'wrong' });
    expect(badPost.status).toBe(401);
    expect(badPost.headers['www-authenticate']).toBeUndefined();
    const unknown = await postForm(h, TOKEN, { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'ghost' });
    expect([unknown.status, unknown.json.error]).toEqual([401, 'invalid_client']);
  });

  it.each([
    ['no grant_type', { refresh_token: 'x' }, 'invalid_request'],
    ['no refresh_token', { grant_type: 'refresh_token' }, 'invalid_request'],
    ['an empty refresh_token', { grant_type: 'refresh_token', refresh_token: '' }, 'invalid_request'],
    ['grant_type=password', { grant_type: 'password', refresh_token: 'x' }, 'unsupported_grant_type'],
    ['grant_type=authorization_code', { grant_type: 'authorization_code', code: 'x' }, 'unsupported_grant_type'],
    ['an unknown refresh token', { grant_type: 'refresh_token', refresh_token: 'A'.repeat(43) }, 'invalid_grant'],
    ['an access token as refresh token', { grant_type: 'refresh_token', refresh_token: 'eyJ.eyJ.sig' }, 'invalid_grant'],
  ])('answers 400 for %s', async (_name, params, error) => {
    const answer = await callAs(h, POST_APP, TOKEN, params);
    expect(answer.status).toBe(400);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json).toEqual({ error, error_description: expect.any(String) });
  });

  it('answers 400 invalid_request for a form sent as JSON, without a content type, or with a parameter twice', async () => {
    const tokens = await login(h, POST_APP, 'r-form');
    const body = { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, ...clientAuth(POST_APP).params };
    const asJson = await h.post(TOKEN, body);
    expect([asJson.status, asJson.json.error]).toEqual([400, 'invalid_request']);
    const untyped = await h.postRaw(TOKEN, new URLSearchParams(body).toString(), {});
    expect([untyped.status, untyped.json.error]).toEqual([400, 'invalid_request']);
    const twice = await postForm(h, TOKEN, `${new URLSearchParams(body).toString()}&refresh_token=${tokens.refresh_token!}`);
    expect([twice.status, twice.json.error]).toEqual([400, 'invalid_request']);
    // A charset parameter and the Java SDK's trailing '&' are fine.
    const java = await h.postRaw(TOKEN, `${new URLSearchParams(body).toString()}&`, { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' });
    expect(java.status).toBe(200);
  });

  it("refuses another app's refresh token with invalid_grant and leaves it working for its own app", async () => {
    const tokens = await login(h, BASIC_APP, 'r-other');
    const stolen = await refresh(POST_APP, tokens.refresh_token!);
    expect([stolen.status, stolen.json.error]).toEqual([400, 'invalid_grant']);
    expect((await refresh(BASIC_APP, tokens.refresh_token!)).status).toBe(200);
  });

  it('takes a scope that is a subset (no openid: no id_token) and refuses one that is not with invalid_scope', async () => {
    const tokens = await login(h, NONE_APP, 'r-scope', 'openid profile email offline_access');
    const narrower = await refresh(NONE_APP, tokens.refresh_token!, { scope: 'profile  offline_access' });
    expect(narrower.status).toBe(200);
    expect(narrower.json).not.toHaveProperty('id_token');
    expect(narrower.json.scope).toBe('profile offline_access');
    expect(claimsOf(narrower.json.access_token)['scope']).toBe('profile offline_access');
    const withOpenid = await refresh(NONE_APP, tokens.refresh_token!, { scope: 'openid email' });
    expect(Object.keys(withOpenid.json)).toContain('id_token');
    const wider = await refresh(NONE_APP, tokens.refresh_token!, { scope: 'openid phone' });
    expect([wider.status, wider.json.error]).toEqual([400, 'invalid_scope']);
  });

  it('signs the refreshed id_token the way the app signs it at login (HS256 here)', async () => {
    const hs = { appId: 'hs-app', appSecret: 'hs-secret', tokenEndpointAuthMethod: 'client_secret_post' } as const;
    const tokens = await login(h, hs, 'r-hs');
    const answer = await refresh(hs, tokens.refresh_token!);
    expect(verifyJwt(answer.json.id_token, { keys: [] }, 'hs-secret').header).toEqual({ alg: 'HS256', typ: 'JWT' });
  });
});

describe('the refresh_token field', () => {
  it('is absent from a login without offline_access, so there is nothing to refresh', async () => {
    const tokens = await login(h, POST_APP, 'r-absent', 'openid profile');
    expect(tokens).not.toHaveProperty('refresh_token');
  });

  it('is present in every refresh answer, and 43 base64url characters at login', async () => {
    const tokens = await login(h, POST_APP, 'r-present');
    expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const first = await refresh(POST_APP, tokens.refresh_token!);
    const second = await refresh(POST_APP, first.json.refresh_token);
    expect([first.json.refresh_token, second.json.refresh_token]).toEqual([tokens.refresh_token, tokens.refresh_token]);
  });
});

describe('omitRefreshTokenOnRefresh: true', () => {
  it('leaves refresh_token out of the refresh answer, and the presented one keeps working', async () => {
    const omitting = await startHarness({ apps: METHOD_APPS, omitRefreshTokenOnRefresh: true });
    try {
      const tokens = await login(omitting, NONE_APP, 'r-omit');
      for (let i = 0; i < 2; i += 1) {
        const answer = await callAs(omitting, NONE_APP, TOKEN, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
        expect(answer.status).toBe(200);
        expect(Object.keys(answer.json)).toEqual(['access_token', 'expires_in', 'id_token', 'scope', 'token_type']);
      }
    } finally {
      await omitting.close();
    }
  });

  it('cannot be combined with rotation', async () => {
    await expect(startHarness({ refreshTokenRotation: true, omitRefreshTokenOnRefresh: true })).rejects.toThrow(
      'omitRefreshTokenOnRefresh cannot be combined with refreshTokenRotation',
    );
  });
});

describe('lifetimes', () => {
  it('refuses an expired refresh token with invalid_grant', async () => {
    const short = await startHarness({ apps: METHOD_APPS, tokenLifetimes: { refreshToken: 1 } });
    try {
      const tokens = await login(short, POST_APP, 'r-expired');
      await waitPast((claimsOf(tokens.access_token)['iat'] as number) + 1);
      const answer = await callAs(short, POST_APP, TOKEN, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
      expect([answer.status, answer.json.error]).toEqual([400, 'invalid_grant']);
    } finally {
      await short.close();
    }
  });
});

import { startHarness, verifyJwt, type Harness } from './support/harness';
import { appFor, BASIC_APP, callAs, login, METHOD_APPS, NONE_APP, POST_APP, postForm, type TestApp } from './support/lifecycle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apps: METHOD_APPS });
});
afterAll(() => h.close());

const REVOCATION = '/oidc/token/revocation';
const revoke = (app: TestApp, token: string, extra: Record<string, string> = {}) => callAs(h, app, REVOCATION, { token, ...extra });
const introspect = (app: TestApp, token: string) => callAs(h, app, '/oidc/token/introspection', { token });
const refresh = (app: TestApp, refreshToken: string) => callAs(h, app, '/oidc/token', { grant_type: 'refresh_token', refresh_token: refreshToken });
const me = (token: string) => h.get('/oidc/me', { authorization: `Bearer ${token}` });

function expectEmpty200(answer: { status: number; text: string; headers: Record<string, unknown> }): void {
  expect(answer.status).toBe(200);
  expect(answer.text).toBe('');
  expect(answer.headers['content-length']).toBe('0');
}

describe.each(['client_secret_post', 'client_secret_basic', 'none'] as const)('revocation with %s', (method) => {
  const app = appFor(method);

  it('revokes an access token and nothing else', async () => {
    const tokens = await login(h, app, `rv-at-${method}`);
    const sibling = (await refresh(app, tokens.refresh_token!)).json.access_token as string;
    expectEmpty200(await revoke(app, tokens.access_token));
    expect((await introspect(app, tokens.access_token)).json).toEqual({ active: false });
    expect((await me(tokens.access_token)).status).toBe(401);
    expect((await introspect(app, sibling)).json).toMatchObject({ active: true });
    expect((await me(sibling)).status).toBe(200);
    expect((await refresh(app, tokens.refresh_token!)).status).toBe(200);
  });

  it('revokes a refresh token with its whole grant: the refresh token and every access token issued from it', async () => {
    const tokens = await login(h, app, `rv-rt-${method}`);
    const refreshed = (await refresh(app, tokens.refresh_token!)).json.access_token as string;
    const otherLogin = await login(h, app, `rv-rt-${method}`);
    expectEmpty200(await revoke(app, tokens.refresh_token!, { token_type_hint: 'refresh_token' }));
    for (const token of [tokens.access_token, refreshed, tokens.refresh_token!]) {
      expect((await introspect(app, token)).json).toEqual({ active: false });
    }
    expect((await me(refreshed)).json).toEqual({ error: 'invalid_token', error_description: expect.any(String) });
    expect((await refresh(app, tokens.refresh_token!)).json.error).toBe('invalid_grant');
    // Another login of the same user is another grant.
    expect((await introspect(app, otherLogin.access_token)).json).toMatchObject({ active: true });
  });
});

describe('revocation answers', () => {
  it('200 with an empty body for an unknown, malformed or already revoked token', async () => {
    const tokens = await login(h, POST_APP, 'rv-twice');
    expectEmpty200(await revoke(POST_APP, tokens.access_token));
    expectEmpty200(await revoke(POST_APP, tokens.access_token));
    expectEmpty200(await revoke(POST_APP, 'not-a-token'));
    expectEmpty200(await revoke(POST_APP, tokens.id_token));
    expect(
      h.emulator
        .requestsTo('revocation')
        .slice(-4)
        .map((entry) => entry.tokenKind),
    ).toEqual(['access_token', 'unknown', 'unknown', 'unknown']);
  });

  it("400 invalid_request for another app's token, which stays valid", async () => {
    const tokens = await login(h, BASIC_APP, 'rv-other');
    for (const token of [tokens.access_token, tokens.refresh_token!]) {
      const answer = await revoke(NONE_APP, token);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    }
    expect((await introspect(BASIC_APP, tokens.access_token)).json).toMatchObject({ active: true });
    expect((await refresh(BASIC_APP, tokens.refresh_token!)).status).toBe(200);
  });

  it('400 invalid_request without a token, 401 invalid_client for a bad client', async () => {
    const missing = await revoke(POST_APP, '');
    expect([missing.status, missing.json.error]).toEqual([400, 'invalid_request']);
    const badClient = await postForm(h, REVOCATION, { token: 'x', client_id: 'post-app', client_secret: 'wrong' });
    expect([badClient.status, badClient.json.error]).toEqual([401, 'invalid_client']);
  });

  it('does not touch the JWT: offline verification keeps accepting a revoked access token until exp', async () => {
    const tokens = await login(h, BASIC_APP, 'rv-offline');
    await revoke(BASIC_APP, tokens.refresh_token!);
    const { claims } = verifyJwt(tokens.access_token, h.emulator.jwks());
    expect(claims['exp']).toBeGreaterThan(Date.now() / 1000);
    expect((await introspect(BASIC_APP, tokens.access_token)).json).toEqual({ active: false });
  });
});

import { startHarness, type Harness } from './support/harness';
import { appFor, BASIC_APP, callAs, claimsOf, login, METHOD_APPS, NONE_APP, POST_APP, waitPast } from './support/lifecycle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apps: METHOD_APPS });
});
afterAll(() => h.close());

const INTROSPECTION = '/oidc/token/introspection';

describe.each(['client_secret_post', 'client_secret_basic', 'none'] as const)('introspection with %s', (method) => {
  const app = appFor(method);

  it('describes a live access token with exactly the contract fields, in order, not cached', async () => {
    const tokens = await login(h, app, `in-${method}`, 'openid email offline_access');
    const answer = await callAs(h, app, INTROSPECTION, { token: tokens.access_token });
    const claims = claimsOf(tokens.access_token);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(Object.keys(answer.json)).toEqual(['active', 'sub', 'client_id', 'exp', 'iat', 'iss', 'jti', 'scope', 'token_type']);
    expect(answer.json).toEqual({
      active: true,
      sub: claims['sub'],
      client_id: app.appId,
      exp: claims['exp'],
      iat: claims['iat'],
      iss: `${h.url}/oidc`,
      jti: claims['jti'],
      scope: 'openid email offline_access',
      token_type: 'Bearer',
    });
  });

  it('describes a refresh token without token_type', async () => {
    const tokens = await login(h, app, `in-rt-${method}`);
    const answer = await callAs(h, app, INTROSPECTION, { token: tokens.refresh_token!, token_type_hint: 'refresh_token' });
    expect(Object.keys(answer.json)).toEqual(['active', 'sub', 'client_id', 'exp', 'iat', 'iss', 'jti', 'scope']);
    expect(answer.json).toMatchObject({ active: true, client_id: app.appId, sub: claimsOf(tokens.access_token)['sub'], scope: tokens.scope });
    expect(answer.json.exp - answer.json.iat).toBe(2_592_000);
  });
});

describe('inactive tokens', () => {
  it.each([
    ['an unknown string', 'nope'],
    ['a malformed JWT', 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOjF9.x'],
    ['an empty-ish JWT', '..'],
  ])('answers {"active":false} for %s', async (_name, token) => {
    const answer = await callAs(h, POST_APP, INTROSPECTION, { token });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ active: false });
  });

  it('answers {"active":false} for an id_token, a tampered access token and another app\'s token', async () => {
    const tokens = await login(h, BASIC_APP, 'in-inactive');
    const [header, payload, signature] = tokens.access_token.split('.') as [string, string, string];
    const claims = { ...claimsOf(tokens.access_token), scope: 'openid admin' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    for (const token of [tokens.id_token, tampered, `${header}.${payload}.${signature.slice(0, -2)}AA`]) {
      expect((await callAs(h, BASIC_APP, INTROSPECTION, { token })).json).toEqual({ active: false });
    }
    expect((await callAs(h, NONE_APP, INTROSPECTION, { token: tokens.access_token })).json).toEqual({ active: false });
    expect((await callAs(h, BASIC_APP, INTROSPECTION, { token: tokens.access_token })).json.active).toBe(true);
  });

  it('answers {"active":false} once the access token has expired', async () => {
    const short = await startHarness({ apps: METHOD_APPS, tokenLifetimes: { accessToken: 1 } });
    try {
      const tokens = await login(short, POST_APP, 'in-expired');
      expect((await callAs(short, POST_APP, INTROSPECTION, { token: tokens.access_token })).json.active).toBe(true);
      await waitPast(claimsOf(tokens.access_token)['exp'] as number);
      expect((await callAs(short, POST_APP, INTROSPECTION, { token: tokens.access_token })).json).toEqual({ active: false });
    } finally {
      await short.close();
    }
  });

  it('answers 400 invalid_request without a token, and 401 invalid_client for a wrong client', async () => {
    const missing = await callAs(h, POST_APP, INTROSPECTION, {});
    expect([missing.status, missing.json.error, missing.headers['cache-control']]).toEqual([400, 'invalid_request', 'no-store']);
    const wrong = await callAs(h, { ...BASIC_APP, appSecret: 'wrong' }, INTROSPECTION, { token: 'x' });
    expect([wrong.status, wrong.json.error]).toEqual([401, 'invalid_client']);
    expect(wrong.headers['www-authenticate']).toBe(`Basic realm="${h.url}/oidc"`);
  });
});

import { request } from 'undici';
import { startHarness, type Harness } from './support/harness';
import { BASIC_APP, callAs, claimsOf, login, METHOD_APPS, NONE_APP, POST_APP, postForm, waitPast } from './support/lifecycle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apps: METHOD_APPS });
});
afterAll(() => h.close());

const challenge = (error: string) => `Bearer realm="${h.url}/oidc", error="${error}"`;

describe('userinfo: where the access token goes', () => {
  it('reads it from the Bearer header, the query string or a form body, by GET and POST, at /oidc/me and /oidc/me/', async () => {
    const tokens = await login(h, POST_APP, 'ui-places', 'openid profile');
    const at = tokens.access_token;
    const answers = [
      await h.get('/oidc/me', { authorization: `Bearer ${at}` }),
      await h.get(`/oidc/me?access_token=${at}`),
      await postForm(h, '/oidc/me', { access_token: at }),
      await h.postRaw(`/oidc/me/?access_token=${at}`, '', {}),
      await h.get('/oidc/me/', { authorization: `bearer ${at}` }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.json.sub).toBe(claimsOf(at)['sub']);
    }
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(
      h.emulator
        .requestsTo('userinfo')
        .slice(-5)
        .map((entry) => [entry.method, entry.path, entry.tokenKind, entry.appId]),
    ).toEqual([
      ['GET', '/oidc/me', 'access_token', 'post-app'],
      ['GET', '/oidc/me', 'access_token', 'post-app'],
      ['POST', '/oidc/me', 'access_token', 'post-app'],
      ['POST', '/oidc/me/', 'access_token', 'post-app'],
      ['GET', '/oidc/me/', 'access_token', 'post-app'],
    ]);
  });

  it.each([
    ['header and query', (at: string) => h.get(`/oidc/me?access_token=${at}`, { authorization: `Bearer ${at}` })],
    ['header and body', (at: string) => postForm(h, '/oidc/me', { access_token: at }, { authorization: `Bearer ${at}` })],
    ['query and body', (at: string) => postForm(h, `/oidc/me?access_token=${at}`, { access_token: at })],
    ['the query twice', (at: string) => h.get(`/oidc/me?access_token=${at}&access_token=${at}`)],
  ])('answers 400 invalid_request for the token in two places: %s', async (_name, call) => {
    const tokens = await login(h, NONE_APP, 'ui-two');
    const answer = await call(tokens.access_token);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    expect(answer.headers['www-authenticate']).toBe(challenge('invalid_request'));
  });

  it('answers 400 invalid_request without a token (a Basic header is not one)', async () => {
    for (const answer of [await h.get('/oidc/me'), await h.get('/oidc/me', { authorization: 'Basic ZGVtbzp4' }), await postForm(h, '/oidc/me', {})]) {
      expect([answer.status, answer.json.error]).toEqual([400, 'invalid_request']);
    }
  });

  it('answers 405 for another method, with allow', async () => {
    const answer = await request(`${h.url}/oidc/me`, { method: 'DELETE' });
    expect(answer.statusCode).toBe(405);
    expect(answer.headers['allow']).toBe('GET, POST');
    expect(await answer.body.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('userinfo: refusals', () => {
  it('answers 401 invalid_token with the Bearer challenge for a bad, revoked or openid-less token', async () => {
    const tokens = await login(h, BASIC_APP, 'ui-refused', 'openid profile offline_access');
    const noOpenid = await callAs(h, BASIC_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, scope: 'profile' });
    const revoked = await login(h, BASIC_APP, 'ui-revoked');
    await callAs(h, BASIC_APP, '/oidc/token/revocation', { token: revoked.access_token });
    for (const token of ['garbage', tokens.id_token, noOpenid.json.access_token, revoked.access_token]) {
      const answer = await h.get('/oidc/me', { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: 'invalid_token', error_description: expect.any(String) });
      expect(answer.headers['www-authenticate']).toBe(challenge('invalid_token'));
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect((await h.get('/oidc/me', { authorization: `Bearer ${tokens.access_token}` })).status).toBe(200);
  });

  it('answers 401 invalid_token once the token has expired', async () => {
    const short = await startHarness({ apps: METHOD_APPS, tokenLifetimes: { accessToken: 1 } });
    try {
      const tokens = await login(short, POST_APP, 'ui-expired');
      await waitPast(claimsOf(tokens.access_token)['exp'] as number);
      const answer = await short.get('/oidc/me', { authorization: `Bearer ${tokens.access_token}` });
      expect([answer.status, answer.json.error]).toEqual([401, 'invalid_token']);
    } finally {
      await short.close();
    }
  });
});

describe('userinfo: claims', () => {
  it('gives sub alone for openid', async () => {
    const tokens = await login(h, POST_APP, 'ui-openid', 'openid');
    expect((await h.get(`/oidc/me?access_token=${tokens.access_token}`)).json).toEqual({ sub: claimsOf(tokens.access_token)['sub'] });
  });

  it('gives every claim of each scope, null when the user has no value, in a stable order', async () => {
    const tokens = await login(h, POST_APP, 'ui-all', 'openid profile username email phone');
    const answer = await h.get('/oidc/me', { authorization: `Bearer ${tokens.access_token}` });
    const id = claimsOf(tokens.id_token);
    expect(Object.keys(answer.json)).toEqual([
      'sub',
      'name',
      'given_name',
      'middle_name',
      'family_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'updated_at',
      'email',
      'email_verified',
      'phone_number',
      'phone_number_verified',
    ]);
    expect(answer.json).toEqual({
      sub: id['sub'],
      name: 'ui-all Example',
      given_name: 'ui-all',
      middle_name: null,
      family_name: 'Example',
      nickname: 'ui-all',
      preferred_username: 'ui-all',
      profile: null,
      picture: id['picture'],
      website: null,
      gender: 'U',
      birthdate: null,
      zoneinfo: null,
      locale: null,
      updated_at: id['updated_at'],
      email: 'ui-all@example.com',
      email_verified: true,
      phone_number: null,
      phone_number_verified: null,
    });
  });
});

import { LOGGED_ENDPOINTS } from '../src/index';
import { basic, startHarness, type Harness } from './support/harness';
import { BASIC_APP, callAs, login, METHOD_APPS, NONE_APP, POST_APP, postForm } from './support/lifecycle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apps: METHOD_APPS, control: true });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

describe('the request log of the token lifecycle', () => {
  it('records each call with its endpoint, app, client auth, token and outcome', async () => {
    const tokens = await login(h, POST_APP, 'log-user');
    const refreshed = await callAs(h, POST_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
    await callAs(h, POST_APP, '/oidc/token/introspection', { token: tokens.access_token });
    await h.get('/oidc/me', { authorization: `Bearer ${tokens.access_token}` });
    await callAs(h, POST_APP, '/oidc/token/revocation', { token: tokens.refresh_token! });
    await callAs(h, POST_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
    const entries = h.emulator.requests;
    expect(entries.map(({ endpoint, outcome, httpStatus, error }) => [endpoint, outcome, httpStatus, error])).toEqual([
      ['signin-by-mobile', 'accepted', 200, undefined],
      ['token', 'accepted', 200, undefined],
      ['introspection', 'accepted', 200, undefined],
      ['userinfo', 'accepted', 200, undefined],
      ['revocation', 'accepted', 200, undefined],
      ['token', 'rejected', 400, 'invalid_grant'],
    ]);
    const [signin, token, introspection, userinfo, revocation] = entries;
    const grantId = token?.grantId;
    expect(grantId).toMatch(/^grant-\d+$/);
    expect(signin).toMatchObject({ appId: 'post-app', clientAuthMethod: 'client_secret_post', body: { client_secret: '[redacted]' } });
    expect(token).toMatchObject({
      method: 'POST',
      path: '/oidc/token',
      statusCode: null,
      appId: 'post-app',
      clientAuthMethod: 'client_secret_post',
      tokenKind: 'refresh_token',
      jti: JSON.parse(Buffer.from(refreshed.json.access_token.split('.')[1], 'base64url').toString()).jti,
      requestId: refreshed.headers['x-request-id'],
      body: { grant_type: 'refresh_token', refresh_token: '[redacted]', client_id: 'post-app', client_secret: '[redacted]' },
    });
    expect(introspection).toMatchObject({ tokenKind: 'access_token', grantId, body: { token: '[redacted]' } });
    expect(userinfo).toMatchObject({ method: 'GET', appId: 'post-app', tokenKind: 'access_token', grantId, headers: { authorization: 'Bearer [redacted]' } });
    expect(userinfo).not.toHaveProperty('clientAuthMethod');
    expect(revocation).toMatchObject({ tokenKind: 'refresh_token', grantId });
  });

  it('never keeps a secret or a token', async () => {
    const tokens = await login(h, BASIC_APP, 'log-secrets');
    await callAs(h, BASIC_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
    await callAs(h, POST_APP, '/oidc/token/introspection', { token: tokens.access_token });
    await postForm(h, '/oidc/me', { access_token: tokens.access_token });
    await h.get(`/oidc/me?access_token=${tokens.access_token}`);
    await callAs(h, BASIC_APP, '/oidc/token/revocation', { token: tokens.access_token });
    const logged = JSON.stringify(h.emulator.requestsTo(...LOGGED_ENDPOINTS));
    for (const secret of [BASIC_APP.appSecret, POST_APP.appSecret, tokens.access_token, tokens.refresh_token!, basic(BASIC_APP.appId, BASIC_APP.appSecret)]) {
      expect(logged).not.toContain(secret);
    }
    const control = await h.get('/__emulator/requests');
    expect(control.text).not.toContain(BASIC_APP.appSecret);
    // Basic keeps the client id, so a reader still sees who authenticated and how.
    expect(h.emulator.requestsTo('token')[0]?.headers.authorization).toBe(basic(BASIC_APP.appId, '[redacted]'));
  });

  it('logs the client auth a failed call presented and the app it claimed', async () => {
    await postForm(h, '/oidc/token/introspection', { token: 'x' }, { authorization: basic('basic-app', 'wrong') });
    await postForm(h, '/oidc/token/introspection', { token: 'x', client_id: 'ghost' });
    expect(h.emulator.requests.map(({ appId, clientAuthMethod, error }) => [appId, clientAuthMethod, error])).toEqual([
      ['basic-app', 'client_secret_basic', 'invalid_client'],
      ['ghost', 'none', 'invalid_client'],
    ]);
  });
});

describe('JWKS fetches', () => {
  it('are logged under jwks, left out of requests, and counted per endpoint', async () => {
    await login(h, NONE_APP, 'log-jwks');
    await h.get('/oidc/.well-known/jwks.json');
    await h.get('/none-app/oidc/.well-known/jwks.json');
    await h.get('/ghost/oidc/.well-known/jwks.json');
    expect(h.emulator.requests.map((entry) => entry.endpoint)).toEqual(['signin-by-mobile']);
    expect(h.emulator.requestsTo('jwks').map(({ path, outcome, httpStatus, appId }) => [path, outcome, httpStatus, appId])).toEqual([
      ['/oidc/.well-known/jwks.json', 'accepted', 200, undefined],
      ['/none-app/oidc/.well-known/jwks.json', 'accepted', 200, 'none-app'],
      ['/ghost/oidc/.well-known/jwks.json', 'rejected', 404, 'ghost'],
    ]);
    const stats = h.emulator.stats();
    expect(stats).toMatchObject({ received: 1, accepted: 1, jwksRequests: 2 });
    expect(stats.byEndpoint.jwks).toEqual({ received: 3, accepted: 2, rejected: 1, faulted: 0 });
    const control = await h.get('/__emulator/requests?endpoint=jwks,signin-by-mobile');
    expect(control.json.map((entry: { endpoint: string }) => entry.endpoint)).toEqual(['signin-by-mobile', 'jwks', 'jwks', 'jwks']);
    expect((await h.get('/__emulator/requests?endpoint=nope')).status).toBe(400);
  });
});

describe('stats() and reset()', () => {
  it('count every endpoint while received/accepted/rejected stay sign-in counters', async () => {
    const tokens = await login(h, NONE_APP, 'log-stats');
    await callAs(h, NONE_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
    await callAs(h, NONE_APP, '/oidc/token', { grant_type: 'refresh_token' });
    await h.get('/oidc/me');
    const stats = h.emulator.stats();
    expect(stats).toMatchObject({ received: 1, accepted: 1, rejected: 0 });
    expect(stats.byEndpoint).toEqual({
      'signin-by-mobile': { received: 1, accepted: 1, rejected: 0, faulted: 0 },
      token: { received: 2, accepted: 1, rejected: 1, faulted: 0 },
      revocation: { received: 0, accepted: 0, rejected: 0, faulted: 0 },
      introspection: { received: 0, accepted: 0, rejected: 0, faulted: 0 },
      userinfo: { received: 1, accepted: 0, rejected: 1, faulted: 0 },
      jwks: { received: 0, accepted: 0, rejected: 0, faulted: 0 },
    });
  });

  it('reset() forgets every issued token and grant', async () => {
    const tokens = await login(h, NONE_APP, 'log-reset');
    h.emulator.reset();
    expect((await callAs(h, NONE_APP, '/oidc/token/introspection', { token: tokens.access_token })).json).toEqual({ active: false });
    expect((await callAs(h, NONE_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).json.error).toBe('invalid_grant');
  });
});

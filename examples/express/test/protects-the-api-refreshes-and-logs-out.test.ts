import request from 'supertest';
import { createApp } from '../src/app';
import { startGenAuth, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  genauth = await startGenAuth();
  app = createApp({ client: genauth.client });
});
afterAll(() => genauth.close());

/** Signs a new WeChat user in through the backend: `{ user, tokens }`. */
async function login(user: string) {
  const res = await request(app)
    .post('/auth/wechat')
    .send(genauth.emulator.mintCredential('wechat', { user, email: `${user}@example.com` }));
  expect(res.status).toBe(200);
  return res.body as { user: { id: string }; tokens: { accessToken: string; refreshToken: string } };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('after the login: the API, refresh and logout', () => {
  it('carries a whole session: API call, refresh, API call with the new token, logout, then everything refused', async () => {
    const { user, tokens } = await login('kate');
    expect(tokens.refreshToken).toEqual(expect.any(String));

    const me = await request(app).get('/api/me').set(bearer(tokens.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual(user);
    expect(me.body.claims).toMatchObject({ sub: user.id, aud: 'demo-app', scopes: expect.arrayContaining(['openid', 'offline_access']) });
    expect(JSON.stringify(me.body)).not.toContain(tokens.accessToken);

    const refreshed = await request(app).post('/auth/refresh').send({ refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user).toEqual(user);
    expect(refreshed.body.tokens.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.body.tokens.refreshToken).toBe(tokens.refreshToken);
    const next = refreshed.body.tokens as { accessToken: string; refreshToken: string };

    expect((await request(app).get('/api/me').set(bearer(next.accessToken))).status).toBe(200);

    const logout = await request(app).post('/auth/logout').set(bearer(next.accessToken)).send({ refreshToken: next.refreshToken });
    expect([logout.status, logout.text]).toEqual([204, '']);
    const revocations = genauth.emulator.requestsTo('revocation').slice(-2);
    expect(revocations.map((entry) => [entry.httpStatus, entry.tokenKind, (entry.body as Record<string, unknown>).token_type_hint])).toEqual([
      [200, 'refresh_token', 'refresh_token'],
      // Revoking the refresh token already ended its grant's access tokens: GenAuth no longer knows this one.
      [200, 'unknown', 'access_token'],
    ]);

    const again = await request(app).post('/auth/refresh').send({ refreshToken: next.refreshToken });
    expect([again.status, again.body.code, again.body.status]).toEqual([401, 'GENAUTH_INVALID_GRANT', 401]);
    expect(again.body.message).toMatch(/sign in again/);

    const introspected = await request(app).get('/api/me/introspected').set(bearer(next.accessToken));
    expect([introspected.status, introspected.headers['www-authenticate'], introspected.body.code]).toEqual([
      401,
      'Bearer realm="api", error="invalid_token", error_description="The access token has been revoked or is no longer active"',
      'GENAUTH_ACCESS_TOKEN',
    ]);
    // What the contract says of GenAuth: offline verification cannot see revocation; it accepts the token until exp.
    expect((await request(app).get('/api/me').set(bearer(next.accessToken))).status).toBe(200);
  });

  it('answers GET /api/me without a token 401 with the challenge, and with a garbage token 401 invalid_token', async () => {
    const none = await request(app).get('/api/me');
    expect([none.status, none.headers['www-authenticate'], none.body]).toEqual([
      401,
      'Bearer realm="api"',
      { message: 'An access token is required: send Authorization: Bearer <token>', code: 'GENAUTH_ACCESS_TOKEN', status: 401 },
    ]);
    const garbage = await request(app).get('/api/me').set(bearer('not-a-jwt'));
    expect([garbage.status, garbage.headers['www-authenticate']]).toEqual([401, expect.stringContaining('error="invalid_token"')]);
  });

  it('answers POST /auth/refresh without a refresh token 400, without calling GenAuth', async () => {
    const before = genauth.emulator.requestsTo('token').length;
    const res = await request(app).post('/auth/refresh').send({});
    expect([res.status, res.body.code]).toEqual([400, 'GENAUTH_OAUTH_REQUEST']);
    expect(genauth.emulator.requestsTo('token')).toHaveLength(before);
  });

  it('answers an unknown refresh token 401 GENAUTH_INVALID_GRANT', async () => {
    const res = await request(app)
      .post('/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) });
    expect([res.status, res.body.code]).toEqual([401, 'GENAUTH_INVALID_GRANT']);
  });

  it('logs out with the refresh token alone, which ends the grant: its access token is refused by introspection', async () => {
    const { tokens } = await login('liam');
    expect((await request(app).post('/auth/logout').send({ refreshToken: tokens.refreshToken })).status).toBe(204);
    expect((await request(app).get('/api/me/introspected').set(bearer(tokens.accessToken))).status).toBe(401);
  });

  it('answers POST /auth/logout with nothing to revoke 400', async () => {
    const res = await request(app).post('/auth/logout').send({});
    expect([res.status, res.body.code]).toEqual([400, 'BAD_REQUEST']);
  });
});

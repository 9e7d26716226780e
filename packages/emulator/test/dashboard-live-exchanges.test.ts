import { DEMO_APP } from '../src/index';
import { openEvents, type EventReader } from './support/dashboard-client';
import { signinBody, startHarness, type Harness } from './support/harness';
import { BASIC_APP, callAs, claimsOf, login, METHOD_APPS } from './support/lifecycle';

let h: Harness;
let events: EventReader;
beforeAll(async () => {
  h = await startHarness({ dashboard: true, apps: [{ ...DEMO_APP }, ...METHOD_APPS] });
});
beforeEach(async () => {
  events = await openEvents(h.url);
  await events.next('snapshot');
});
afterEach(() => events.close());
afterAll(() => h.close());

const alice = { user: 'alice', name: 'Alice Zhang', email: 'alice@example.com', phone: '+8613800138000' };

describe('live exchanges (Server-Sent Events)', () => {
  it('streams each sign-in as it is answered, with endpoint, connection, app, client auth, outcome and latency', async () => {
    const answer = await h.signin(signinBody('wechat', 'wechatPayload', h.emulator.mintCredential('wechat', alice)));
    const { exchange, totals, user } = await events.next('exchange');
    expect(exchange).toEqual({
      id: expect.any(Number),
      at: expect.any(Number),
      endpoint: 'signin-by-mobile',
      method: 'POST',
      path: '/api/v3/signin-by-mobile',
      connection: 'wechat',
      appId: 'demo-app',
      clientAuth: 'client_secret_basic',
      outcome: 'accepted',
      statusCode: 200,
      httpStatus: 200,
      requestId: answer.headers['x-request-id'],
      latencyMs: expect.any(Number),
    });
    expect(totals).toMatchObject({ received: h.emulator.stats().received, accepted: h.emulator.stats().accepted });
    const sub = claimsOf(answer.json.data.access_token)['sub'];
    expect(user).toMatchObject({ sub, connection: 'wechat', providerUser: 'alice', name: 'Alice Zhang', logins: expect.any(Number) });
  });

  it('shows a rejection with its statusCode, apiCode and message', async () => {
    await h.signin(signinBody('wechat', 'wechatPayload', { code: 'locked-42' }));
    expect((await events.next('exchange')).exchange).toMatchObject({
      outcome: 'rejected',
      statusCode: 403,
      apiCode: 2005,
      message: 'User is locked',
    });
  });

  it('shows the token lifecycle endpoints and JWKS fetches too', async () => {
    const tokens = await login(h, BASIC_APP, 'lena');
    await events.next('exchange');
    await callAs(h, BASIC_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect((await events.next('exchange')).exchange).toMatchObject({
      endpoint: 'token',
      appId: 'basic-app',
      clientAuth: 'client_secret_basic',
      outcome: 'accepted',
      httpStatus: 200,
      tokenKind: 'refresh_token',
    });
    await h.get('/oidc/.well-known/jwks.json');
    expect((await events.next('exchange')).exchange).toMatchObject({ endpoint: 'jwks', clientAuth: '—', httpStatus: 200 });
  });
});

describe('the detail of an exchange', () => {
  it('masks the credential and the tokens by default, reveals them on request, and decodes the tokens', async () => {
    const credential = h.emulator.mintCredential('wechat', alice);
    const answer = await h.signin(signinBody('wechat', 'wechatPayload', credential, { options: { scope: 'openid profile email offline_access' } }));
    const { exchange } = await events.next('exchange');
    const masked = (await h.get(`/__emulator/dashboard/exchanges/${exchange.id}`)).json;
    expect(masked.revealed).toBe(false);
    expect(masked.request.body).toEqual({
      connection: 'wechat',
      extIdpConnidentifier: 'wechat',
      wechatPayload: { code: `${credential.code.slice(0, 4)}…(${credential.code.length} chars)` },
      options: { scope: 'openid profile email offline_access' },
    });
    expect(JSON.stringify(masked)).not.toContain(credential.code);
    expect(JSON.stringify(masked)).not.toContain(answer.json.data.access_token);
    expect(masked.answer).toMatchObject({ httpStatus: 200, contentType: 'application/json; charset=utf-8', captured: true });
    expect(masked.answer.body.data.access_token).toMatch(/^eyJh…\(\d+ chars\)$/);

    const { iat } = claimsOf(answer.json.data.id_token) as { iat: number };
    expect(masked.tokens).toEqual([
      expect.objectContaining({
        kind: 'id_token',
        source: 'answer data.id_token',
        alg: 'RS256',
        kid: h.emulator.currentKid,
        key: 'current',
        claims: expect.objectContaining({
          sub: claimsOf(answer.json.data.access_token)['sub'],
          name: 'Alice Zhang',
          email: 'alice@example.com',
          exp: iat + 1_209_600,
        }),
      }),
      expect.objectContaining({
        kind: 'access_token',
        key: 'current',
        claims: expect.objectContaining({ jti: claimsOf(answer.json.data.access_token)['jti'], aud: 'demo-app', exp: iat + 1_209_600 }),
      }),
      { source: 'answer data.refresh_token', kind: 'refresh_token', opaqueLength: 43 },
    ]);

    const revealed = (await h.get(`/__emulator/dashboard/exchanges/${exchange.id}?reveal=1`)).json;
    expect(revealed.request.body.wechatPayload).toEqual({ code: credential.code });
    expect(revealed.answer.body.data.access_token).toBe(answer.json.data.access_token);
  });

  it('says when a token was signed by a key that has since been rotated out', async () => {
    await h.signin(signinBody('apple', 'applePayload', h.emulator.mintCredential('apple', alice)));
    const { exchange } = await events.next('exchange');
    await h.emulator.rotateKeys();
    const keyOf = async () => (await h.get(`/__emulator/dashboard/exchanges/${exchange.id}`)).json.tokens[0].key;
    expect(await keyOf()).toBe('previous');
    await h.emulator.rotateKeys();
    expect(await keyOf()).toBe('unpublished');
  });

  it('answers 404 for an exchange it does not keep', async () => {
    expect((await h.get('/__emulator/dashboard/exchanges/999999')).status).toBe(404);
  });
});

import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import request from 'supertest';
import { GenAuthClient } from '../src';
import { recordChannels, type RecordedEvent } from './support/channel-recorder';
import { observedApp } from './support/observed-app';

const TRACE = ['start', 'end', 'asyncStart', 'asyncEnd'];
const TRACE_WITH_ERROR = ['start', 'end', 'error', 'asyncStart', 'asyncEnd'];

/** The events of one channel, checked to share one message object; returns that message and the event names. */
function oneContext(events: readonly RecordedEvent[]): { names: string[]; message: Record<string, unknown> } {
  const first = events[0];
  if (!first) throw new Error('no event was published');
  for (const event of events) expect(event.message).toBe(first.message);
  return { names: events.map((event) => event.event), message: first.message };
}

describe('passport-genauth:* diagnostics channels, one shared context per operation', () => {
  let emulator: Emulator;
  let client: GenAuthClient;
  let recorder: ReturnType<typeof recordChannels>;

  beforeAll(async () => {
    emulator = await startEmulator();
    client = new GenAuthClient({ appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: 'client_secret_basic' });
    // The JWKS is fetched once, before the recorded logins: each test then sees its own operations only.
    await client.warmUp();
  });
  beforeEach(() => {
    recorder = recordChannels();
  });
  afterEach(() => recorder.stop());
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  it('a successful login: authenticate wraps one sign-in exchange and one id_token check, each start → end → asyncStart → asyncEnd', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'ann', email: 'ann@example.com' });
    const res = await request(observedApp(client)).post('/auth/wechat').send(credential);
    expect(res.status).toBe(200);

    const authenticate = oneContext(recorder.of('authenticate'));
    expect(authenticate.names).toEqual(TRACE);
    expect(authenticate.message).toMatchObject({
      kind: 'login',
      strategy: 'genauth-wechat',
      connection: 'wechat',
      appId: DEMO_APP.appId,
      serverAddress: emulator.url,
      clientAuthMethod: 'client_secret_basic',
      credentialFields: ['code'],
      result: 'success',
      status: 200,
    });
    expect(authenticate.message.durationMs).toEqual(expect.any(Number));
    // The live request rides along for correlation, but no serialiser sees it.
    expect((authenticate.message.request as { headers: object }).headers).toMatchObject({ 'content-type': 'application/json' });
    expect(Object.keys(authenticate.message)).not.toContain('request');

    const exchange = oneContext(recorder.of('exchange'));
    expect(exchange.names).toEqual(TRACE);
    expect(exchange.message).toMatchObject({
      operation: 'sign-in',
      connection: 'wechat',
      credentialFields: ['code'],
      result: 'success',
      httpStatus: 200,
      rejected: false,
    });
    const idToken = oneContext(recorder.of('idToken'));
    expect(idToken.names).toEqual(TRACE);
    expect(idToken.message).toMatchObject({ appId: DEMO_APP.appId, alg: 'RS256', verified: true, result: 'success' });

    // The exchange and the id_token check happen inside the login: after its start, before its asyncStart.
    const order = recorder.events.map((event) => `${event.channel}:${event.event}`);
    expect(order.indexOf('exchange:start')).toBeGreaterThan(order.indexOf('authenticate:start'));
    expect(order.indexOf('idToken:asyncEnd')).toBeLessThan(order.indexOf('authenticate:asyncStart'));
    // The message handed to Node is the result word, never the outcome (which holds tokens).
    expect(authenticate.message.result).toBe('success');
  });

  it('a missing credential (400): authenticate only, fail with GENAUTH_INVALID_CREDENTIALS, no call to GenAuth', async () => {
    const res = await request(observedApp(client)).post('/auth/wechat').send({});
    expect(res.status).toBe(400);
    const authenticate = oneContext(recorder.of('authenticate'));
    expect(authenticate.names).toEqual(TRACE);
    expect(authenticate.message).toMatchObject({ result: 'fail', status: 400, errorCode: 'GENAUTH_INVALID_CREDENTIALS', credentialFields: [] });
    expect(recorder.of('exchange')).toEqual([]);
  });

  it('GenAuth refuses a locked user (401): apiCode and requestId on the exchange and on the login, the exchange publishes error', async () => {
    const res = await request(observedApp(client)).post('/auth/wechat').send({ code: 'locked-user-1' });
    expect(res.status).toBe(401);
    const sent = emulator.requests.at(-1);
    expect(sent?.apiCode).toBe(2005);

    const exchange = oneContext(recorder.of('exchange'));
    expect(exchange.names).toEqual(TRACE_WITH_ERROR);
    expect(exchange.message).toMatchObject({
      result: 'fail',
      rejected: true,
      errorCode: 'GENAUTH_SIGNIN_REJECTED',
      apiCode: 2005,
      genauthStatusCode: 403,
      requestId: sent?.requestId,
      httpStatus: 200,
    });
    expect((exchange.message.error as { code?: string }).code).toBe('GENAUTH_SIGNIN_REJECTED');

    const authenticate = oneContext(recorder.of('authenticate'));
    // A refused login is a failure, not an error: no error event.
    expect(authenticate.names).toEqual(TRACE);
    expect(authenticate.message).toMatchObject({
      result: 'fail',
      status: 401,
      errorCode: 'GENAUTH_SIGNIN_REJECTED',
      apiCode: 2005,
      requestId: sent?.requestId,
    });
    expect(res.body).toMatchObject({ apiCode: 2005, requestId: sent?.requestId });
  });

  it('a transport error (GenAuth resets the connection): error events on the exchange and on the login, result error, status 502', async () => {
    emulator.injectFaults({ kind: 'reset' });
    const res = await request(observedApp(client))
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'bob' }));
    expect(res.status).toBe(502);
    const exchange = oneContext(recorder.of('exchange'));
    expect(exchange.names).toEqual(TRACE_WITH_ERROR);
    expect(exchange.message).toMatchObject({ result: 'error', rejected: false, errorCode: 'GENAUTH_HTTP', status: 502 });
    expect(exchange.message.httpStatus).toBeUndefined();
    const authenticate = oneContext(recorder.of('authenticate'));
    expect(authenticate.names).toEqual(TRACE_WITH_ERROR);
    expect(authenticate.message).toMatchObject({ result: 'error', status: 502, errorCode: 'GENAUTH_HTTP' });
  });

  it('an id_token that fails its check: the id-token channel publishes error, the login fails with GENAUTH_ID_TOKEN', async () => {
    const strict = new GenAuthClient({
      appHost: emulator.url,
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: 'client_secret_basic',
      idToken: { issuer: 'https://another-app.genauth.ai/oidc' },
    });
    try {
      const res = await request(observedApp(strict))
        .post('/auth/wechat')
        .send(emulator.mintCredential('wechat', { user: 'cy' }));
      expect(res.status).toBe(401);
      const idToken = oneContext(recorder.of('idToken'));
      expect(idToken.names).toEqual(TRACE_WITH_ERROR);
      expect(idToken.message).toMatchObject({ alg: 'RS256', result: 'fail', errorCode: 'GENAUTH_ID_TOKEN', status: 401 });
      expect(oneContext(recorder.of('exchange')).message).toMatchObject({ result: 'success' });
      expect(oneContext(recorder.of('authenticate')).message).toMatchObject({ result: 'fail', errorCode: 'GENAUTH_ID_TOKEN', status: 401 });
    } finally {
      await strict.close();
    }
  });

  it('a bearer check: one authenticate of kind bearer naming the Authorization header, success then fail for a bad token', async () => {
    const app = observedApp(client);
    const login = await request(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'dee' }));
    recorder.clear();
    const ok = await request(app)
      .get('/api/me')
      .set('authorization', `Bearer ${login.body.tokens.accessToken as string}`);
    expect(ok.status).toBe(200);
    const accepted = oneContext(recorder.of('authenticate'));
    expect(accepted.names).toEqual(TRACE);
    expect(accepted.message).toMatchObject({
      kind: 'bearer',
      strategy: 'genauth-bearer',
      credentialFields: ['authorization'],
      appId: DEMO_APP.appId,
      result: 'success',
      status: 200,
    });
    expect(accepted.message).not.toHaveProperty('connection');
    expect(accepted.message).not.toHaveProperty('clientAuthMethod');
    // Offline verification: no call to GenAuth.
    expect(recorder.of('exchange')).toEqual([]);

    recorder.clear();
    const bad = await request(app).get('/api/me').set('authorization', 'Bearer not.a.token');
    expect(bad.status).toBe(401);
    expect(oneContext(recorder.of('authenticate')).message).toMatchObject({ kind: 'bearer', result: 'fail', status: 401, errorCode: 'GENAUTH_ACCESS_TOKEN' });
  });

  it('refresh and revoke are exchanges too, with their operation and the endpoint client authentication', async () => {
    const login = await request(observedApp(client))
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'eve' }));
    recorder.clear();
    await client.refresh(login.body.tokens.refreshToken as string);
    await client.revoke(login.body.tokens.refreshToken as string, { tokenTypeHint: 'refresh_token' });
    const exchanges = recorder
      .of('exchange')
      .filter((event) => event.event === 'asyncEnd')
      .map((event) => event.message);
    expect(exchanges).toEqual([
      expect.objectContaining({ operation: 'refresh', clientAuthMethod: 'client_secret_basic', result: 'success', httpStatus: 200 }),
      expect.objectContaining({ operation: 'revoke', clientAuthMethod: 'client_secret_basic', result: 'success', httpStatus: 200 }),
    ]);
    // The refreshed id_token is checked like a login's.
    expect(oneContext(recorder.of('idToken')).names).toEqual(TRACE);
    await expect(client.refresh(login.body.tokens.refreshToken as string)).rejects.toMatchObject({ code: 'GENAUTH_INVALID_GRANT' });
    expect(recorder.of('exchange').at(-1)?.message).toMatchObject({ operation: 'refresh', result: 'fail', rejected: true, errorCode: 'GENAUTH_INVALID_GRANT' });
  });

  it('the single route refusing an unknown connection is a login too (strategy genauth-mobile, no connection)', async () => {
    const { GenAuthMobileStrategy } = await import('../src');
    const { WechatStrategy } = await import('./support/observed-app');
    const mobile = new GenAuthMobileStrategy({ strategies: [new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, async () => ({ id: 'x' }))] });
    const outcome = await mobile.login({ headers: {}, body: { connection: 'nope', code: 'x' } });
    expect(outcome.type).toBe('fail');
    const authenticate = oneContext(recorder.of('authenticate'));
    expect(authenticate.names).toEqual(TRACE);
    expect(authenticate.message).toMatchObject({ strategy: 'genauth-mobile', result: 'fail', status: 400, errorCode: 'GENAUTH_INVALID_CREDENTIALS' });
    expect(authenticate.message).not.toHaveProperty('connection');
  });

  it('the JWKS channel reports each fetch with its reason', async () => {
    const fresh = new GenAuthClient({
      appHost: emulator.url,
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: 'client_secret_basic',
    });
    try {
      await request(observedApp(fresh))
        .post('/auth/wechat')
        .send(emulator.mintCredential('wechat', { user: 'fay' }));
      const fetches = recorder.of('jwksFetch').map((event) => event.message);
      expect(fetches).toEqual([{ jwksUri: `${emulator.url}/oidc/.well-known/jwks.json`, reason: 'cold', durationMs: expect.any(Number), ok: true }]);
      // Published inside the id_token check that needed the keys.
      const order = recorder.events.map((event) => `${event.channel}:${event.event}`);
      expect(order.indexOf('jwksFetch:publish')).toBeGreaterThan(order.indexOf('idToken:start'));
    } finally {
      await fresh.close();
    }
  });
});

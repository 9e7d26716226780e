import type { Connection } from '@passport-genauth/emulator';
import request from 'supertest';
import { createApp } from '../src/app';
import { CONNECTIONS, STRATEGY_CLASSES, routeSegment } from '../src/strategies';
import { startGenAuth, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  genauth = await startGenAuth();
  app = createApp({ client: genauth.client });
});
afterAll(() => genauth.close());

const routes = STRATEGY_CLASSES.map((Strategy) => ({
  connection: Strategy.provider.connection as Connection,
  path: `/auth/${routeSegment(Strategy.provider.strategyName)}`,
}));

describe('the example app', () => {
  it('serves all 32 connections, each from its own provider strategy class', () => {
    expect(new Set(CONNECTIONS).size).toBe(32);
    expect(routes.map((route) => route.path)).toContain('/auth/wechat-mini-program-code-and-phone');
  });

  it.each(routes)('signs a user in with $connection at POST $path and answers { user, tokens }', async ({ connection, path }) => {
    const credential = genauth.emulator.mintCredential(connection, { user: 'alice', email: 'alice@example.com' });
    const res = await request(app).post(path).send(credential);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: expect.any(String), connection, email: 'alice@example.com' });
    expect(res.body.tokens).toMatchObject({
      accessToken: expect.any(String),
      idToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 1_209_600,
    });
    expect(genauth.emulator.requests.at(-1)?.body).toMatchObject({ connection, extIdpConnidentifier: connection });
  });

  it.each(routes)('signs a user in with $connection through the single POST /auth/mobile route', async ({ connection }) => {
    const credential = genauth.emulator.mintCredential(connection, { user: 'bob' });
    const res = await request(app)
      .post('/auth/mobile')
      .send({ connection, ...credential });
    expect(res.status).toBe(200);
    expect(res.body.user.connection).toBe(connection);
  });

  it('maps the same provider user to the same GenAuth user on every login', async () => {
    const first = await request(app)
      .post('/auth/apple')
      .send(genauth.emulator.mintCredential('apple', { user: 'carol' }));
    const second = await request(app)
      .post('/auth/apple')
      .send(genauth.emulator.mintCredential('apple', { user: 'carol' }));
    expect(first.status).toBe(200);
    expect(second.body.user.id).toBe(first.body.user.id);
  });

  it('answers GET /healthz with ok', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('sends each connection to the identity source the app configured for it', async () => {
    const custom = await startGenAuth({ identitySources: [{ extIdpConnidentifier: 'wechat-mobile', connection: 'wechat' }] });
    try {
      const configured = createApp({ client: custom.client, identitySources: { wechat: 'wechat-mobile' } });
      const res = await request(configured)
        .post('/auth/wechat')
        .send(custom.emulator.mintCredential('wechat', { user: 'dan' }));
      expect(res.status).toBe(200);
      expect(custom.emulator.requests.at(-1)?.body).toMatchObject({ extIdpConnidentifier: 'wechat-mobile' });
    } finally {
      await custom.close();
    }
  });

  it('refuses identity sources keyed by something that is not a connection', () => {
    expect(() => createApp({ client: genauth.client, identitySources: { 'wechat-mini': 'x' } })).toThrow(/unknown connection 'wechat-mini'/);
  });
});

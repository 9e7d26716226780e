import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import request from 'supertest';
import { AuthModule, configureApp } from '../src/auth.module';

let emulator: Emulator;
let client: GenAuthClient;
let app: INestApplication;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AuthModule.forRoot({ client })] }).compile();
  app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
});
afterAll(async () => {
  await app.close();
  await client.close();
  await emulator.close();
});

/** Signs a WeChat user in through the Nest app and returns the access token and user id. */
async function accessToken(user: string): Promise<{ token: string; id: string }> {
  const res = await request(app.getHttpServer()).post('/auth/wechat').send(emulator.mintCredential('wechat', { user }));
  expect(res.status).toBe(200);
  return { token: res.body.tokens.accessToken, id: res.body.user.id };
}

describe('the NestJS bearer guard', () => {
  it('lets a GenAuth access token through to GET /api/me, req.user from validate', async () => {
    const { token, id } = await accessToken('nina');
    const res = await request(app.getHttpServer()).get('/api/me').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { id, scopes: expect.arrayContaining(['openid']) } });
  });

  it('answers no token 401 with WWW-Authenticate: Bearer realm and the JSON of a failed login', async () => {
    const res = await request(app.getHttpServer()).get('/api/me');
    expect([res.status, res.headers['www-authenticate'], res.body]).toEqual([
      401,
      'Bearer realm="api"',
      { message: 'An access token is required: send Authorization: Bearer <token>', code: 'GENAUTH_ACCESS_TOKEN', status: 401 },
    ]);
  });

  it('answers a bad token 401 invalid_token', async () => {
    const res = await request(app.getHttpServer()).get('/api/me').set('authorization', 'Bearer not-a-jwt');
    expect([res.status, res.headers['www-authenticate'], res.body.code]).toEqual([
      401,
      'Bearer realm="api", error="invalid_token", error_description="The access token is not a JWT"',
      'GENAUTH_ACCESS_TOKEN',
    ]);
  });

  it("answers a route's missing @RequireScopes scope 403 insufficient_scope", async () => {
    const { token } = await accessToken('omar');
    const res = await request(app.getHttpServer()).get('/api/orders').set('authorization', `Bearer ${token}`);
    expect([res.status, res.headers['www-authenticate'], res.body]).toEqual([
      403,
      'Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope orders:read", scope="orders:read"',
      { message: 'The access token lacks the scope orders:read', code: 'GENAUTH_ACCESS_TOKEN', status: 403 },
    ]);
  });
});

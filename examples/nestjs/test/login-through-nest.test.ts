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

async function nestApp(genauthClient: GenAuthClient): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AuthModule.forRoot({ client: genauthClient })] }).compile();
  const nest = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(nest);
  return nest.init();
}

beforeAll(async () => {
  emulator = await startEmulator();
  client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  app = await nestApp(client);
});
afterEach(() => emulator.clearFaults());
afterAll(async () => {
  await app.close();
  await client.close();
  await emulator.close();
});

describe('the NestJS example', () => {
  it('signs a WeChat user in through the PassportStrategy mixin and answers { user, tokens } with 200', async () => {
    const res = await request(app.getHttpServer())
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'alice', name: 'Alice' }));
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: expect.any(String), connection: 'wechat', displayName: 'Alice' });
    expect(res.body.tokens).toMatchObject({ accessToken: expect.any(String), idToken: expect.any(String), tokenType: 'Bearer' });
  });

  it('signs an Apple user in through a second strategy with its own options', async () => {
    const res = await request(app.getHttpServer())
      .post('/auth/apple')
      .send(emulator.mintCredential('apple', { user: 'bob' }));
    expect(res.status).toBe(200);
    expect(res.body.user.connection).toBe('apple');
    expect(emulator.requests.at(-1)?.body).toMatchObject({ options: { scope: 'openid profile email' } });
  });

  it('answers 400 with the message and code when the code is missing, instead of a bare 401', async () => {
    const res = await request(app.getHttpServer()).post('/auth/wechat').send({});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'], message: expect.stringContaining('code') });
  });

  it("answers 401 with GenAuth's message, apiCode and requestId when GenAuth rejects the user", async () => {
    const res = await request(app.getHttpServer()).post('/auth/wechat').send({ code: 'locked-code' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      message: 'User is locked',
      apiCode: 2005,
      genauthStatusCode: 403,
      requestId: emulator.requests.at(-1)?.requestId,
    });
  });

  it('answers 502 GENAUTH_HTTP when the connection to GenAuth is reset', async () => {
    emulator.injectFaults({ kind: 'reset' });
    const res = await request(app.getHttpServer())
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'carol' }));
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 502 });
  });

  it('answers 503 GENAUTH_UPSTREAM when GenAuth is unavailable', async () => {
    emulator.injectFaults({ kind: 'status-503' });
    const res = await request(app.getHttpServer())
      .post('/auth/apple')
      .send(emulator.mintCredential('apple', { user: 'dave' }));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'GENAUTH_UPSTREAM', status: 503 });
  });

  it('answers 413 beyond the 64 kB JSON body limit', async () => {
    const res = await request(app.getHttpServer())
      .post('/auth/wechat')
      .send({ code: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
  });
});

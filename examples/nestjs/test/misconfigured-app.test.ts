import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import request from 'supertest';
import { AuthModule, configureApp } from '../src/auth.module';

// A file of its own: @nestjs/passport registers strategies on the global passport instance, so a
// second app in the same module registry would replace the first one's strategies.
let emulator: Emulator;
let client: GenAuthClient;
let app: INestApplication;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new GenAuthClient({ appHost: emulator.url, appId: DEMO_APP.appId, appSecret: 'wrong-secret', tokenEndpointAuthMethod: 'client_secret_basic' });
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

describe('a NestJS app with a wrong app secret', () => {
  it('answers 500 GENAUTH_CLIENT_AUTH with the requestId and without the secret', async () => {
    const res = await request(app.getHttpServer())
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'erin' }));
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'GENAUTH_CLIENT_AUTH', status: 500, requestId: expect.any(String) });
    expect(res.text).not.toContain('wrong-secret');
  });
});

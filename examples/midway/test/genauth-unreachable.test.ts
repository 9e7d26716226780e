import type { Application } from '@midwayjs/koa';
import { createHttpRequest } from '@midwayjs/mock';
import { startEmulator, type Emulator } from '@passport-genauth/emulator';
import { demoClientOptions, startMidwayApp, stopMidwayApp } from './support/midway-app';

let emulator: Emulator;
let app: Application;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  // A short deadline so that a GenAuth that never answers ends this test quickly.
  app = await startMidwayApp(demoClientOptions(emulator, { timeoutMs: 300 }));
});
afterAll(async () => {
  await stopMidwayApp(app);
  await emulator.close();
});

describe('the Midway example when GenAuth is unreachable', () => {
  it('answers 504 GENAUTH_HTTP as JSON when GenAuth does not answer in time', async () => {
    emulator.injectFaults({ kind: 'hang' });
    const res = await createHttpRequest(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'ivan' }));
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 504, message: expect.any(String) });
  });

  it('answers 502 GENAUTH_HTTP as JSON when nothing listens on GenAuth’s port any more', async () => {
    const credential = emulator.mintCredential('wechat', { user: 'judy' });
    await emulator.close();
    const res = await createHttpRequest(app).post('/auth/wechat').send(credential);
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'GENAUTH_HTTP', status: 502, message: expect.any(String) });
  });
});

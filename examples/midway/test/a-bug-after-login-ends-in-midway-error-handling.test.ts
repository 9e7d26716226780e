import type { Application } from '@midwayjs/koa';
import { createHttpRequest } from '@midwayjs/mock';
import { startEmulator, type Emulator } from '@passport-genauth/emulator';
import { demoClientOptions, startMidwayApp, stopMidwayApp } from './support/midway-app';
import { routeThatThrows } from './support/route-that-throws';

let emulator: Emulator;
let app: Application;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  emulator = await startEmulator({ port: 0 });
  app = await startMidwayApp(demoClientOptions(emulator), { imports: [routeThatThrows] });
});
afterAll(async () => {
  await stopMidwayApp(app);
  await emulator.close();
  process.off('unhandledRejection', onUnhandled);
});

describe('an exception in a Midway route handler after a successful login', () => {
  it("ends in Midway's error handling as a JSON 500, and the app keeps serving logins", async () => {
    const res = await createHttpRequest(app)
      .post('/auth/wechat/then-throw')
      .send(emulator.mintCredential('wechat', { user: 'grace' }));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL_ERROR', status: 500, message: 'Internal Server Error' });
    expect(emulator.stats()).toMatchObject({ received: 1, accepted: 1 });

    const next = await createHttpRequest(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'heidi' }));
    expect(next.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });
});

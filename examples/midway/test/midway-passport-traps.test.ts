import type { Application } from '@midwayjs/koa';
import { createHttpRequest } from '@midwayjs/mock';
import { startEmulator, subjectFor, type Emulator } from '@passport-genauth/emulator';
import * as passportWay from '../src/passport-way';
import { demoClientOptions, startMidwayApp, stopMidwayApp } from './support/midway-app';

// What these tests pin down are @midwayjs/passport 3's behaviours that make it the wrong bridge for a
// JSON mobile API (see README.md). If one starts failing, the component changed: update the README.

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

describe('@midwayjs/passport with its default configuration', () => {
  let app: Application;
  beforeAll(async () => {
    app = await startMidwayApp(demoClientOptions(emulator), { imports: [passportWay] });
  });
  afterAll(() => stopMidwayApp(app));

  it('turns a login GenAuth accepted into a 500: sessions are on app-wide and the route option session:false is ignored', async () => {
    const before = emulator.stats();
    const res = await createHttpRequest(app)
      .post('/passport/wechat')
      .send(emulator.mintCredential('wechat', { user: 'alice' }));
    expect(res.status).toBe(500);
    // The one-time code is spent all the same.
    expect(emulator.stats()).toMatchObject({ received: before.received + 1, accepted: before.accepted + 1 });
  });
});

describe('@midwayjs/passport with passport.session = false', () => {
  let app: Application;
  beforeAll(async () => {
    app = await startMidwayApp(demoClientOptions(emulator), { imports: [passportWay], config: { passport: { session: false } } });
  });
  afterAll(() => stopMidwayApp(app));

  it('signs a WeChat user in with { user, tokens } once sessions are off app-wide', async () => {
    const res = await createHttpRequest(app)
      .post('/passport/wechat')
      .send(emulator.mintCredential('wechat', { user: 'bob', name: 'Bob' }));
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: subjectFor('wechat', 'bob'), connection: 'wechat', displayName: 'Bob' });
    expect(res.body.tokens).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer' });
  });

  it('answers a missing code with a bare 401 instead of a 400 naming the field', async () => {
    const res = await createHttpRequest(app).post('/passport/wechat').send({});
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'UNAUTHORIZED', status: 401, message: 'Unauthorized' });
  });

  it("drops GenAuth's apiCode and requestId from a rejected login", async () => {
    const res = await createHttpRequest(app).post('/passport/wechat').send({ code: 'locked-user-code' });
    expect(res.status).toBe(401);
    expect(emulator.requests.at(-1)).toMatchObject({ outcome: 'rejected' });
    expect(res.body).not.toHaveProperty('apiCode');
    expect(res.body).not.toHaveProperty('requestId');
  });

  it('answers GenAuth being down with a 500 instead of 502 GENAUTH_HTTP', async () => {
    emulator.injectFaults({ kind: 'reset' });
    const res = await createHttpRequest(app)
      .post('/passport/wechat')
      .send(emulator.mintCredential('wechat', { user: 'carol' }));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL_ERROR', status: 500, message: 'Internal Server Error' });
  });

  it('runs every registered strategy on every passport route: an Apple code signs in on the WeChat route', async () => {
    // Each middleware registers its strategy on the shared authenticator the first time it runs.
    await createHttpRequest(app).post('/passport/apple').send({});
    const before = emulator.stats();
    const res = await createHttpRequest(app)
      .post('/passport/wechat')
      .send(emulator.mintCredential('apple', { user: 'eve' }));
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: subjectFor('apple', 'eve'), connection: 'apple' });
    // Two exchanges for one request: WeChat's (rejected), then Apple's (accepted).
    expect(emulator.stats().received).toBe(before.received + 2);
    expect(emulator.requests.slice(-2).map((entry) => [entry.connection, entry.outcome])).toEqual([
      ['wechat', 'rejected'],
      ['apple', 'accepted'],
    ]);
  });
});

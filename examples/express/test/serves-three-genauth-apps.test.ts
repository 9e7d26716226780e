import request from 'supertest';
import { createApp } from '../src/app';
import { CLIENT_APPS } from '../src/client-apps';
import { readConfig } from '../src/config';
import { connectGenAuth, type GenAuthConnection } from '../src/connect';

let genauth: GenAuthConnection;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  genauth = await connectGenAuth(readConfig({}));
  app = createApp({ client: genauth.apps, identitySources: genauth.identitySources });
});
afterAll(() => genauth.close());

const emulator = () => genauth.emulator!;
const mint = (user: string) => emulator().mintCredential('wechat', { user });
const lastSignIn = () =>
  emulator()
    .requests.filter((entry) => entry.path.endsWith('/signin-by-mobile'))
    .at(-1)!;

async function login(alias: string, user: string) {
  const res = await request(app).post('/auth/wechat').set('x-client-app', alias).send(mint(user));
  expect(res.status).toBe(200);
  return res.body as { user: { id: string; app: string }; tokens: { accessToken: string; refreshToken: string; app: string } };
}

describe('one Express route serving three GenAuth applications (x-client-app)', () => {
  it("signs each app's users in with that app's own client authentication", async () => {
    const ios = await login('ios', 'ivy');
    expect(ios.user.app).toBe('ios');
    expect(lastSignIn().headers['x-authing-app-id']).toBe(CLIENT_APPS.ios.appId);
    expect(String(lastSignIn().headers.authorization)).toMatch(/^Basic /);

    const android = await login('android', 'andy');
    expect(android.tokens.app).toBe('android');
    expect(lastSignIn().headers['x-authing-app-id']).toBe(CLIENT_APPS.android.appId);
    expect(lastSignIn().headers.authorization).toBeUndefined();
    expect(lastSignIn().body).toMatchObject({ client_id: CLIENT_APPS.android.appId });

    const mini = await login('miniapp', 'mina');
    expect(mini.user.app).toBe('miniapp');
    expect(lastSignIn().headers.authorization).toBeUndefined();
    expect(lastSignIn().body).not.toHaveProperty('client_secret');
  });

  it('answers 400 for an app it does not know, without calling GenAuth', async () => {
    const before = emulator().stats().received;
    const res = await request(app).post('/auth/wechat').set('x-client-app', 'windows-phone').send(mint('nobody'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'GENAUTH_UNKNOWN_APP', status: 400 });
    expect(emulator().stats().received).toBe(before);
  });

  it("refuses one app's access token on another app's API, and accepts it on its own", async () => {
    const android = await login('android', 'andrea');
    const onIos = await request(app).get('/api/me').set('x-client-app', 'ios').set('authorization', `Bearer ${android.tokens.accessToken}`);
    expect(onIos.status).toBe(401);
    expect(onIos.headers['www-authenticate']).toContain('error="invalid_token"');
    const onAndroid = await request(app).get('/api/me').set('x-client-app', 'android').set('authorization', `Bearer ${android.tokens.accessToken}`);
    expect(onAndroid.status).toBe(200);
    expect(onAndroid.body.user).toMatchObject({ id: android.user.id, app: 'android' });
  });

  it("refreshes through the selected app only: another app's refresh token is refused", async () => {
    const ios = await login('ios', 'irene');
    const wrongApp = await request(app).post('/auth/refresh').set('x-client-app', 'android').send({ refreshToken: ios.tokens.refreshToken });
    expect(wrongApp.status).toBe(401);
    expect(wrongApp.body).toMatchObject({ code: 'GENAUTH_INVALID_GRANT' });
    const ownApp = await request(app).post('/auth/refresh').set('x-client-app', 'ios').send({ refreshToken: ios.tokens.refreshToken });
    expect(ownApp.status).toBe(200);
    expect(ownApp.body.user).toMatchObject({ id: ios.user.id, app: 'ios' });
  });

  it('keeps per-app user tables apart: the same provider user in two apps is two users', async () => {
    const inIos = await login('ios', 'same-person');
    const inAndroid = await login('android', 'same-person');
    const me = await request(app).get('/api/me').set('x-client-app', 'ios').set('authorization', `Bearer ${inIos.tokens.accessToken}`);
    expect(me.body.user.app).toBe('ios');
    expect(inAndroid.user.app).toBe('android');
  });
});

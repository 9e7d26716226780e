import { GenAuthApps, GenAuthBearerStrategy, GenAuthClient } from '@passport-genauth/core';
import { startEmulator, type Emulator } from '@passport-genauth/emulator';
import { jsonErrors } from '@passport-genauth/testing';
import express, { type Express } from 'express';
import { Passport } from 'passport';
import request from 'supertest';

describe('genauth-bearer with a GenAuthApps registry: the request selects the app, whose client checks the token', () => {
  let emulator: Emulator;
  let apps: GenAuthApps;
  let app: Express;
  const clientFor = (appId: string) =>
    new GenAuthClient({ appHost: emulator.url, appId, appSecret: `${appId}-secret`, tokenEndpointAuthMethod: 'client_secret_post' });

  beforeAll(async () => {
    emulator = await startEmulator({
      apps: ['ios-app', 'android-app'].map((appId) => ({ appId, appSecret: `${appId}-secret`, tokenEndpointAuthMethod: 'client_secret_post' as const })),
    });
    apps = new GenAuthApps({
      apps: {
        ios: { appHost: emulator.url, appId: 'ios-app', appSecret: 'ios-app-secret' },
        android: { appHost: emulator.url, appId: 'android-app', appSecret: 'android-app-secret' },
      },
      select: (req) => req.headers['x-app'] as string | undefined,
    });
    const passport = new Passport();
    passport.use(new GenAuthBearerStrategy({ client: apps, introspect: true, introspectCacheMs: 60_000 }, async (claims) => ({ id: claims.sub })));
    app = express();
    app.get('/api/me', passport.authenticate('genauth-bearer', { session: false, failWithError: true }), (req, res) => res.json(req.authInfo));
    app.use(jsonErrors);
  });
  afterAll(async () => {
    await apps.close();
    await emulator.close();
  });

  async function accessTokenOf(appId: string): Promise<string> {
    const client = clientFor(appId);
    try {
      const { tokens } = await client.signInByMobile({
        connection: 'wechat',
        extIdpConnidentifier: 'wechat',
        payloadKey: 'wechatPayload',
        payload: { ...emulator.mintCredential('wechat', { user: `u-${appId}` }) },
      });
      return tokens.accessToken;
    } finally {
      await client.close();
    }
  }

  it("accepts each app's token for that app only, and names the app in req.authInfo", async () => {
    const android = await accessTokenOf('android-app');
    const ok = await request(app)
      .get('/api/me')
      .set({ authorization: `Bearer ${android}`, 'x-app': 'android' });
    expect([ok.status, ok.body.app, ok.body.aud]).toEqual([200, 'android', 'android-app']);
    const foreign = await request(app)
      .get('/api/me')
      .set({ authorization: `Bearer ${android}`, 'x-app': 'ios' });
    expect([foreign.status, foreign.headers['www-authenticate']]).toEqual([
      401,
      expect.stringMatching(/error="invalid_token", error_description="The access token was refused: unexpected 'aud' claim value"/),
    ]);
  });

  it('answers a request naming an unknown app 400 invalid_request, without asking GenAuth', async () => {
    const token = await accessTokenOf('ios-app');
    const before = emulator.requests.length;
    const res = await request(app)
      .get('/api/me')
      .set({ authorization: `Bearer ${token}`, 'x-app': 'web' });
    expect([res.status, res.body.code, res.headers['www-authenticate']]).toEqual([
      400,
      'GENAUTH_UNKNOWN_APP',
      expect.stringContaining('error="invalid_request"'),
    ]);
    expect(emulator.requests.length).toBe(before);
  });
});

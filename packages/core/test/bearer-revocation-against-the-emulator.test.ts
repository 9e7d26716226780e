import { GenAuthBearerStrategy, GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import { jsonErrors } from '@passport-genauth/testing';
import express, { type Express } from 'express';
import { Passport } from 'passport';
import request from 'supertest';

describe('genauth-bearer with introspection against the emulator: a revoked token is refused within introspectCacheMs', () => {
  let emulator: Emulator;
  let client: GenAuthClient;
  let app: Express;

  beforeAll(async () => {
    emulator = await startEmulator();
    client = new GenAuthClient({
      appHost: emulator.url,
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    });
    const passport = new Passport();
    const verify = async (claims: { sub: string }) => ({ id: claims.sub });
    passport.use(new GenAuthBearerStrategy({ client, name: 'offline' }, verify));
    passport.use(new GenAuthBearerStrategy({ client, name: 'strict', introspect: true, introspectCacheMs: 0 }, verify));
    passport.use(new GenAuthBearerStrategy({ client, name: 'windowed', introspect: true, introspectCacheMs: 3_600_000 }, verify));
    app = express();
    for (const name of ['offline', 'strict', 'windowed']) {
      app.get(`/${name}`, passport.authenticate(name, { session: false, failWithError: true }), (req, res) => res.json(req.user));
    }
    app.use(jsonErrors);
  });
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  async function login(user: string) {
    const { tokens } = await client.signInByMobile({
      connection: 'wechat',
      extIdpConnidentifier: 'wechat',
      payloadKey: 'wechatPayload',
      payload: { ...emulator.mintCredential('wechat', { user }) },
      options: { scope: 'openid profile offline_access' },
    });
    return tokens as typeof tokens & { refreshToken: string };
  }

  const call = (path: string, token: string) => request(app).get(path).set('authorization', `Bearer ${token}`);

  it('revoking the access token: refused at once with introspectCacheMs 0, accepted offline until exp, and within a cached window', async () => {
    const { accessToken } = await login('sara');
    for (const path of ['/offline', '/strict', '/windowed']) expect((await call(path, accessToken)).status).toBe(200);
    const asked = emulator.requestsTo('introspection').length;

    await client.revoke(accessToken, { tokenTypeHint: 'access_token' });

    const strict = await call('/strict', accessToken);
    expect([strict.status, strict.body.code, strict.headers['www-authenticate']]).toEqual([
      401,
      'GENAUTH_ACCESS_TOKEN',
      expect.stringContaining('error="invalid_token"'),
    ]);
    expect((await call('/offline', accessToken)).status).toBe(200);
    expect((await call('/windowed', accessToken)).status).toBe(200);
    // The strict route asked GenAuth; the windowed one reused its answer from before the revocation.
    expect(emulator.requestsTo('introspection')).toHaveLength(asked + 1);
  });

  it('revoking the refresh token (a logout) ends the grant: its access token is refused by the introspecting route', async () => {
    const { accessToken, refreshToken } = await login('tom');
    expect((await call('/strict', accessToken)).status).toBe(200);
    await client.revoke(refreshToken, { tokenTypeHint: 'refresh_token' });
    expect((await call('/strict', accessToken)).status).toBe(401);
  });
});

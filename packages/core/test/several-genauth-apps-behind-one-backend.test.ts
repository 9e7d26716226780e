import { GenAuthApps, IdTokenError, type GenAuthClientOptions } from '@passport-genauth/core';
import { startEmulator, type Emulator, type EmulatorApp } from '@passport-genauth/emulator';
import { APP, ISSUER, loginApp, signRs256 } from '@passport-genauth/testing';
import request from 'supertest';
import { CodeStrategy, codeSignIn, startMock, successBody } from './support/providers';
import { rejectionOf } from './support/failures';
import { authorizationCodeProvider, defineStrategy } from '../src';

const IOS: EmulatorApp = { appId: 'ios-app', appSecret: 'ios-secret', tokenEndpointAuthMethod: 'client_secret_basic' };
const ANDROID: EmulatorApp = { appId: 'android-app', appSecret: 'android-secret', tokenEndpointAuthMethod: 'client_secret_post' };
const MINIAPP: EmulatorApp = { appId: 'mini-app', tokenEndpointAuthMethod: 'none' };

const wechat = authorizationCodeProvider({ connection: 'wechat', payloadKey: 'wechatPayload', title: 'WeChat' });
class WechatStrategy extends defineStrategy(wechat) {}

const optionsFor = (emulator: Emulator, app: EmulatorApp): GenAuthClientOptions => ({
  appHost: emulator.url,
  appId: app.appId,
  ...(app.appSecret ? { appSecret: app.appSecret } : {}),
  tokenEndpointAuthMethod: app.tokenEndpointAuthMethod,
});

describe('GenAuthApps: several GenAuth applications behind one backend', () => {
  let emulator: Emulator;
  let apps: GenAuthApps;

  beforeAll(async () => {
    emulator = await startEmulator({ apps: [IOS, ANDROID, MINIAPP] });
    apps = new GenAuthApps({
      apps: { ios: optionsFor(emulator, IOS), android: optionsFor(emulator, ANDROID), miniapp: optionsFor(emulator, MINIAPP) },
      select: (req) => req.headers['x-client-app'] as string | undefined,
      default: 'ios',
    });
  });
  afterAll(async () => {
    await apps.close();
    await emulator.close();
  });

  /** One route on the registry; the verify answers the app the user came through. */
  const app = (route: Record<string, unknown> = {}) => {
    const strategy = new WechatStrategy({ client: apps, extIdpConnidentifier: 'wechat' }, async (_tokens, profile) => ({ id: profile.id, app: profile.app }));
    const express = loginApp([strategy]);
    return { express, strategy, route };
  };
  const mint = (user: string) => emulator.mintCredential('wechat', { user });
  const lastSignIn = () => emulator.requests.filter((entry) => entry.path.endsWith('/signin-by-mobile')).at(-1);

  it("signs in through the app the selector names, with that app's own client authentication on the wire", async () => {
    const cases = [
      [
        'ios',
        IOS,
        (headers: Record<string, unknown>, body: Record<string, unknown>) => {
          expect(String(headers.authorization)).toMatch(/^Basic /);
          expect(body).not.toHaveProperty('client_secret');
        },
      ],
      [
        'android',
        ANDROID,
        (headers: Record<string, unknown>, body: Record<string, unknown>) => {
          expect(headers.authorization).toBeUndefined();
          expect(body).toMatchObject({ client_id: ANDROID.appId });
          expect(body).toHaveProperty('client_secret');
        },
      ],
      [
        'miniapp',
        MINIAPP,
        (headers: Record<string, unknown>, body: Record<string, unknown>) => {
          expect(headers.authorization).toBeUndefined();
          expect(body).not.toHaveProperty('client_secret');
        },
      ],
    ] as const;
    for (const [alias, config, wire] of cases) {
      const res = await request(app().express)
        .post('/login/genauth-wechat')
        .set('x-client-app', alias)
        .send(mint(`${alias}-user`));
      expect(res.status).toBe(200);
      expect(res.body.user.app).toBe(alias);
      expect(res.body.tokens.app).toBe(alias);
      const sent = lastSignIn()!;
      expect(sent.headers['x-authing-app-id']).toBe(config.appId);
      wire(sent.headers, sent.body as Record<string, unknown>);
    }
  });

  it('prefers the route pin over the selector, the selector over the default, and falls back to the default', async () => {
    const passportApp = app().express;
    const pinned = new WechatStrategy({ client: apps, extIdpConnidentifier: 'wechat' }, async (_t, profile) => ({ id: profile.id, app: profile.app }));
    const { Passport } = await import('passport');
    const express = (await import('express')).default;
    const passport = new Passport();
    passport.use(pinned);
    const pinnedApp = express();
    pinnedApp.use(express.json());
    pinnedApp.post('/mini', passport.authenticate('genauth-wechat', { session: false, app: 'miniapp' } as never), (req, res) => {
      res.json({ user: req.user });
    });
    const viaPin = await request(pinnedApp).post('/mini').set('x-client-app', 'android').send(mint('pinned'));
    expect(viaPin.body.user.app).toBe('miniapp');
    const viaSelector = await request(passportApp).post('/login/genauth-wechat').set('x-client-app', 'android').send(mint('selected'));
    expect(viaSelector.body.user.app).toBe('android');
    const viaDefault = await request(passportApp).post('/login/genauth-wechat').send(mint('defaulted'));
    expect(viaDefault.body.user.app).toBe('ios');
  });

  it('answers 400 for an alias the registry does not know, without a request to GenAuth', async () => {
    const before = emulator.stats().received;
    for (const alias of ['tvos', '../../evil', 'https://evil.example', 'x'.repeat(200)]) {
      const res = await request(app().express).post('/login/genauth-wechat').set('x-client-app', alias).send(mint('nobody'));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'GENAUTH_UNKNOWN_APP', status: 400 });
      expect(res.body.message).toContain('one of ios, android, miniapp');
    }
    expect(emulator.stats().received).toBe(before);
  });

  it('answers 400 when no app is named and there is no default, without a request to GenAuth', async () => {
    const noDefault = new GenAuthApps({ apps: { ios: optionsFor(emulator, IOS) }, select: (req) => req.headers['x-client-app'] as string | undefined });
    try {
      const before = emulator.stats().received;
      const res = await request(loginApp([new WechatStrategy({ client: noDefault, extIdpConnidentifier: 'wechat' }, () => ({ id: 'x' }))]))
        .post('/login/genauth-wechat')
        .send(mint('unnamed'));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'GENAUTH_UNKNOWN_APP', message: 'No application selected for this request: one of ios' });
      expect(emulator.stats().received).toBe(before);
    } finally {
      await noDefault.close();
    }
  });

  it('ends the login in an error (500), not a crash, when the selector throws', async () => {
    const throwing = new GenAuthApps({
      apps: { ios: optionsFor(emulator, IOS) },
      select: () => {
        throw new Error('selector bug');
      },
    });
    try {
      const res = await request(loginApp([new WechatStrategy({ client: throwing, extIdpConnidentifier: 'wechat' }, () => ({ id: 'x' }))]))
        .post('/login/genauth-wechat')
        .send(mint('thrown'));
      expect(res.status).toBe(500);
    } finally {
      await throwing.close();
    }
  });

  it('builds each client once: many requests reuse the same clients', async () => {
    const first = await apps.client('android');
    for (let i = 0; i < 5; i += 1)
      await request(app().express)
        .post('/login/genauth-wechat')
        .set('x-client-app', 'android')
        .send(mint(`reuse-${i}`));
    expect(await apps.client('android')).toBe(first);
    expect(apps.aliases).toEqual(['ios', 'android', 'miniapp']);
  });
});

describe('GenAuthApps with lazily resolved applications', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ apps: [IOS, ANDROID] });
  });
  afterAll(() => emulator.close());

  const openSockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;

  it('resolves each alias once, keeps at most cacheSize apps, and closes the pool of an evicted one', async () => {
    const resolved: string[] = [];
    const tenants: Record<string, EmulatorApp> = { 'tenant-ios': IOS, 'tenant-android': ANDROID };
    const apps = new GenAuthApps({
      resolve: async (alias) => {
        resolved.push(alias);
        const config = tenants[alias];
        return config ? optionsFor(emulator, config) : undefined;
      },
      select: (req) => req.headers['x-tenant'] as string | undefined,
      cacheSize: 1,
    });
    try {
      const express = loginApp([new WechatStrategy({ client: apps, extIdpConnidentifier: 'wechat' }, (_t, profile) => ({ id: profile.id, app: profile.app }))]);
      const login = (tenant: string) =>
        request(express)
          .post('/login/genauth-wechat')
          .set('x-tenant', tenant)
          .send(emulator.mintCredential('wechat', { user: `${tenant}-u` }));
      await Promise.all([login('tenant-ios'), login('tenant-ios'), login('tenant-ios')]);
      expect(resolved).toEqual(['tenant-ios']);
      const iosClient = (await apps.client('tenant-ios'))!;
      const closed = jest.spyOn(iosClient, 'close');
      const withIosPool = openSockets();
      expect((await login('tenant-android')).body.user.app).toBe('tenant-android');
      expect(apps.cachedApps).toBe(1);
      // tenant-ios was evicted: its pool closed and its keep-alive socket with it (android's opened one).
      expect(closed).toHaveBeenCalledTimes(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(openSockets()).toBeLessThanOrEqual(withIosPool);
      expect((await login('unknown-tenant')).status).toBe(400);
      expect(resolved).toEqual(['tenant-ios', 'tenant-android', 'unknown-tenant']);
      await login('tenant-ios');
      expect(resolved).toEqual(['tenant-ios', 'tenant-android', 'unknown-tenant', 'tenant-ios']);
    } finally {
      await apps.close();
    }
  });
});

describe('a token is verified against the selected app only', () => {
  it('refuses an Android id_token on a request that selected iOS, although both share a host and a JWKS', async () => {
    const mock = await startMock();
    mock.serveJwks();
    const shared = { appHost: APP.appHost, dispatcher: mock.agent, idToken: { jwksCooldownMs: 0 } } as const;
    const apps = new GenAuthApps({
      apps: { ios: { ...shared, appId: 'ios-app', appSecret: 'a' }, android: { ...shared, appId: 'android-app', appSecret: 'b' } },
    });
    try {
      const androidToken = await signRs256(mock.key, { iss: ISSUER, aud: 'android-app' });
      mock.onSignIn(() => ({ body: successBody(androidToken) }));
      const ios = (await apps.client('ios'))!;
      expect(await rejectionOf(ios.signInByMobile(codeSignIn()))).toBeInstanceOf(IdTokenError);
      mock.onSignIn(() => ({ body: successBody(androidToken) }));
      await expect((await apps.client('android'))!.signInByMobile(codeSignIn())).resolves.toMatchObject({ claims: { aud: 'android-app' } });
    } finally {
      await apps.close();
      await mock.close();
    }
  });
});

describe('GenAuthApps options', () => {
  it('refuses bad configuration at construction, naming each problem', () => {
    expect(() => new GenAuthApps({ apps: {}, default: 'ios' })).toThrow(/apps: register at least one application[\s\S]*default: must be one of/);
    expect(() => new GenAuthApps({ apps: { 'bad alias!': { appHost: 'https://x.genauth.ai', appId: 'a' } } })).toThrow('apps.bad alias!: an alias is');
    expect(() => new GenAuthApps({ apps: { ios: { appHost: 'http://evil.example', appId: 'a' } } })).toThrow('apps.ios.appHost');
  });

  it('a single-client strategy refuses a route pin (it needs a registry)', async () => {
    const mock = await startMock();
    const client = mock.client();
    try {
      const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'x' }, () => ({ id: 'u' }));
      const outcome = await strategy.login({ headers: {}, body: { code: 'c' } }, { app: 'ios' });
      expect(outcome).toMatchObject({ type: 'error', error: { code: 'GENAUTH_INVALID_OPTIONS' } });
    } finally {
      await client.close();
      await mock.close();
    }
  });
});

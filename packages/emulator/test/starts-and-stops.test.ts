import { request } from 'undici';
import { DEMO_APP, startEmulator, type EmulatorOptions } from '../src/index';
import { startHarness } from './support/harness';

describe('startEmulator()', () => {
  it('listens on a free port of 127.0.0.1 with the demo app and one identity source per connection', async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.apps).toEqual([DEMO_APP]);
      expect(DEMO_APP).toEqual({
        appId: 'demo-app',
        appSecret: 'demo-secret',
        tokenEndpointAuthMethod: 'client_secret_basic',
        idTokenSigningAlg: 'RS256',
      });
      expect(emulator.identitySources).toHaveLength(32);
      expect(emulator.identitySources[8]).toEqual({ extIdpConnidentifier: 'lark_internal', connection: 'lark_internal' });
    } finally {
      await emulator.close();
    }
  });

  it('gives two emulators different ports, keys and request ids', async () => {
    const [a, b] = await Promise.all([startHarness(), startHarness()]);
    try {
      expect(a.url).not.toBe(b.url);
      expect(a.emulator.currentKid).not.toBe(b.emulator.currentKid);
      const idA = (await a.get('/oidc/.well-known/jwks.json')).headers['x-request-id'];
      const idB = (await b.get('/oidc/.well-known/jwks.json')).headers['x-request-id'];
      expect(idA).not.toBe(idB);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('rejects invalid options, naming each problem', async () => {
    const bad = {
      port: -1,
      apps: [
        { appId: 'x', tokenEndpointAuthMethod: 'client_secret_jwt' },
        { appId: 'y', tokenEndpointAuthMethod: 'client_secret_basic' },
      ],
      identitySources: [{ extIdpConnidentifier: 'w', connection: 'wechat_web' }],
      tokenLifetimes: { accessToken: 0 },
      fault: true,
    } as unknown as EmulatorOptions;
    await expect(startEmulator(bad)).rejects.toThrow(
      new TypeError(
        [
          'Invalid emulator options:',
          '- options.fault is not a known option',
          '- port must be an integer 0-65535',
          '- apps[0].tokenEndpointAuthMethod must be one of none, client_secret_post, client_secret_basic',
          '- apps[1].appSecret is required with client_secret_basic',
          '- identitySources[0].connection must be one of the 32 connections',
          '- tokenLifetimes.accessToken must be a positive integer (seconds)',
        ].join('\n'),
      ),
    );
  });

  it('fails to start on a port in use', async () => {
    const first = await startEmulator();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startEmulator({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });
});

describe('close()', () => {
  it('stops listening, is idempotent, and closes kept-alive connections', async () => {
    const emulator = await startEmulator();
    const answer = await request(`${emulator.url}/oidc/.well-known/jwks.json`);
    await answer.body.text();
    const first = emulator.close();
    expect(emulator.close()).toBe(first);
    await first;
    await emulator.close();
    await expect(request(`${emulator.url}/oidc/.well-known/jwks.json`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

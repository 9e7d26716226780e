import { AccessTokenError, GenAuthClient, GrantRejectedError, type TokenEndpointAuthMethod } from '@passport-genauth/core';
import { startEmulator, type Emulator, type EmulatorApp } from '@passport-genauth/emulator';
import { rejectionOf } from './support/failures';

const SCOPE = 'openid profile offline_access';

/** An app of the emulator configured per endpoint, and a client configured the same way. */
interface Setup {
  readonly app: EmulatorApp;
  readonly client: (emulator: Emulator) => GenAuthClient;
}

function setup(appId: string, token: TokenEndpointAuthMethod, introspection: TokenEndpointAuthMethod, revocation: TokenEndpointAuthMethod): Setup {
  const app: EmulatorApp = {
    appId,
    appSecret: `${appId}-secret`,
    tokenEndpointAuthMethod: token,
    introspectionEndpointAuthMethod: introspection,
    revocationEndpointAuthMethod: revocation,
  };
  return {
    app,
    client: (emulator) =>
      new GenAuthClient({
        appHost: emulator.url,
        appId,
        appSecret: `${appId}-secret`,
        tokenEndpointAuthMethod: token,
        introspectionEndpointAuthMethod: introspection,
        revocationEndpointAuthMethod: revocation,
      }),
  };
}

const SETUPS = [
  setup('all-post', 'client_secret_post', 'client_secret_post', 'client_secret_post'),
  setup('all-basic', 'client_secret_basic', 'client_secret_basic', 'client_secret_basic'),
  setup('all-none', 'none', 'none', 'none'),
  setup('mixed', 'client_secret_basic', 'client_secret_post', 'none'),
];

async function signIn(emulator: Emulator, client: GenAuthClient, user: string) {
  const { tokens } = await client.signInByMobile({
    connection: 'wechat',
    extIdpConnidentifier: 'wechat',
    payloadKey: 'wechatPayload',
    payload: { ...emulator.mintCredential('wechat', { user }) },
    options: { scope: SCOPE },
  });
  return tokens as typeof tokens & { refreshToken: string };
}

describe('the token lifecycle against the emulator in strict mode (one client authentication mechanism per request)', () => {
  let emulator: Emulator;
  const clients: GenAuthClient[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ apps: SETUPS.map((entry) => entry.app), clientAuthStrictness: 'strict' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await emulator.close();
  });

  it.each(SETUPS.map((entry) => [entry.app.appId, entry] as const))(
    '%s: verify, introspect, userinfo, refresh, revoke, and every revoked token refused',
    async (_name, entry) => {
      const client = entry.client(emulator);
      clients.push(client);
      const tokens = await signIn(emulator, client, `user-of-${entry.app.appId}`);

      const claims = await client.verifyAccessToken(tokens.accessToken, { scopes: ['openid', 'offline_access'] });
      expect(Object.keys(claims)).toEqual(['jti', 'sub', 'iat', 'exp', 'scope', 'iss', 'aud']);
      await expect(client.introspect(tokens.accessToken)).resolves.toMatchObject({
        active: true,
        sub: claims.sub,
        jti: claims.jti,
        clientId: entry.app.appId,
        tokenType: 'Bearer',
      });
      await expect(client.userInfo(tokens.accessToken)).resolves.toMatchObject({ sub: claims.sub });

      const refreshed = await client.refresh(tokens.refreshToken);
      expect(refreshed.tokens.refreshToken).toBe(tokens.refreshToken);
      expect(refreshed.claims.sub).toBe(claims.sub);

      await client.revoke(refreshed.tokens.refreshToken, { tokenTypeHint: 'refresh_token' });
      await expect(client.introspect(refreshed.tokens.accessToken)).resolves.toEqual({ active: false });
      expect(await rejectionOf(client.refresh(refreshed.tokens.refreshToken))).toBeInstanceOf(GrantRejectedError);
      expect(await rejectionOf(client.userInfo(refreshed.tokens.accessToken))).toBeInstanceOf(AccessTokenError);
      // As on GenAuth: offline verification does not see revocation.
      await expect(client.verifyAccessToken(refreshed.tokens.accessToken)).resolves.toMatchObject({ sub: claims.sub });

      const received = emulator.requests.filter(
        (logged) => logged.appId === entry.app.appId && logged.endpoint !== 'signin-by-mobile' && logged.endpoint !== 'userinfo',
      );
      expect(received.filter((request) => request.error === 'invalid_request' || request.error === 'invalid_client')).toEqual([]);
      // Every request authenticated exactly as its endpoint is configured (never both mechanisms at once).
      const presented = new Set(received.map((request) => `${request.endpoint}:${String(request.clientAuthMethod)}`));
      expect([...presented].sort()).toEqual(
        [
          `introspection:${entry.app.introspectionEndpointAuthMethod}`,
          `revocation:${entry.app.revocationEndpointAuthMethod}`,
          `token:${entry.app.tokenEndpointAuthMethod}`,
        ].sort(),
      );
    },
  );
});

describe('refresh-token rotation (the emulator rotation mode)', () => {
  let emulator: Emulator;
  let client: GenAuthClient;
  beforeAll(async () => {
    emulator = await startEmulator({ refreshTokenRotation: true });
    client = new GenAuthClient({ appHost: emulator.url, appId: 'demo-app', appSecret: 'demo-secret', tokenEndpointAuthMethod: 'client_secret_basic' });
  });
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  it('hands back the rotated refresh token; presenting the old one is invalid_grant and ends the whole grant', async () => {
    const tokens = await signIn(emulator, client, 'rita');
    const first = await client.refresh(tokens.refreshToken);
    expect(first.tokens.refreshToken).not.toBe(tokens.refreshToken);
    const second = await client.refresh(first.tokens.refreshToken);
    expect(second.tokens.refreshToken).not.toBe(first.tokens.refreshToken);

    expect(await rejectionOf(client.refresh(tokens.refreshToken))).toBeInstanceOf(GrantRejectedError);
    expect(await rejectionOf(client.refresh(second.tokens.refreshToken))).toBeInstanceOf(GrantRejectedError);
    await expect(client.introspect(second.tokens.accessToken)).resolves.toEqual({ active: false });
  });
});

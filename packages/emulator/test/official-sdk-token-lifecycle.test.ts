import { AuthenticationClient } from 'authing-node-sdk';
import type { TokenEndpointAuthMethod } from '../src/index';
import { startHarness, type Harness } from './support/harness';
import { appFor, BASIC_APP, claimsOf, login, METHOD_APPS } from './support/lifecycle';

// GenAuth's own Node SDK (authing-node-sdk 4.0.1), unchanged, against the emulator: its four token
// lifecycle calls under each client authentication method.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    apps: [
      ...METHOD_APPS,
      // The SDK in basic mode also sends Basic to endpoints configured otherwise (contract §7).
      {
        appId: 'mixed-app',
        appSecret: 'mi+xed/se=cr:et',
        tokenEndpointAuthMethod: 'client_secret_basic',
        introspectionEndpointAuthMethod: 'client_secret_post',
        revocationEndpointAuthMethod: 'none',
      },
    ],
  });
});
afterAll(() => h.close());

function sdkFor(method: TokenEndpointAuthMethod): AuthenticationClient {
  const app = appFor(method);
  return new AuthenticationClient({
    appId: app.appId,
    ...(app.appSecret === undefined ? {} : { appSecret: app.appSecret }),
    appHost: h.url,
    tokenEndPointAuthMethod: method,
    introspectionEndPointAuthMethod: method,
    revocationEndPointAuthMethod: method,
  });
}

const lastTo = (endpoint: 'token' | 'revocation' | 'introspection' | 'userinfo') => h.emulator.requestsTo(endpoint).at(-1);

describe.each(['client_secret_post', 'client_secret_basic', 'none'] as const)('authing-node-sdk with %s on every endpoint', (method) => {
  const app = appFor(method);

  it('getNewAccessTokenByRefreshToken gets a new access token and id_token, and the same refresh token back', async () => {
    const tokens = await login(h, app, `sdk-refresh-${method}`);
    const refreshed = await sdkFor(method).getNewAccessTokenByRefreshToken(tokens.refresh_token!);
    expect(Object.keys(refreshed)).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type']);
    expect(refreshed).toMatchObject({
      refresh_token: tokens.refresh_token,
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
      expires_in: 1_209_600,
    });
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(claimsOf(refreshed.access_token)['sub']).toBe(claimsOf(tokens.access_token)['sub']);
    expect(lastTo('token')).toMatchObject({ outcome: 'accepted', httpStatus: 200, appId: app.appId, clientAuthMethod: method, tokenKind: 'refresh_token' });
  });

  it('introspectToken describes a live access token and refresh token', async () => {
    const tokens = await login(h, app, `sdk-introspect-${method}`);
    const sdk = sdkFor(method);
    const access = await sdk.introspectToken(tokens.access_token);
    expect(access).toEqual({
      active: true,
      sub: claimsOf(tokens.access_token)['sub'],
      client_id: app.appId,
      exp: claimsOf(tokens.access_token)['exp'],
      iat: claimsOf(tokens.access_token)['iat'],
      iss: `${h.url}/oidc`,
      jti: claimsOf(tokens.access_token)['jti'],
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
    });
    expect(await sdk.introspectToken(tokens.refresh_token!)).toMatchObject({ active: true, client_id: app.appId });
    expect(await sdk.introspectToken(tokens.id_token)).toEqual({ active: false });
    expect(lastTo('introspection')).toMatchObject({ outcome: 'accepted', clientAuthMethod: method });
  });

  it('getUserInfoByAccessToken reads the claims with the token in the query, the Bearer header and the body', async () => {
    const tokens = await login(h, app, `sdk-me-${method}`, 'openid profile email');
    const sdk = sdkFor(method);
    const byQuery = await sdk.getUserInfoByAccessToken(tokens.access_token);
    expect(byQuery).toMatchObject({ sub: claimsOf(tokens.access_token)['sub'], name: `sdk-me-${method} Example`, email: `sdk-me-${method}@example.com` });
    expect(await sdk.getUserInfoByAccessToken(tokens.access_token, { method: 'GET', tokenPlace: 'header' })).toEqual(byQuery);
    expect(await sdk.getUserInfoByAccessToken(tokens.access_token, { method: 'POST', tokenPlace: 'body' })).toEqual(byQuery);
    expect(await sdk.getUserInfoByAccessToken(tokens.access_token, { method: 'POST', tokenPlace: 'query' })).toEqual(byQuery);
    expect(
      h.emulator
        .requestsTo('userinfo')
        .slice(-4)
        .map((entry) => [entry.method, entry.httpStatus]),
    ).toEqual([
      ['GET', 200],
      ['GET', 200],
      ['POST', 200],
      ['POST', 200],
    ]);
  });

  it('revokeToken of the refresh token ends the whole grant; offline verification still accepts the JWT', async () => {
    const tokens = await login(h, app, `sdk-revoke-${method}`);
    const sdk = sdkFor(method);
    const refreshed = await sdk.getNewAccessTokenByRefreshToken(tokens.refresh_token!);
    expect(await sdk.revokeToken(tokens.refresh_token!)).toBe(true);
    expect(lastTo('revocation')).toMatchObject({ outcome: 'accepted', httpStatus: 200, clientAuthMethod: method, tokenKind: 'refresh_token' });
    expect(await sdk.introspectToken(tokens.access_token)).toEqual({ active: false });
    expect(await sdk.introspectToken(refreshed.access_token)).toEqual({ active: false });
    await expect(sdk.getNewAccessTokenByRefreshToken(tokens.refresh_token!)).rejects.toMatchObject({
      response: { status: 400, data: { error: 'invalid_grant' } },
    });
    await expect(sdk.getUserInfoByAccessToken(refreshed.access_token)).rejects.toMatchObject({
      response: { status: 401, data: { error: 'invalid_token' } },
    });
    // GenAuth keeps the JWT verifiable until exp: the SDK's offline parse still takes it.
    expect(await sdk.parseAccessToken(refreshed.access_token)).toMatchObject({ jti: claimsOf(refreshed.access_token)['jti'] });
  });

  it('revokeToken of an access token revokes that token only', async () => {
    const tokens = await login(h, app, `sdk-revoke-at-${method}`);
    const sdk = sdkFor(method);
    expect(await sdk.revokeToken(tokens.access_token)).toBe(true);
    expect(await sdk.introspectToken(tokens.access_token)).toEqual({ active: false });
    expect(await sdk.introspectToken(tokens.refresh_token!)).toMatchObject({ active: true });
    expect((await sdk.getNewAccessTokenByRefreshToken(tokens.refresh_token!)).refresh_token).toBe(tokens.refresh_token);
  });
});

describe('authing-node-sdk in basic mode with endpoints configured otherwise', () => {
  const mixed = { appId: 'mixed-app', appSecret: 'mi+xed/se=cr:et', tokenEndpointAuthMethod: 'client_secret_basic' } as const;
  const sdk = () =>
    new AuthenticationClient({
      appId: mixed.appId,
      appSecret: mixed.appSecret,
      appHost: h.url,
      tokenEndPointAuthMethod: 'client_secret_basic',
      introspectionEndPointAuthMethod: 'client_secret_post',
      revocationEndPointAuthMethod: 'none',
    });

  it('sends Basic to every endpoint; the lenient emulator accepts the matching secret sent twice', async () => {
    const tokens = await login(h, mixed, 'sdk-mixed');
    expect(await sdk().introspectToken(tokens.access_token)).toMatchObject({ active: true });
    expect(lastTo('introspection')).toMatchObject({ clientAuthMethod: 'client_secret_basic+client_secret_post', outcome: 'accepted' });
    expect(await sdk().revokeToken(tokens.access_token)).toBe(true);
    expect(lastTo('revocation')).toMatchObject({ clientAuthMethod: 'client_secret_basic', outcome: 'accepted', tokenKind: 'access_token' });
    expect(await sdk().introspectToken(tokens.access_token)).toEqual({ active: false });
  });

  it('is refused 400 invalid_request by a strict emulator (two mechanisms at once)', async () => {
    const strict = await startHarness({ apps: [{ ...mixed, introspectionEndpointAuthMethod: 'client_secret_post' }], clientAuthStrictness: 'strict' });
    try {
      const tokens = await login(strict, mixed, 'sdk-strict');
      const client = new AuthenticationClient({
        appId: mixed.appId,
        appSecret: mixed.appSecret,
        appHost: strict.url,
        tokenEndPointAuthMethod: 'client_secret_basic',
        introspectionEndPointAuthMethod: 'client_secret_post',
      });
      await expect(client.introspectToken(tokens.access_token)).rejects.toMatchObject({
        response: { status: 400, data: { error: 'invalid_request' } },
      });
      // The same SDK with one method everywhere is fine under strict too.
      expect((await client.getNewAccessTokenByRefreshToken(tokens.refresh_token!)).refresh_token).toBe(tokens.refresh_token);
    } finally {
      await strict.close();
    }
  });

  it('in basic mode sends only the token in the body, which the log shows redacted', async () => {
    const tokens = await login(h, BASIC_APP, 'sdk-basic-header');
    const basicOnly = await sdkFor('client_secret_basic').introspectToken(tokens.access_token);
    expect(basicOnly).toMatchObject({ active: true, client_id: BASIC_APP.appId });
    expect(lastTo('introspection')?.body).toEqual({ token: '[redacted]' });
  });
});

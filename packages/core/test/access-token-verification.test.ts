import { AccessTokenError, type GenAuthClient } from '@passport-genauth/core';
import { APP, ISSUER, makeKey, signRs256, type MockGenAuth, type TestKey } from '@passport-genauth/testing';
import { startMock } from './support/providers';
import { rejectionOf } from './support/failures';
import { USER, accessClaims, serveRotatingJwks, signAccessToken, signWithAppSecret, unsignedToken } from './support/access-tokens';

const now = () => Math.floor(Date.now() / 1000);

describe('GenAuthClient.verifyAccessToken', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;
  let jwks: ReturnType<typeof serveRotatingJwks>;
  let appKey: TestKey;

  beforeEach(async () => {
    mock = await startMock();
    appKey = mock.key;
    jwks = serveRotatingJwks(mock, [appKey]);
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  /** The refusal of a token: its class, RFC 6750 error and status. */
  async function refusal(token: string, scopes?: readonly string[]) {
    const error = await rejectionOf(client.verifyAccessToken(token, scopes ? { scopes } : undefined));
    expect(error).toBeInstanceOf(AccessTokenError);
    const { code, error: rfc6750, status, message } = error as AccessTokenError;
    expect(message).not.toContain(token);
    return { code, error: rfc6750, status, message };
  }

  const invalidToken = (message: RegExp | string) => ({
    code: 'GENAUTH_ACCESS_TOKEN',
    error: 'invalid_token',
    status: 401,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });

  it('accepts a valid GenAuth access token and returns exactly its claims', async () => {
    const claims = accessClaims();
    await expect(client.verifyAccessToken(await signAccessToken(appKey, claims))).resolves.toEqual(claims);
    await expect(client.verifyAccessToken(await signAccessToken(appKey, claims), { scopes: ['openid', 'offline_access'] })).resolves.toEqual(claims);
  });

  it('refuses an expired token, beyond the clock tolerance', async () => {
    const token = await signAccessToken(appKey, accessClaims({ iat: now() - 7200, exp: now() - 60 }));
    expect(await refusal(token)).toEqual(invalidToken('The access token has expired'));
  });

  it('accepts a token expired within the clock tolerance (30 s)', async () => {
    const token = await signAccessToken(appKey, accessClaims({ iat: now() - 7200, exp: now() - 5 }));
    await expect(client.verifyAccessToken(token)).resolves.toMatchObject({ sub: USER });
  });

  it('refuses a token that is not yet valid (nbf) or issued in the future (iat)', async () => {
    expect(await refusal(await signAccessToken(appKey, accessClaims({ nbf: now() + 300 })))).toEqual(invalidToken(/"nbf" claim/));
    expect(await refusal(await signAccessToken(appKey, accessClaims({ iat: now() + 300 })))).toEqual(invalidToken(/issued in the future/));
  });

  it('refuses a token of another issuer', async () => {
    const token = await signAccessToken(appKey, accessClaims({ iss: 'https://evil.genauth.ai/oidc' }));
    expect(await refusal(token)).toEqual(invalidToken(/"iss" claim/));
  });

  it("refuses another app's token (wrong aud), and a token naming several audiences", async () => {
    expect(await refusal(await signAccessToken(appKey, accessClaims({ aud: 'another-app' })))).toEqual(invalidToken(/"aud" claim/));
    expect(await refusal(await signAccessToken(appKey, accessClaims({ aud: [APP.appId, 'another-app'] })))).toEqual(invalidToken(/several audiences/));
  });

  it('refuses alg none and HS256 signed with the app secret, before any key is fetched', async () => {
    expect(await refusal(unsignedToken(accessClaims(), appKey.kid))).toEqual(
      invalidToken('The access token algorithm "none" is not accepted (GenAuth signs access tokens with RS256 only)'),
    );
    expect(await refusal(await signWithAppSecret(accessClaims(), appKey.kid))).toEqual(invalidToken(/algorithm "HS256" is not accepted/));
    expect(jwks.fetches()).toBe(0);
  });

  it('refuses an RS256 token signed with a key the JWKS does not hold, even under a known kid', async () => {
    const forger = await makeKey(appKey.kid);
    expect(await refusal(await signAccessToken(forger, accessClaims()))).toEqual(invalidToken('The access token signature is invalid'));
  });

  it('refuses an unknown kid after exactly one refetch of the JWKS', async () => {
    await client.verifyAccessToken(await signAccessToken(appKey));
    expect(jwks.fetches()).toBe(1);
    const stranger = await makeKey('kid-nobody-publishes');
    expect(await refusal(await signAccessToken(stranger))).toEqual(invalidToken('The access token is signed with a key the app does not publish'));
    expect(jwks.fetches()).toBe(2);
  });

  it('refetches at most once per cooldown however many unknown kids arrive (shared with id_tokens)', async () => {
    const patient = mock.client({ idToken: { jwksCooldownMs: 3_600_000 } });
    try {
      await patient.verifyAccessToken(await signAccessToken(appKey));
      const fetched = jwks.fetches();
      for (const kid of ['k1', 'k2', 'k3']) {
        await expect(patient.verifyAccessToken(await signAccessToken(await makeKey(kid)))).rejects.toBeInstanceOf(AccessTokenError);
      }
      expect(jwks.fetches()).toBe(fetched);
    } finally {
      await patient.close();
    }
  });

  it("refuses app B's token at app A even though A's JWKS also publishes B's key", async () => {
    const appBKey = await makeKey('key-of-app-b');
    jwks.publish([appKey, appBKey]);
    const appBToken = await signAccessToken(appBKey, accessClaims({ aud: 'app-b' }));
    expect(await refusal(appBToken)).toEqual(invalidToken(/"aud" claim/));
  });

  it('refuses a token without a user: sub missing, empty or not a string', async () => {
    expect(await refusal(await signAccessToken(appKey, accessClaims({}, ['sub'])))).toEqual(invalidToken(/"sub"/));
    expect(await refusal(await signAccessToken(appKey, accessClaims({ sub: '' })))).toEqual(invalidToken(/"sub" must be a non-empty string/));
    expect(await refusal(await signAccessToken(appKey, accessClaims({ sub: 42 })))).toEqual(invalidToken(/"sub"/));
  });

  it('refuses an id_token of the same app presented as an access token (no jti, no scope)', async () => {
    const idToken = await signRs256(appKey, { iss: ISSUER, aud: APP.appId, extra: { name: 'Alice' } });
    expect(await refusal(idToken)).toEqual(invalidToken(/"jti"|"scope"/));
  });

  it('refuses a token that is not a JWT', async () => {
    expect(await refusal('opaque-token-value')).toEqual(invalidToken('The access token is not a JWT'));
  });

  it('answers 403 insufficient_scope naming the required scopes when one is missing', async () => {
    const token = await signAccessToken(appKey, accessClaims({ scope: 'openid profile' }));
    const error = (await rejectionOf(client.verifyAccessToken(token, { scopes: ['openid', 'orders:write'] }))) as AccessTokenError;
    expect({ code: error.code, error: error.error, status: error.status, scope: error.scope, message: error.message }).toEqual({
      code: 'GENAUTH_ACCESS_TOKEN',
      error: 'insufficient_scope',
      status: 403,
      scope: 'openid orders:write',
      message: 'The access token lacks the scope orders:write',
    });
  });

  it('accepts tokens signed with a new key after a rotation (one refetch), and still the old key while published', async () => {
    const oldToken = await signAccessToken(appKey);
    await expect(client.verifyAccessToken(oldToken)).resolves.toMatchObject({ sub: USER });
    const rotated = await makeKey('key-2');
    jwks.publish([rotated, appKey]);
    await expect(client.verifyAccessToken(await signAccessToken(rotated))).resolves.toMatchObject({ sub: USER });
    expect(jwks.fetches()).toBe(2);
    await expect(client.verifyAccessToken(oldToken)).resolves.toMatchObject({ sub: USER });
    expect(jwks.fetches()).toBe(2);
  });
});

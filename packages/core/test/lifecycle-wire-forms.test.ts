import { ConfigurationError, GenAuthClient, type TokenEndpointAuthMethod } from '@passport-genauth/core';
import { APP, ISSUER, signRs256, type MockGenAuth } from '@passport-genauth/testing';
import { startMock } from './support/providers';
import { answerOidc } from './support/oidc-mock';

const REFRESH_TOKEN = 'rt-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl';
const ENCODED_SECRET = encodeURIComponent(APP.appSecret);
const BASIC = `Basic ${Buffer.from(`${APP.appId}:${APP.appSecret}`).toString('base64')}`;

/** What each method adds to the form (first) and to the headers (contract §0). */
const AUTH: Record<TokenEndpointAuthMethod, { form: string; authorization: string | undefined }> = {
  client_secret_post: { form: `client_id=${APP.appId}&client_secret=${ENCODED_SECRET}&`, authorization: undefined },
  client_secret_basic: { form: '', authorization: BASIC },
  none: { form: `client_id=${APP.appId}&`, authorization: undefined },
};

const METHODS = Object.keys(AUTH) as TokenEndpointAuthMethod[];

describe('the token lifecycle on the wire', () => {
  let mock: MockGenAuth;
  const clients: GenAuthClient[] = [];

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await mock.close();
  });

  function clientWith(
    options: Partial<Record<'tokenEndpointAuthMethod' | 'introspectionEndpointAuthMethod' | 'revocationEndpointAuthMethod', TokenEndpointAuthMethod>>,
  ): GenAuthClient {
    const client = mock.client(options);
    clients.push(client);
    return client;
  }

  async function refreshAnswer(extra: Record<string, unknown> = {}) {
    const idToken = await signRs256(mock.key, { iss: ISSUER, aud: APP.appId, extra: { name: 'Alice Zhang' } });
    return {
      access_token: 'at-new',
      expires_in: 1209600,
      id_token: idToken,
      refresh_token: 'rt-new',
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
      ...extra,
    };
  }

  /** The headers every lifecycle POST carries besides client authentication. */
  function expectFormHeaders(headers: Record<string, string>, authorization: string | undefined) {
    expect({
      'content-type': headers['content-type'],
      accept: headers.accept,
      'x-authing-app-id': headers['x-authing-app-id'],
      authorization: headers.authorization,
    }).toEqual({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-authing-app-id': APP.appId, authorization });
  }

  describe.each(METHODS)('with %s', (method) => {
    const { form, authorization } = AUTH[method];

    it('refresh: POST /oidc/token with grant_type=refresh_token and the token endpoint authentication', async () => {
      const client = clientWith({ tokenEndpointAuthMethod: method });
      const sent = answerOidc(mock, 'POST', '/oidc/token', { body: await refreshAnswer() });
      await client.refresh(REFRESH_TOKEN, { scope: 'openid profile' });
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toBe(`${form}grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}&scope=openid+profile`);
      expectFormHeaders(sent[0]!.headers, authorization);
    });

    it('revoke: POST /oidc/token/revocation with token and token_type_hint and the revocation endpoint authentication', async () => {
      const client = clientWith({ revocationEndpointAuthMethod: method });
      const sent = answerOidc(mock, 'POST', '/oidc/token/revocation', { status: 200, body: '' });
      await expect(client.revoke(REFRESH_TOKEN, { tokenTypeHint: 'refresh_token' })).resolves.toBeUndefined();
      expect(sent[0]!.body).toBe(`${form}token=${REFRESH_TOKEN}&token_type_hint=refresh_token`);
      expectFormHeaders(sent[0]!.headers, authorization);
    });

    it('introspect: POST /oidc/token/introspection with token and the introspection endpoint authentication', async () => {
      const client = clientWith({ introspectionEndpointAuthMethod: method });
      const sent = answerOidc(mock, 'POST', '/oidc/token/introspection', { body: { active: false } });
      await expect(client.introspect(ACCESS_TOKEN)).resolves.toEqual({ active: false });
      expect(sent[0]!.body).toBe(`${form}token=${encodeURIComponent(ACCESS_TOKEN)}`);
      expectFormHeaders(sent[0]!.headers, authorization);
    });
  });

  it('authenticates each endpoint with its own configured method (token basic, introspection post, revocation none)', async () => {
    const client = clientWith({
      tokenEndpointAuthMethod: 'client_secret_basic',
      introspectionEndpointAuthMethod: 'client_secret_post',
      revocationEndpointAuthMethod: 'none',
    });
    const token = answerOidc(mock, 'POST', '/oidc/token', { body: await refreshAnswer() });
    const introspection = answerOidc(mock, 'POST', '/oidc/token/introspection', { body: { active: false } });
    const revocation = answerOidc(mock, 'POST', '/oidc/token/revocation', { body: '' });
    await client.refresh(REFRESH_TOKEN);
    await client.introspect('t1');
    await client.revoke('t2');
    expect([token[0]!.headers.authorization, token[0]!.body]).toEqual([BASIC, `grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}`]);
    expect([introspection[0]!.headers.authorization, introspection[0]!.body]).toEqual([
      undefined,
      `client_id=${APP.appId}&client_secret=${ENCODED_SECRET}&token=t1`,
    ]);
    expect([revocation[0]!.headers.authorization, revocation[0]!.body]).toEqual([undefined, `client_id=${APP.appId}&token=t2`]);
  });

  it('defaults the introspection and revocation methods to tokenEndpointAuthMethod', async () => {
    const client = clientWith({ tokenEndpointAuthMethod: 'client_secret_basic' });
    const introspection = answerOidc(mock, 'POST', '/oidc/token/introspection', { body: { active: false } });
    const revocation = answerOidc(mock, 'POST', '/oidc/token/revocation', { body: '' });
    await client.introspect('t1');
    await client.revoke('t2');
    expect([introspection[0]!.headers.authorization, revocation[0]!.headers.authorization]).toEqual([BASIC, BASIC]);
    expect([introspection[0]!.body, revocation[0]!.body]).toEqual(['token=t1', 'token=t2']);
  });

  it('userInfo: GET /oidc/me with Authorization: Bearer only (no body, no client secret)', async () => {
    const client = clientWith({ tokenEndpointAuthMethod: 'client_secret_post' });
    const claims = { sub: 'u1', name: 'Alice', nickname: null, picture: null, email: null, email_verified: null, gender: 'U', updated_at: 1700000000 };
    const sent = answerOidc(mock, 'GET', '/oidc/me', { body: claims });
    await expect(client.userInfo(ACCESS_TOKEN)).resolves.toEqual(claims);
    expect(sent[0]!.method).toBe('GET');
    expect(sent[0]!.body).toBe('');
    expect({
      authorization: sent[0]!.headers.authorization,
      accept: sent[0]!.headers.accept,
      app: sent[0]!.headers['x-authing-app-id'],
      type: sent[0]!.headers['content-type'],
    }).toEqual({
      authorization: `Bearer ${ACCESS_TOKEN}`,
      accept: 'application/json',
      app: APP.appId,
      type: undefined,
    });
  });

  it('refuses a bad endpoint method, and a secret method without appSecret, at construction', () => {
    expect(() => new GenAuthClient({ ...APP, introspectionEndpointAuthMethod: 'private_key_jwt' as never })).toThrow(ConfigurationError);
    expect(() => new GenAuthClient({ ...APP, introspectionEndpointAuthMethod: 'private_key_jwt' as never })).toThrow(
      /introspectionEndpointAuthMethod: must be 'none', 'client_secret_post' or 'client_secret_basic'/,
    );
    expect(() => new GenAuthClient({ appHost: APP.appHost, appId: APP.appId, revocationEndpointAuthMethod: 'client_secret_basic' })).toThrow(
      "appSecret: required when revocationEndpointAuthMethod is 'client_secret_basic' (set appSecret, or use 'none')",
    );
  });
});

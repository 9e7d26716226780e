import { signinBody, startHarness, verifyJwt, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function login(user: string) {
  const answer = await h.signin(signinBody('apple', 'applePayload', h.emulator.mintCredential('apple', { user })));
  return answer.json.data as { id_token: string; access_token: string };
}

describe('JWKS', () => {
  it('serves the same keys at /oidc/… and /{appId}/oidc/…', async () => {
    const root = await h.get('/oidc/.well-known/jwks.json');
    const perApp = await h.get('/demo-app/oidc/.well-known/jwks.json');
    expect(root.status).toBe(200);
    expect(root.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(perApp.json).toEqual(root.json);
    expect(root.json.keys).toHaveLength(1);
    const [key] = root.json.keys;
    expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(key).toMatchObject({ kty: 'RSA', e: 'AQAB', alg: 'RS256', use: 'sig', kid: h.emulator.currentKid });
    expect(Buffer.from(key.n, 'base64url')).toHaveLength(256);
    expect(root.json).toEqual(h.emulator.jwks());
  });

  it('answers 404 / 2011 for an unknown app', async () => {
    const answer = await h.get('/ghost/oidc/.well-known/jwks.json');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ statusCode: 404, apiCode: 2011, message: 'Application not found: ghost', data: null });
  });

  it('serves the discovery document for the origin the client used', async () => {
    const answer = await h.get('/oidc/.well-known/openid-configuration');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      issuer: `${h.url}/oidc`,
      jwks_uri: `${h.url}/oidc/.well-known/jwks.json`,
      token_endpoint: `${h.url}/oidc/token`,
      userinfo_endpoint: `${h.url}/oidc/me`,
      introspection_endpoint: `${h.url}/oidc/token/introspection`,
      revocation_endpoint: `${h.url}/oidc/token/revocation`,
      end_session_endpoint: `${h.url}/oidc/session/end`,
      id_token_signing_alg_values_supported: ['RS256', 'HS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
    });
    const jwks = await h.get(new URL(answer.json.jwks_uri).pathname);
    expect(jwks.json).toEqual(h.emulator.jwks());
  });
});

describe('rotateKeys()', () => {
  it('signs with the new key and keeps the previous one published until the rotation after', async () => {
    const first = h.emulator.currentKid;
    const before = await login('nia');

    const second = await h.emulator.rotateKeys();
    expect(second).not.toBe(first);
    expect(h.emulator.currentKid).toBe(second);
    const afterOne = (await h.get('/oidc/.well-known/jwks.json')).json;
    expect(afterOne.keys.map((key: { kid: string }) => key.kid)).toEqual([second, first]);
    expect(verifyJwt(before.id_token, afterOne).header['kid']).toBe(first);
    const after = await login('nia');
    expect(verifyJwt(after.id_token, afterOne).header['kid']).toBe(second);
    expect(verifyJwt(after.access_token, afterOne).header['kid']).toBe(second);

    const third = await h.emulator.rotateKeys();
    const afterTwo = (await h.get('/demo-app/oidc/.well-known/jwks.json')).json;
    expect(afterTwo.keys.map((key: { kid: string }) => key.kid)).toEqual([third, second]);
    expect(() => verifyJwt(before.id_token, afterTwo)).toThrow(`kid ${first} not in the JWKS`);
    expect(verifyJwt(after.id_token, afterTwo).header['kid']).toBe(second);
  });
});

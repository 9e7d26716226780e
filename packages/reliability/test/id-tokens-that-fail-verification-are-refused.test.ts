import type { GenAuthClient } from '@passport-genauth/core';
import { APP, ISSUER, MockGenAuth, makeKey, mockRequest, runStrategy, signHs256, signRs256, unsigned, type TokenClaims } from '@passport-genauth/testing';
import { WechatStrategy } from '@passport-genauth/wechat';
import { exportSPKI, generateKeyPair, importJWK, SignJWT, type KeyLike } from 'jose';

const CLAIMS: TokenClaims = { iss: ISSUER, aud: APP.appId };
const now = (): number => Math.floor(Date.now() / 1000);

/** A token with an arbitrary header and key, for algorithms the test kit has no helper for. */
async function signWith(
  alg: string,
  key: Parameters<SignJWT['sign']>[0],
  header: Record<string, unknown> = {},
  claims: Record<string, unknown> = {},
): Promise<string> {
  const iat = now();
  return new SignJWT({ iss: ISSUER, aud: APP.appId, sub: '64a0c0ffee0000000000a11c', iat, exp: iat + 3_600, ...claims })
    .setProtectedHeader({ alg, typ: 'JWT', ...header })
    .sign(key);
}

function successWith(idToken: string): object {
  return { statusCode: 200, message: '', requestId: 'req-ok', data: { access_token: 'at', id_token: idToken, token_type: 'Bearer', expire_in: 3600 } };
}

/** Runs a real strategy against the mock serving `idToken`; reports the outcome and whether verify ran. */
async function loginWith(mock: MockGenAuth, client: GenAuthClient, idToken: string) {
  let verifyCalls = 0;
  const strategy = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, async (_tokens, profile) => {
    verifyCalls += 1;
    return { id: profile.id };
  });
  const sent = mock.requests.length;
  mock.onSignIn(() => ({ body: successWith(idToken) }));
  const result = await runStrategy(strategy, mockRequest({ body: { code: 'a-one-time-code' } }));
  return { result, verifyCalls, exchanges: mock.requests.length - sent };
}

describe('id_tokens served through a real strategy', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;
  let publicClient: GenAuthClient;

  beforeAll(async () => {
    mock = await MockGenAuth.start();
    mock.serveJwks();
    client = mock.client();
    publicClient = mock.client({ appSecret: undefined, tokenEndpointAuthMethod: 'none' } as never);
  });
  afterAll(async () => {
    await client.close();
    await publicClient.close();
    await mock.close();
  });

  it('a valid RS256 token and a valid HS256 token (app secret) log the user in (control)', async () => {
    for (const token of [await signRs256(mock.key, CLAIMS), await signHs256(APP.appSecret, CLAIMS)]) {
      const { result, verifyCalls } = await loginWith(mock, client, token);
      expect(result.type).toBe('success');
      expect(verifyCalls).toBe(1);
    }
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['a bad signature (another key under the published kid)', async () => signRs256(await makeKey('key-1'), CLAIMS)],
    [
      'a tampered payload',
      async () => {
        const [header, , signature] = (await signRs256(mock.key, CLAIMS)).split('.');
        const payload = Buffer.from(JSON.stringify({ iss: ISSUER, aud: APP.appId, sub: 'someone-else', iat: now(), exp: now() + 3600 })).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
    ['alg none', async () => unsigned(CLAIMS)],
    ['alg none with a signature attached', async () => `${unsigned(CLAIMS)}c2lnbmF0dXJl`],
    [
      'HS256 signed with the RSA public key (PEM) as the HMAC secret',
      async () => signWith('HS256', new TextEncoder().encode(await exportSPKI((await importJWK(mock.key.publicJwk, 'RS256')) as KeyLike))),
    ],
    [
      'HS256 signed with the RSA public JWK (JSON) as the HMAC secret',
      async () => signWith('HS256', new TextEncoder().encode(JSON.stringify(mock.key.publicJwk)), { kid: mock.key.kid }),
    ],
    ['RS384 (an algorithm that is not accepted)', async () => signWith('RS384', mock.key.privateKey, { kid: mock.key.kid })],
    ['PS256 (an algorithm that is not accepted)', async () => signWith('PS256', mock.key.privateKey, { kid: mock.key.kid })],
    ['ES256 (an algorithm that is not accepted)', async () => signWith('ES256', (await generateKeyPair('ES256')).privateKey, { kid: 'ec-1' })],
    ['HS512 with the app secret (an algorithm that is not accepted)', async () => signWith('HS512', new TextEncoder().encode(APP.appSecret))],
    ['the wrong iss', async () => signRs256(mock.key, { ...CLAIMS, iss: 'https://evil.genauth.ai/oidc' })],
    ['the wrong aud', async () => signRs256(mock.key, { ...CLAIMS, aud: 'another-app' })],
    ['an aud list without the app', async () => signWith('RS256', mock.key.privateKey, { kid: mock.key.kid }, { aud: ['a', 'b'] })],
    ['an expired token (beyond the clock tolerance)', async () => signRs256(mock.key, { ...CLAIMS, issuedAtOffsetSec: -7_200, expiresInSec: 3_600 })],
    ['a token not valid yet (nbf in an hour)', async () => signRs256(mock.key, { ...CLAIMS, extra: { nbf: now() + 3_600 } })],
    ['a token issued in the future (iat in an hour)', async () => signRs256(mock.key, { ...CLAIMS, issuedAtOffsetSec: 3_600 })],
    ['an HS256 token signed with another secret', async () => signHs256('not-the-app-secret', CLAIMS)],
    ['an unknown kid that the (reachable) JWKS does not publish', async () => signRs256(await makeKey('kid-nobody-publishes'), CLAIMS)],
    ['a token that is not a JWT', async () => 'not-a.jwt'],
    ['a numeric sub (profile.id must be a string)', async () => signWith('RS256', mock.key.privateKey, { kid: mock.key.kid }, { sub: 123 })],
    ['an empty sub (every such login would map to one user "")', async () => signWith('RS256', mock.key.privateKey, { kid: mock.key.kid }, { sub: '' })],
    ['an object sub', async () => signWith('RS256', mock.key.privateKey, { kid: mock.key.kid }, { sub: { id: 'x' } })],
  ];

  it.each(refused)('%s is a 401 fail with GENAUTH_ID_TOKEN; verify never runs; the code was sent once', async (_label, token) => {
    const { result, verifyCalls, exchanges } = await loginWith(mock, client, await token());
    expect(result).toEqual({ type: 'fail', status: 401, challenge: expect.objectContaining({ code: 'GENAUTH_ID_TOKEN', status: 401 }) });
    expect(verifyCalls).toBe(0);
    expect(exchanges).toBe(1);
  });

  it('HS256 signed with the RSA public key is also refused by a public app (no secret to check it with)', async () => {
    const token = await signWith('HS256', new TextEncoder().encode(JSON.stringify(mock.key.publicJwk)));
    const { result, verifyCalls } = await loginWith(mock, publicClient, token);
    expect(result).toEqual({ type: 'fail', status: 401, challenge: expect.objectContaining({ code: 'GENAUTH_ID_TOKEN' }) });
    expect(verifyCalls).toBe(0);
  });
});

describe('an id_token with an unknown kid while the JWKS is unreachable', () => {
  it('ends in Passport error GENAUTH_HTTP (the app cannot check the token), not in a success or a 401', async () => {
    const mock = await MockGenAuth.start();
    const client = mock.client();
    try {
      mock.pool.intercept({ path: '/oidc/.well-known/jwks.json', method: 'GET' }).replyWithError(new Error('connect ECONNREFUSED'));
      const { result, verifyCalls, exchanges } = await loginWith(mock, client, await signRs256(await makeKey('kid-unknown'), CLAIMS));
      expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 502 }) });
      expect(verifyCalls).toBe(0);
      expect(exchanges).toBe(1);
    } finally {
      await client.close();
      await mock.close();
    }
  });
});

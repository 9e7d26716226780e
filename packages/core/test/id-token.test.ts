import { inspect } from 'node:util';
import { GenAuthClient, HttpError, IdTokenError, InvalidResponseError, buildProfile, type IdTokenClaims } from '@passport-genauth/core';
import {
  APP,
  ISSUER,
  JWKS_PATH,
  makeKey,
  mockRequest,
  runStrategy,
  signHs256,
  signRs256,
  unsigned,
  type MockGenAuth,
  type TestKey,
} from '@passport-genauth/testing';
import { SignJWT, exportJWK, exportSPKI, importJWK, type KeyLike } from 'jose';
import { CodeStrategy, codeSignIn, startMock, successBody } from './support/providers';
import { rejectionOf } from './support/failures';

const good = { iss: ISSUER, aud: APP.appId } as const;

describe('id_token verification', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;
  let jwksFetches: number;

  /** Serves the JWKS (persistently), counting fetches. */
  function serveCountedJwks(keys: () => TestKey[]): void {
    mock.pool
      .intercept({ path: JWKS_PATH, method: 'GET' })
      .reply(() => {
        jwksFetches += 1;
        return {
          statusCode: 200,
          data: JSON.stringify({ keys: keys().map((key) => key.publicJwk) }),
          responseOptions: { headers: { 'content-type': 'application/json' } },
        };
      })
      .persist();
  }

  /** Answers the next sign-in with this id_token and signs in. */
  function signInWith(idToken: string, using: GenAuthClient = client) {
    mock.onSignIn(() => ({ body: successBody(idToken) }));
    return using.signInByMobile(codeSignIn());
  }

  beforeEach(async () => {
    mock = await startMock();
    jwksFetches = 0;
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  describe('accepts', () => {
    it('a valid RS256 id_token through the JWKS', async () => {
      serveCountedJwks(() => [mock.key]);
      const result = await signInWith(await signRs256(mock.key, { ...good, sub: 'user-rs', extra: { nonce: 'n' } }));
      expect(result.claims).toMatchObject({ sub: 'user-rs', iss: ISSUER, aud: APP.appId, nonce: 'n' });
      expect(jwksFetches).toBe(1);
    });

    it('a valid HS256 id_token signed with the app secret, without fetching the JWKS', async () => {
      serveCountedJwks(() => [mock.key]);
      const result = await signInWith(await signHs256(APP.appSecret, { ...good, sub: 'user-hs' }));
      expect(result.claims.sub).toBe('user-hs');
      expect(jwksFetches).toBe(0);
    });

    it('an id_token issued a little in the future, within the clock tolerance', async () => {
      serveCountedJwks(() => [mock.key]);
      const result = await signInWith(await signRs256(mock.key, { ...good, issuedAtOffsetSec: 10 }));
      expect(result.claims.sub).toBe('64a0c0ffee0000000000a11c');
    });

    it('anything that decodes when idToken.verify is false, without fetching keys', async () => {
      await client.close();
      client = mock.client({ idToken: { verify: false } });
      serveCountedJwks(() => [mock.key]);
      const result = await signInWith(unsigned({ iss: 'https://elsewhere', aud: 'other', sub: 'decoded-only' }));
      expect(result.claims).toMatchObject({ sub: 'decoded-only', iss: 'https://elsewhere' });
      expect(result.profile.id).toBe('decoded-only');
      expect(jwksFetches).toBe(0);
    });

    it('refuses a token without sub even when idToken.verify is false', async () => {
      await client.close();
      client = mock.client({ idToken: { verify: false } });
      const now = Math.floor(Date.now() / 1000);
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      // A well-formed token that decodes, so only the sub check can refuse it.
      const withoutSub = `${part({ alg: 'none' })}.${part({ iss: ISSUER, aud: APP.appId, iat: now, exp: now + 60 })}.`;
      const error = await rejectionOf(signInWith(withoutSub));
      expect(error).toBeInstanceOf(IdTokenError);
      expect((error as Error).message).toBe('id_token "sub" claim must be a non-empty string');
    });

    it('refuses an id_token with several audiences unless its azp is this app (OIDC Core 3.1.3.7)', async () => {
      serveCountedJwks(() => [mock.key]);
      const several = (azp?: string) =>
        new SignJWT({ ...(azp ? { azp } : {}) })
          .setProtectedHeader({ alg: 'RS256', kid: mock.key.kid })
          .setIssuer(ISSUER)
          .setAudience([APP.appId, 'another-app'])
          .setSubject('multi-aud')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(mock.key.privateKey);
      await expect(signInWith(await several(APP.appId))).resolves.toMatchObject({ claims: { sub: 'multi-aud' } });
      for (const azp of ['another-app', undefined]) {
        const error = await rejectionOf(signInWith(await several(azp)));
        expect(error).toBeInstanceOf(IdTokenError);
        expect((error as Error).message).toBe('id_token has several audiences but its "azp" claim is not this application');
      }
    });
  });

  /** Every row has all four columns: Jest reads a test function with more parameters than the row as a done callback. */
  type ClientKind = 'with-secret' | 'public';
  /** Bad id_tokens: how to make one, the message it must get, and whether the client is public (no appSecret). */
  const rsaPem = async (key: TestKey) => exportSPKI((await importJWK(key.publicJwk, 'RS256')) as KeyLike);
  const badTokens: Array<[string, (key: TestKey) => Promise<string>, string | RegExp, ClientKind]> = [
    [
      'a token signed by another RSA key with the same kid',
      async (key) => signRs256(await makeKey(key.kid), good),
      'id_token signature is invalid',
      'with-secret',
    ],
    [
      'an unsigned token (alg: none)',
      async () => unsigned(good),
      'id_token algorithm "none" is not accepted (only HS256 with the app secret or RS256 via JWKS)',
      'with-secret',
    ],
    [
      'an RS256 token whose kid the JWKS does not publish',
      (key) => signRs256({ ...key, kid: 'unknown-kid' }, good),
      'id_token is signed with a key the app does not publish',
      'with-secret',
    ],
    [
      "an HS256 token signed with the RSA public key's PEM as the secret (algorithm confusion)",
      async (key) => signHs256(await rsaPem(key), good),
      'id_token signature is invalid',
      'with-secret',
    ],
    [
      'an HS256 token signed with the RSA public JWK as the secret (algorithm confusion)',
      async (key) => signHs256(JSON.stringify(await exportJWK(await importJWK(key.publicJwk, 'RS256'))), good),
      'id_token signature is invalid',
      'with-secret',
    ],
    [
      "an HS256 token signed with the RSA public key's PEM on a public client",
      async (key) => signHs256(await rsaPem(key), good),
      /^id_token is HS256 but no appSecret is configured/,
      'public',
    ],
    [
      'an HS256 token when the client has no appSecret',
      () => signHs256(APP.appSecret, good),
      'id_token is HS256 but no appSecret is configured: set appSecret, or switch the app to RS256 id_tokens',
      'public',
    ],
    ['a wrong iss', (key) => signRs256(key, { ...good, iss: 'https://evil.example/oidc' }), /^id_token .*"iss" claim/, 'with-secret'],
    ['a wrong aud', (key) => signRs256(key, { ...good, aud: 'another-app' }), /^id_token .*"aud" claim/, 'with-secret'],
    ['an expired token', (key) => signRs256(key, { ...good, issuedAtOffsetSec: -7200, expiresInSec: 3600 }), 'id_token has expired', 'with-secret'],
    [
      'a token issued in the future beyond the clock tolerance (iat)',
      (key) => signRs256(key, { ...good, issuedAtOffsetSec: 600 }),
      /^id_token .*"iat" claim/,
      'with-secret',
    ],
    [
      'a token not valid yet beyond the clock tolerance (nbf)',
      (key) => signRs256(key, { ...good, extra: { nbf: Math.floor(Date.now() / 1000) + 600 } }),
      /^id_token .*"nbf" claim/,
      'with-secret',
    ],
    [
      'a token without exp',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(ISSUER)
          .setAudience(APP.appId)
          .setSubject('s')
          .setIssuedAt()
          .sign(new TextEncoder().encode(APP.appSecret)),
      /^id_token .*"exp" claim/,
      'with-secret',
    ],
    ['something that is not a JWT', async () => 'garbage', 'id_token is not a valid JWT', 'with-secret'],
  ];

  /** The client a case runs on: the mock's (with appSecret), or a public one without a secret. */
  const clientFor = (kind: ClientKind) =>
    kind === 'public' ? new GenAuthClient({ appHost: APP.appHost, appId: APP.appId, dispatcher: mock.agent, idToken: { jwksCooldownMs: 0 } }) : client;

  describe('rejects as IdTokenError', () => {
    beforeEach(() => serveCountedJwks(() => [mock.key]));

    it.each(badTokens)('%s', async (_label, make, message, kind) => {
      const using = clientFor(kind);
      try {
        const error = await rejectionOf(signInWith(await make(mock.key), using));
        expect(error).toBeInstanceOf(IdTokenError);
        expect(error).toMatchObject({ name: 'IdTokenError', code: 'GENAUTH_ID_TOKEN', status: 401 });
        expect((error as IdTokenError).message).toMatch(message);
        expect(mock.requests).toHaveLength(1);
      } finally {
        if (using !== client) await using.close();
      }
    });

    it('never fetches the JWKS for alg: none', async () => {
      await rejectionOf(signInWith(unsigned(good)));
      expect(jwksFetches).toBe(0);
    });
  });

  describe('ends a strategy login as fail(…, 401) with code GENAUTH_ID_TOKEN for', () => {
    beforeEach(() => serveCountedJwks(() => [mock.key]));

    it.each(badTokens)('%s', async (_label, make, message, kind) => {
      const using = clientFor(kind);
      try {
        const idToken = await make(mock.key);
        mock.onSignIn(() => ({ body: successBody(idToken) }));
        const strategy = new CodeStrategy({ client: using, extIdpConnidentifier: 'test-source' }, async () => ({ id: 'never' }));
        const result = await runStrategy(strategy, mockRequest({ body: { code: 'c' } }));
        expect(result).toEqual({
          type: 'fail',
          status: 401,
          challenge: { message: typeof message === 'string' ? message : expect.stringMatching(message), code: 'GENAUTH_ID_TOKEN', status: 401 },
        });
      } finally {
        if (using !== client) await using.close();
      }
    });
  });

  describe('the JWKS cache', () => {
    it('picks up a rotated key (a new kid) with one refetch, then serves it from the cache', async () => {
      const rotated = await makeKey('key-2');
      let published = [mock.key];
      serveCountedJwks(() => published);
      await signInWith(await signRs256(mock.key, good));
      expect(jwksFetches).toBe(1);
      published = [mock.key, rotated];
      const result = await signInWith(await signRs256(rotated, { ...good, sub: 'after-rotation' }));
      expect(result.claims.sub).toBe('after-rotation');
      expect(jwksFetches).toBe(2);
      await signInWith(await signRs256(rotated, good));
      await signInWith(await signRs256(mock.key, good));
      expect(jwksFetches).toBe(2);
    });

    it('with a cooldown, fetches the JWKS at most once for a burst of unknown kids', async () => {
      await client.close();
      client = mock.client({ idToken: { jwksCooldownMs: 60_000 } });
      serveCountedJwks(() => [mock.key]);
      // Same private key, kids the JWKS does not publish (as an attacker's forged headers would be).
      const forged = [1, 2, 3, 4, 5].map((n): TestKey => ({ ...mock.key, kid: `forged-${n}` }));
      const tokens = await Promise.all(forged.map((key) => signRs256(key, good)));
      for (const token of tokens) mock.onSignIn(() => ({ body: successBody(token) }));
      const errors = await Promise.all(tokens.map(() => rejectionOf(client.signInByMobile(codeSignIn()))));
      for (const error of errors) expect(error).toMatchObject({ code: 'GENAUTH_ID_TOKEN', message: 'id_token is signed with a key the app does not publish' });
      expect(jwksFetches).toBe(1);
      // A second burst inside the cooldown does not fetch again.
      for (const token of tokens) mock.onSignIn(() => ({ body: successBody(token) }));
      await Promise.all(tokens.map(() => rejectionOf(client.signInByMobile(codeSignIn()))));
      expect(jwksFetches).toBe(1);
    });

    it('gives an HttpError, not a success, when the JWKS cannot be reached', async () => {
      mock.pool.intercept({ path: JWKS_PATH, method: 'GET' }).replyWithError(new Error('connect ECONNREFUSED'));
      const error = await rejectionOf(signInWith(await signRs256(mock.key, good)));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'network', status: 502 });
    });

    it("gives an upstream HttpError (502), not the user's 401, when the JWKS endpoint answers an error page", async () => {
      mock.pool.intercept({ path: JWKS_PATH, method: 'GET' }).reply(500, '<html>oops</html>');
      const error = await rejectionOf(signInWith(await signRs256(mock.key, good)));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', status: 502, reason: 'status', message: "GenAuth's JWKS endpoint answered HTTP 500" });
    });

    it('gives an InvalidResponseError when the JWKS endpoint answers 200 without a key set', async () => {
      mock.pool.intercept({ path: JWKS_PATH, method: 'GET' }).reply(200, '{"no":"keys"}');
      const error = await rejectionOf(signInWith(await signRs256(mock.key, good)));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502, message: "GenAuth's JWKS endpoint answered a malformed key set" });
    });

    it('ends a strategy login as an error (502) when the JWKS cannot be reached', async () => {
      mock.pool.intercept({ path: JWKS_PATH, method: 'GET' }).replyWithError(new Error('connect ECONNREFUSED'));
      const token = await signRs256(mock.key, good);
      mock.onSignIn(() => ({ body: successBody(token) }));
      const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'test-source' }, async () => ({ id: 'never' }));
      const result = await runStrategy(strategy, mockRequest({ body: { code: 'c' } }));
      expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 502 }) });
    });
  });
});

describe('buildProfile', () => {
  const claims = (extra: Record<string, unknown>): IdTokenClaims => ({ sub: 'u-1', iss: ISSUER, aud: APP.appId, iat: 1, exp: 2, ...extra });

  it.each([
    ['name', { name: 'Ada Lovelace', nickname: 'ada', preferred_username: 'ada_l', email: 'a@x.io', phone_number: '+1' }, 'Ada Lovelace'],
    ['nickname', { nickname: 'ada', preferred_username: 'ada_l', email: 'a@x.io', phone_number: '+1' }, 'ada'],
    ['preferred_username', { preferred_username: 'ada_l', username: 'u', email: 'a@x.io', phone_number: '+1' }, 'ada_l'],
    ['username', { username: 'u', email: 'a@x.io', phone_number: '+1' }, 'u'],
    ['email', { email: 'a@x.io', phone_number: '+1' }, 'a@x.io'],
    ['phone_number', { phone_number: '+8613800000000' }, '+8613800000000'],
    ['sub', { name: '' }, 'u-1'],
  ])('takes displayName from %s when the earlier claims are absent', (_claim, extra, displayName) => {
    expect(buildProfile('wechat', claims(extra), 'tok').displayName).toBe(displayName);
  });

  it('maps every claim GenAuth sends into the Passport profile shape', () => {
    const profile = buildProfile(
      'apple',
      claims({
        name: 'Ada',
        preferred_username: 'ada_l',
        given_name: 'Ada',
        family_name: 'Lovelace',
        email: 'ada@example.com',
        email_verified: true,
        phone_number: '+8613800000000',
        phone_number_verified: false,
        picture: 'https://img.example/ada.png',
      }),
      'the.id.token',
    );
    expect(profile).toEqual({
      provider: 'genauth',
      connection: 'apple',
      id: 'u-1',
      displayName: 'Ada',
      username: 'ada_l',
      name: { familyName: 'Lovelace', givenName: 'Ada' },
      emails: [{ value: 'ada@example.com', verified: true }],
      phoneNumbers: [{ value: '+8613800000000', verified: false }],
      photos: [{ value: 'https://img.example/ada.png' }],
      _json: expect.objectContaining({ sub: 'u-1', email: 'ada@example.com', picture: 'https://img.example/ada.png' }),
    });
    expect(profile._raw).toBe('the.id.token');
  });

  it('marks email and phone verified only for a boolean true claim', () => {
    const profile = buildProfile('x', claims({ email: 'a@x.io', email_verified: 'true', phone_number: '+1', phone_number_verified: true }), 't');
    expect(profile.emails).toEqual([{ value: 'a@x.io', verified: false }]);
    expect(profile.phoneNumbers).toEqual([{ value: '+1', verified: true }]);
  });

  it('leaves out what the claims do not say', () => {
    const profile = buildProfile('x', claims({ given_name: 'Ada' }), 't');
    expect(Object.keys(profile).sort()).toEqual(['_json', 'connection', 'displayName', 'id', 'name', 'provider']);
    expect(profile.name).toEqual({ givenName: 'Ada' });
  });

  it('keeps _raw present but not enumerable, so JSON.stringify(profile) never holds the id_token', () => {
    const idToken = 'eyJhbGciOiJSUzI1NiJ9.SECRET-ID-TOKEN-PAYLOAD.sig';
    const profile = buildProfile('wechat', claims({ name: 'Ada' }), idToken);
    expect(profile._raw).toBe(idToken);
    expect(Object.keys(profile)).not.toContain('_raw');
    expect(Object.getOwnPropertyDescriptor(profile, '_raw')?.enumerable).toBe(false);
    expect(JSON.stringify(profile)).not.toContain('SECRET-ID-TOKEN-PAYLOAD');
    expect({ ...profile }).not.toHaveProperty('_raw');
  });
});

describe('a refused id_token leaves no personal data in the error', () => {
  it.each([
    ['a wrong aud', { aud: 'another-app' }],
    ['an expired token', { issuedAtOffsetSec: -7200, expiresInSec: 3600 }],
    ['a wrong iss', { iss: 'https://elsewhere.example/oidc' }],
  ])('%s: util.inspect, JSON and the cause chain carry no claim of the user', async (_label, change) => {
    const mock = await startMock();
    mock.serveJwks();
    const client = mock.client();
    try {
      const token = await signRs256(mock.key, {
        ...good,
        ...change,
        extra: { email: 'victim@example.com', phone_number: '+8613800000000', name: 'Victim Person' },
      });
      mock.onSignIn(() => ({ body: successBody(token) }));
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(IdTokenError);
      const seen = [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)];
      for (let cause = (error as Error).cause; cause !== undefined; cause = (cause as Error).cause) seen.push(inspect(cause, { depth: 10, showHidden: true }));
      for (const text of seen) {
        expect(text).not.toContain('victim@example.com');
        expect(text).not.toContain('13800000000');
        expect(text).not.toContain('Victim Person');
      }
    } finally {
      await client.close();
      await mock.close();
    }
  });
});

import { GenAuthClient, HttpError, IdTokenError, InvalidResponseError } from '@passport-genauth/core';
import { APP, ISSUER, JWKS_PATH, makeKey, signRs256, type MockGenAuth, type TestKey } from '@passport-genauth/testing';
import { SignJWT } from 'jose';
import { codeSignIn, startMock, successBody } from './support/providers';
import { rejectionOf } from './support/failures';

/** How the JWKS endpoint answers, changeable during a test; every fetch is counted. */
interface JwksEndpoint {
  fetches: number;
  answer: { status: number; body: string; headers?: Record<string, string> };
}

describe("the client's JWKS cache", () => {
  let mock: MockGenAuth;
  let jwks: JwksEndpoint;
  const clients: GenAuthClient[] = [];

  const publish = (keys: TestKey[], headers: Record<string, string> = {}) => {
    jwks.answer = { status: 200, body: JSON.stringify({ keys: keys.map((key) => key.publicJwk) }), headers };
  };

  beforeEach(async () => {
    mock = await startMock();
    jwks = { fetches: 0, answer: { status: 200, body: '' } };
    publish([mock.key]);
    mock.pool
      .intercept({ path: JWKS_PATH, method: 'GET' })
      .reply(() => {
        jwks.fetches += 1;
        return {
          statusCode: jwks.answer.status,
          data: jwks.answer.body,
          responseOptions: { headers: { 'content-type': 'application/json', ...jwks.answer.headers } },
        };
      })
      .persist();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await mock.close();
  });

  /** A client with the cooldown the test names (the mock's default is 0). */
  function clientWith(idToken: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): GenAuthClient {
    const client = new GenAuthClient({
      ...APP,
      tokenEndpointAuthMethod: 'client_secret_post',
      dispatcher: mock.agent,
      idToken: { jwksCooldownMs: 60_000, ...idToken },
      ...extra,
    });
    clients.push(client);
    return client;
  }

  /** One login whose id_token GenAuth signs with `key`. */
  async function login(client: GenAuthClient, key: TestKey = mock.key) {
    const idToken = await signRs256(key, { iss: ISSUER, aud: APP.appId });
    mock.onSignIn(() => ({ body: successBody(idToken) }));
    return client.signInByMobile(codeSignIn());
  }

  describe('while the JWKS endpoint fails (item 6)', () => {
    it('fetches once per cooldown, also at startup, and every login in between fails with the same upstream error', async () => {
      jwks.answer = { status: 500, body: 'oops' };
      const client = clientWith();
      const outcomes = await Promise.all(Array.from({ length: 40 }, () => rejectionOf(login(client))));
      for (const error of await Promise.all(Array.from({ length: 10 }, () => rejectionOf(login(client))))) outcomes.push(error);
      expect(jwks.fetches).toBe(1);
      for (const error of outcomes) expect(error).toMatchObject({ code: 'GENAUTH_HTTP', status: 502 });
    });

    it('fetches once for many logins naming an unknown kid while the endpoint answers 500', async () => {
      const client = clientWith();
      await login(client);
      expect(jwks.fetches).toBe(1);
      jwks.answer = { status: 500, body: 'oops' };
      const rotated = await makeKey('key-2');
      // Within the cooldown of the first fetch an unknown kid is refused without a fetch.
      expect(await rejectionOf(login(client, rotated))).toBeInstanceOf(IdTokenError);
      expect(jwks.fetches).toBe(1);
      jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 61_000);
      const errors = await Promise.all(Array.from({ length: 30 }, () => rejectionOf(login(client, rotated))));
      expect(jwks.fetches).toBe(2);
      // The wave shared one refetch and met its failure, as do the logins after it within the cooldown.
      for (const error of errors) expect(error).toMatchObject({ code: 'GENAUTH_HTTP', status: 502 });
      expect(await rejectionOf(login(client, rotated))).toMatchObject({ code: 'GENAUTH_HTTP' });
      expect(jwks.fetches).toBe(2);
      await expect(login(client)).resolves.toMatchObject({ claims: { iss: ISSUER } });
      expect(jwks.fetches).toBe(2);
    });

    it("answers a malformed key set as an upstream error (502), not as the user's 401, and does not refetch it on every login", async () => {
      jwks.answer = { status: 200, body: '{"keys":[1]}' };
      const client = clientWith();
      const first = await rejectionOf(login(client));
      expect(first).toBeInstanceOf(InvalidResponseError);
      expect(first).toMatchObject({ status: 502, message: "GenAuth's JWKS endpoint answered a malformed key set" });
      expect(await rejectionOf(login(client))).toBeInstanceOf(InvalidResponseError);
      expect(jwks.fetches).toBe(1);
    });
  });

  describe('keys have a maximum age (item 7)', () => {
    it('stops accepting a key GenAuth withdrew once the set is past its max age, refreshing in the background', async () => {
      const client = clientWith({ jwksMaxAgeMs: 600_000, jwksCooldownMs: 0 });
      await login(client);
      const withdrawn = mock.key;
      const next = await makeKey('key-2');
      publish([next]);
      const start = Date.now();
      const clock = jest.spyOn(Date, 'now');
      clock.mockReturnValue(start + 5 * 60_000);
      await expect(login(client, withdrawn)).resolves.toBeDefined();
      expect(jwks.fetches).toBe(1);
      clock.mockReturnValue(start + 11 * 60_000);
      // Past the max age: this login still uses the cached set while the refresh runs in the background.
      await expect(login(client, withdrawn)).resolves.toBeDefined();
      await new Promise((resolve) => setImmediate(resolve));
      expect(jwks.fetches).toBe(2);
      const refused = await rejectionOf(login(client, withdrawn));
      expect(refused).toBeInstanceOf(IdTokenError);
      await expect(login(client, next)).resolves.toBeDefined();
      expect(jwks.fetches).toBeLessThanOrEqual(3);
    });

    it('no longer trusts a set older than twice its max age when every refresh failed', async () => {
      const client = clientWith({ jwksMaxAgeMs: 600_000, jwksCooldownMs: 1_000 });
      await login(client);
      jwks.answer = { status: 503, body: 'down' };
      const start = Date.now();
      jest.spyOn(Date, 'now').mockReturnValue(start + 21 * 60_000);
      expect(await rejectionOf(login(client))).toMatchObject({ code: 'GENAUTH_HTTP', status: 503 });
      expect(await rejectionOf(login(client))).toBeInstanceOf(HttpError);
      expect(jwks.fetches).toBe(2);
    });

    it('honours a shorter cache-control max-age, but not below a minute', async () => {
      publish([mock.key], { 'cache-control': 'public, max-age=5' });
      const client = clientWith({ jwksMaxAgeMs: 600_000, jwksCooldownMs: 0 });
      await login(client);
      const start = Date.now();
      const clock = jest.spyOn(Date, 'now');
      clock.mockReturnValue(start + 30_000);
      await login(client);
      await new Promise((resolve) => setImmediate(resolve));
      expect(jwks.fetches).toBe(1);
      clock.mockReturnValue(start + 61_000);
      await login(client);
      await new Promise((resolve) => setImmediate(resolve));
      expect(jwks.fetches).toBe(2);
    });
  });

  it('refuses a non-string kid before any key lookup (item 8)', async () => {
    const client = clientWith({ jwksCooldownMs: 0 });
    const numericKid = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 5 as unknown as string })
      .setIssuer(ISSUER)
      .setAudience(APP.appId)
      .setSubject('s')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(mock.key.privateKey);
    mock.onSignIn(() => ({ body: successBody(numericKid) }));
    const error = await rejectionOf(client.signInByMobile(codeSignIn()));
    expect(error).toBeInstanceOf(IdTokenError);
    expect(jwks.fetches).toBe(0);
  });

  describe('warm-up (issue 11)', () => {
    it('fetches the keys before the first login, which then needs no fetch', async () => {
      const client = clientWith();
      await expect(client.warmUp()).resolves.toMatchObject({ ok: true, keys: 1 });
      await login(client);
      expect(jwks.fetches).toBe(1);
    });

    it('never throws when GenAuth is down, and reports why', async () => {
      jwks.answer = { status: 503, body: 'down' };
      const result = await clientWith().warmUp();
      expect(result).toMatchObject({ ok: false, error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 503 }) });
    });

    it('warms up at construction with warmUp: true', async () => {
      const client = clientWith({}, { warmUp: true });
      await client.warmUp();
      expect(jwks.fetches).toBe(1);
    });

    it('lets the concurrent first logins of a fresh client share one fetch, and all succeed', async () => {
      const client = clientWith();
      const results = await Promise.all(Array.from({ length: 25 }, () => login(client)));
      expect(results).toHaveLength(25);
      expect(jwks.fetches).toBe(1);
    });
  });
});

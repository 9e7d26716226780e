import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, isConnection, startEmulator, type Emulator } from '@passport-genauth/emulator';
import request from 'supertest';
import { loginApp } from './login-app';
import { construct, strategyClassesOf, type ProviderStrategyClass } from './strategy-classes';

/**
 * End-to-end suite for our own provider packages (Jest): each strategy logs a user in through a real
 * Express app and `passport`, over real HTTP to the GenAuth emulator on loopback.
 */
export function describeEndToEnd(family: Readonly<Record<string, unknown>>): void {
  const strategies = strategyClassesOf(family).filter((Strategy) => isConnection(Strategy.provider.connection));
  describe('end to end through Express, passport and the emulator', () => {
    // A suite that silently ran zero tests would look green: say what cannot be tested instead.
    it('covers every strategy of the family', () => {
      assertEndToEndCoverage(family);
    });
    let emulator: Emulator;
    let client: GenAuthClient;
    beforeAll(async () => {
      emulator = await startEmulator();
      client = new GenAuthClient({
        appHost: emulator.url,
        appId: DEMO_APP.appId,
        appSecret: DEMO_APP.appSecret,
        tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
      });
    });
    afterAll(async () => {
      await client.close();
      await emulator.close();
    });
    for (const Strategy of strategies) describeStrategy(Strategy, () => ({ emulator, client }));
  });
}

/**
 * Throws unless the emulator knows every connection of the family's strategies (and there is at least
 * one), naming each connection it cannot sign in with.
 */
export function assertEndToEndCoverage(family: Readonly<Record<string, unknown>>): void {
  const all = strategyClassesOf(family);
  if (all.length === 0) throw new Error('describeEndToEnd found no strategy class in the module it was given');
  const unknown = all.map((Strategy) => Strategy.provider.connection).filter((connection) => !isConnection(connection));
  if (unknown.length > 0) {
    throw new Error(`the GenAuth emulator does not know ${unknown.join(', ')}: teach it the connection, or use describeProvider alone`);
  }
}

function describeStrategy(Strategy: ProviderStrategyClass, env: () => { emulator: Emulator; client: GenAuthClient }): void {
  const { connection, payloadKey, strategyName } = Strategy.provider;
  const app = () => {
    const strategy = construct(
      Strategy,
      { client: env().client, extIdpConnidentifier: connection, scope: 'openid profile email phone' },
      async (_tokens: unknown, profile: { id: string }) => ({ id: profile.id }),
    );
    return loginApp([strategy]);
  };
  const mint = (user: string) => env().emulator.mintCredential(connection as never, { user, email: `${user}@example.com` });

  describe(strategyName, () => {
    it('signs a minted user in, sends GenAuth exactly the credential, and maps the same user to the same sub', async () => {
      const credential = mint('alice');
      const first = await request(app()).post(`/login/${strategyName}`).send(credential);
      expect(first.status).toBe(200);
      expect(env().emulator.requests.at(-1)?.body).toMatchObject({ connection, extIdpConnidentifier: connection, [payloadKey]: credential });
      expect(first.body.tokens).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), idToken: expect.any(String) });
      const second = await request(app()).post(`/login/${strategyName}`).send(mint('alice'));
      expect(second.status).toBe(200);
      expect(second.body.user.id).toBe(first.body.user.id);
      const other = await request(app()).post(`/login/${strategyName}`).send(mint('bob'));
      expect(other.body.user.id).not.toBe(first.body.user.id);
    });

    it("answers 401 with GenAuth's message and requestId when the one-time credential is replayed", async () => {
      const credential = mint('carol');
      await request(app()).post(`/login/${strategyName}`).send(credential).expect(200);
      const replay = await request(app()).post(`/login/${strategyName}`).send(credential);
      expect(replay.status).toBe(401);
      expect(replay.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId: expect.any(String), message: expect.any(String) });
    });

    it('answers 400 without reaching GenAuth when the credential is missing', async () => {
      const before = env().emulator.stats().received;
      const res = await request(app()).post(`/login/${strategyName}`).send({});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('GENAUTH_INVALID_CREDENTIALS');
      expect(env().emulator.stats().received).toBe(before);
    });
  });
}

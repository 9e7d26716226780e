import { InvalidResponseError } from '@passport-genauth/core';
import { MockAgent } from 'undici';
import { JwksCache, type JwksFetchEvent } from '../src/jwks-cache';
import { jwkOf, makeJwtKeys, type JwtKeys } from './support/jwt-keys';

const ORIGIN = 'https://tenant.genauth.example';
const PATH = '/oidc/.well-known/jwks.json';

describe('the JWKS cache warms up once per cooldown and names a key set it cannot read', () => {
  let keys: JwtKeys;
  let agent: MockAgent;
  let answer: { status: number; body: string };
  let fetches: number;
  let clock: number;
  let events: JwksFetchEvent[];

  beforeAll(async () => {
    keys = await makeJwtKeys();
  });

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    fetches = 0;
    clock = 1_000_000;
    events = [];
    answer = { status: 200, body: JSON.stringify({ keys: [jwkOf(keys.public.rsaA, { kid: 'a' }), jwkOf(keys.public.rsaB, { kid: 'b' })] }) };
    agent
      .get(ORIGIN)
      .intercept({ path: PATH, method: 'GET', headers: { accept: 'application/json' } })
      .reply(() => {
        fetches += 1;
        return { statusCode: answer.status, data: answer.body, responseOptions: { headers: { 'content-type': 'application/json' } } };
      })
      .persist();
  });

  afterEach(async () => {
    await agent.close();
  });

  function cache(): JwksCache {
    return new JwksCache({
      uri: `${ORIGIN}${PATH}`,
      dispatcher: agent,
      timeoutMs: 5_000,
      cooldownMs: 30_000,
      maxAgeMs: 600_000,
      onFetch: (event) => events.push(event),
      now: () => clock,
    });
  }

  it('fetches on the first warm-up, answers a second one within the cooldown from the cached set, and fetches again after it', async () => {
    const jwks = cache();
    expect(await jwks.warmUp()).toBe(2);
    expect(fetches).toBe(1);

    clock += 29_999;
    expect(await jwks.warmUp()).toBe(2);
    expect(fetches).toBe(1);

    clock += 1;
    expect(await jwks.warmUp()).toBe(2);
    expect(fetches).toBe(2);
    expect(events.map((event) => [event.reason, event.ok, event.jwksUri])).toEqual([
      ['warm-up', true, `${ORIGIN}${PATH}`],
      ['warm-up', true, `${ORIGIN}${PATH}`],
    ]);
  });

  it('refuses a key set that is not JSON as an invalid response that keeps the body out of its message', async () => {
    answer = { status: 200, body: '<html>maintenance</html>' };
    const error = await cache()
      .warmUp()
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      code: 'GENAUTH_INVALID_RESPONSE',
      status: 502,
      message: "GenAuth's JWKS endpoint answered something that is not JSON",
      responseBody: '<html>maintenance</html>',
    });
    expect(events.map((event) => [event.reason, event.ok])).toEqual([['warm-up', false]]);
  });
});

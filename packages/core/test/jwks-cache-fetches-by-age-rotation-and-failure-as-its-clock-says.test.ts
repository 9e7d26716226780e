import { KeyObject } from 'node:crypto';
import { HttpError, InvalidResponseError } from '@passport-genauth/core';
import { MockAgent } from 'undici';
import { JwksCache, type JwksCacheOptions, type JwksFetchEvent } from '../src/jwks-cache';
import { JwtError } from '../src/jwt';
import { jwkOf, makeJwtKeys, type JwtKeys } from './support/jwt-keys';
import { failureOf } from './support/failures';

const ORIGIN = 'https://tenant.genauth.example';
const PATH = '/oidc/.well-known/jwks.json';
const A = { alg: 'RS256', kid: 'a' } as const;
const B = { alg: 'RS256', kid: 'b' } as const;

describe('the JWKS cache fetches by age, rotation and failure, as its clock says', () => {
  let keys: JwtKeys;
  let agent: MockAgent;
  let answer: { status: number; body: string; headers: Record<string, string> };
  let fetches: number;
  let clock: number;
  let events: JwksFetchEvent[];

  beforeAll(async () => {
    keys = await makeJwtKeys();
  });

  const publish = (kids: string[], headers: Record<string, string> = {}) => {
    const pool = { a: keys.public.rsaA, b: keys.public.rsaB } as const;
    answer = { status: 200, body: JSON.stringify({ keys: kids.map((kid) => jwkOf(pool[kid as 'a' | 'b'], { kid })) }), headers };
  };

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    fetches = 0;
    clock = 5_000_000;
    events = [];
    publish(['a']);
    agent
      .get(ORIGIN)
      .intercept({ path: PATH, method: 'GET', headers: { accept: 'application/json' } })
      .reply(() => {
        fetches += 1;
        return { statusCode: answer.status, data: answer.body, responseOptions: { headers: answer.headers } };
      })
      .persist();
  });

  afterEach(async () => {
    await agent.close();
  });

  function cache(options: Partial<JwksCacheOptions> = {}): JwksCache {
    return new JwksCache({
      uri: `${ORIGIN}${PATH}`,
      dispatcher: agent,
      timeoutMs: 5_000,
      cooldownMs: 30_000,
      maxAgeMs: 600_000,
      onFetch: (event) => events.push(event),
      now: () => clock,
      ...options,
    });
  }

  const reasons = () => events.map((event) => `${event.reason}:${String(event.ok)}`);

  it('fetches once for concurrent first lookups, then answers synchronously from the cached set', async () => {
    const jwks = cache();
    const [first, second] = await Promise.all([jwks.keyFor(A), jwks.keyFor(A)]);
    expect(first).toBeInstanceOf(KeyObject);
    expect(second).toBe(first);
    expect(jwks.keyFor(A)).toBe(first);
    expect(fetches).toBe(1);
    expect(events).toEqual([{ jwksUri: `${ORIGIN}${PATH}`, reason: 'cold', durationMs: 0, ok: true }]);
  });

  it('refetches for an unknown kid only once the cooldown has passed, and then finds the rotated key', async () => {
    const jwks = cache();
    await jwks.keyFor(A);
    publish(['a', 'b']);
    clock += 29_999;
    const refused = await failureOf(() => jwks.keyFor(B));
    expect(refused).toBeInstanceOf(JwtError);
    expect(refused).toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    expect(fetches).toBe(1);

    clock += 1;
    await expect(jwks.keyFor(B)).resolves.toBeInstanceOf(KeyObject);
    expect(fetches).toBe(2);
    expect(reasons()).toEqual(['cold:true', 'unknown-kid:true']);
  });

  it('lets concurrent lookups of the same unknown kid share one fetch', async () => {
    const jwks = cache();
    await jwks.keyFor(A);
    publish(['a', 'b']);
    clock += 30_000;
    const first = jwks.keyFor(B);
    const second = jwks.keyFor(B);
    expect(second).toBeInstanceOf(Promise);
    const [one, other] = await Promise.all([first, second]);
    expect(one.equals(keys.public.rsaB)).toBe(true);
    expect(other).toBe(one);
    expect(fetches).toBe(2);
  });

  it('forgets a failed fetch once a later one succeeds: an unknown kid is then a missing key again', async () => {
    answer = { status: 500, body: 'down', headers: {} };
    const jwks = cache();
    expect(await failureOf(() => jwks.keyFor(A))).toBeInstanceOf(HttpError);
    publish(['a']);
    clock += 30_000;
    await expect(jwks.keyFor(A)).resolves.toBeInstanceOf(KeyObject);
    clock += 1;
    expect(await failureOf(() => jwks.keyFor(B))).toMatchObject({ name: 'JwtError', code: 'ERR_JWKS_NO_MATCHING_KEY' });
    expect(fetches).toBe(2);
  });

  it('answers an unknown kid within the cooldown with the failure of the last fetch, not with a missing key', async () => {
    const jwks = cache();
    await jwks.keyFor(A);
    answer = { status: 500, body: 'down', headers: {} };
    clock += 30_000;
    const first = await failureOf(() => jwks.keyFor(B));
    expect(first).toBeInstanceOf(HttpError);
    clock += 1;
    const second = await failureOf(() => jwks.keyFor(B));
    expect(second).toBe(first);
    expect(fetches).toBe(2);
  });

  it('does not refetch for a refusal other than a missing key', async () => {
    publish(['a']);
    answer.body = JSON.stringify({ keys: [jwkOf(keys.public.rsaA, { kid: 'a' }), jwkOf(keys.public.rsaB, { kid: 'a' })] });
    const jwks = cache({ cooldownMs: 0 });
    const refused = await failureOf(() => jwks.keyFor(A));
    expect(refused).toMatchObject({ code: 'ERR_JWKS_MULTIPLE_MATCHING_KEYS' });
    expect(await failureOf(() => jwks.keyFor(A))).toMatchObject({ code: 'ERR_JWKS_MULTIPLE_MATCHING_KEYS' });
    expect(fetches).toBe(1);
  });

  /** Resolves once `count` fetches have been reported (a background refresh has no promise to await). */
  async function reported(count: number): Promise<void> {
    for (let turn = 0; turn < 1_000 && events.length < count; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(events).toHaveLength(count);
  }

  /** `ms` more and the fetched set still answers with no fetch; one millisecond later it is refreshed in the background. */
  async function expectUsedForThenRefreshed(jwks: JwksCache, ms: number): Promise<void> {
    clock += ms;
    expect(jwks.keyFor(A)).toBeInstanceOf(KeyObject);
    expect(fetches).toBe(1);
    clock += 1;
    expect(jwks.keyFor(A)).toBeInstanceOf(KeyObject);
    await reported(2);
    expect(reasons()).toEqual(['cold:true', 'expired:true']);
  }

  it('uses a set up to its max age, and past it keeps answering from it while it refreshes in the background', async () => {
    const jwks = cache();
    const key = await jwks.keyFor(A);
    clock += 600_000;
    expect(jwks.keyFor(A)).toBe(key);
    expect(fetches).toBe(1);

    answer = { status: 500, body: 'down', headers: {} };
    clock += 1;
    expect(jwks.keyFor(A)).toBe(key);
    await reported(2);
    expect(fetches).toBe(2);
    expect(reasons()).toEqual(['cold:true', 'expired:false']);
    expect(jwks.keyFor(A)).toBe(key);
  });

  it('stops trusting a set older than twice its max age, failing with the last fetch failure within the cooldown', async () => {
    const jwks = cache({ maxAgeMs: 100_000, cooldownMs: 100_001 });
    await jwks.keyFor(A);
    answer = { status: 503, body: 'down', headers: {} };
    clock += 100_001;
    expect(jwks.keyFor(A)).toBeInstanceOf(KeyObject);
    await reported(2);
    clock += 99_999;
    expect(jwks.keyFor(A)).toBeInstanceOf(KeyObject);
    clock += 1;
    const error = await failureOf(() => jwks.keyFor(A));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503, message: "GenAuth's JWKS endpoint answered HTTP 503" });
    expect(fetches).toBe(2);
  });

  it.each([
    ['max-age=120', 120_000],
    ['public, max-age="300"', 300_000],
    ['max-age = 240 , must-revalidate', 240_000],
    ['max-age=10', 60_000],
    ['max-age=9000', 600_000],
    ['s-maxage=120', 600_000],
    ['proxy-max-age=120', 600_000],
    ['MAX-AGE=120', 120_000],
    ['private,max-age=180', 180_000],
    ['max-age=120x', 600_000],
    ['no-store', 600_000],
  ])('takes cache-control %j as a max age of %d ms', async (cacheControl, maxAgeMs) => {
    publish(['a'], { 'cache-control': cacheControl });
    const jwks = cache();
    await jwks.keyFor(A);
    await expectUsedForThenRefreshed(jwks, maxAgeMs);
  });

  it('refreshes a set past a max age shorter than the cooldown only once the cooldown has passed', async () => {
    publish(['a'], { 'cache-control': 'max-age=60' });
    const jwks = cache({ cooldownMs: 120_000 });
    await jwks.keyFor(A);
    clock += 60_001;
    expect(jwks.keyFor(A)).toBeInstanceOf(KeyObject);
    await expectUsedForThenRefreshed(jwks, 59_998);
  });

  it('never lets a max age under a minute shorten a configured one below it', async () => {
    publish(['a'], { 'cache-control': 'max-age=5' });
    const jwks = cache({ maxAgeMs: 30_000 });
    await jwks.keyFor(A);
    await expectUsedForThenRefreshed(jwks, 30_000);
  });

  it.each([
    [500, 502],
    [404, 502],
    [503, 503],
    [504, 504],
  ])('reports a JWKS endpoint answering HTTP %d as an HttpError with status %d', async (status, expected) => {
    answer = { status, body: 'nope', headers: {} };
    const error = await failureOf(() => cache().keyFor(A));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      code: 'GENAUTH_HTTP',
      reason: 'status',
      status: expected,
      message: `GenAuth's JWKS endpoint answered HTTP ${status}`,
      responseBody: 'nope',
    });
  });

  it('reports JSON that is not a key set as a malformed key set', async () => {
    answer = { status: 200, body: '{"keys":"none"}', headers: {} };
    const error = await failureOf(() => cache().keyFor(A));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 502, message: "GenAuth's JWKS endpoint answered a malformed key set", responseBody: '{"keys":"none"}' });
  });
});

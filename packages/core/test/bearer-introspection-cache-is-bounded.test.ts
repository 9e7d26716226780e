import { IntrospectionCache } from '../src/introspection-cache';

/** A cache on a clock the test moves, and a question that counts how often GenAuth was asked. */
function setup(ttlMs: number, maxEntries = 100) {
  let now = 1_700_000_000_000;
  const cache = new IntrospectionCache({ ttlMs, maxEntries, now: () => now });
  let asked = 0;
  const ask =
    (active = true) =>
    async () => {
      asked += 1;
      return active;
    };
  return { cache, ask, asked: () => asked, advance: (ms: number) => (now += ms), nowSeconds: () => Math.floor(now / 1000) };
}

describe('the introspection cache', () => {
  it('reuses an answer for at most ttlMs', async () => {
    const { cache, ask, asked, advance, nowSeconds } = setup(5_000);
    const exp = nowSeconds() + 3600;
    await cache.isActive('jti-1', exp, ask());
    advance(4_999);
    await cache.isActive('jti-1', exp, ask());
    expect(asked()).toBe(1);
    advance(1);
    await cache.isActive('jti-1', exp, ask());
    expect(asked()).toBe(2);
  });

  it("never reuses an answer past the token's exp, however long ttlMs is", async () => {
    const { cache, ask, asked, advance, nowSeconds } = setup(3_600_000);
    const exp = nowSeconds() + 10;
    await cache.isActive('jti-1', exp, ask());
    advance(9_000);
    await cache.isActive('jti-1', exp, ask());
    expect(asked()).toBe(1);
    advance(2_000);
    await cache.isActive('jti-1', exp, ask());
    expect(asked()).toBe(2);
  });

  it('keeps nothing with ttlMs 0, and nothing for a token already expired', async () => {
    const zero = setup(0);
    await zero.cache.isActive('a', zero.nowSeconds() + 3600, zero.ask());
    expect(zero.cache.size).toBe(0);
    const late = setup(60_000);
    await late.cache.isActive('a', late.nowSeconds() - 1, late.ask());
    expect(late.cache.size).toBe(0);
  });

  it('holds at most maxEntries answers, dropping the oldest first', async () => {
    const { cache, ask, asked, nowSeconds } = setup(60_000, 3);
    const exp = nowSeconds() + 3600;
    for (const jti of ['a', 'b', 'c', 'd', 'e']) await cache.isActive(jti, exp, ask());
    expect(cache.size).toBe(3);
    await cache.isActive('e', exp, ask());
    expect(asked()).toBe(5);
    await cache.isActive('a', exp, ask());
    expect(asked()).toBe(6);
  });

  it('caches a revoked answer like an active one, and shares one question between concurrent lookups', async () => {
    const { cache, ask, asked, nowSeconds } = setup(60_000);
    const exp = nowSeconds() + 3600;
    const answers = await Promise.all([cache.isActive('r', exp, ask(false)), cache.isActive('r', exp, ask(false)), cache.isActive('r', exp, ask(false))]);
    expect(answers).toEqual([false, false, false]);
    expect(asked()).toBe(1);
  });

  it('keeps no answer when asking failed, so the next request asks again (fail closed, not cached)', async () => {
    const { cache, asked, ask, nowSeconds } = setup(60_000);
    const exp = nowSeconds() + 3600;
    await expect(cache.isActive('x', exp, async () => Promise.reject(new Error('unreachable')))).rejects.toThrow('unreachable');
    await cache.isActive('x', exp, ask());
    expect(asked()).toBe(1);
  });
});

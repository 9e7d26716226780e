import { IntrospectionCache } from '../src/introspection-cache';

/** What the introspection cache must not keep: anything when it holds no entries, an answer for a token expiring now. */
describe('the introspection cache at its limits', () => {
  const NOW = 1_700_000_000_000;
  const ask = () => Promise.resolve(true);

  it('keeps nothing when it may hold no entries, and still answers', async () => {
    const cache = new IntrospectionCache({ ttlMs: 60_000, maxEntries: 0, now: () => NOW });
    await expect(cache.isActive('a', NOW / 1000 + 3600, ask)).resolves.toBe(true);
    expect(cache.size).toBe(0);
  });

  it('keeps no answer for a token whose exp is this very second', async () => {
    const cache = new IntrospectionCache({ ttlMs: 60_000, maxEntries: 10, now: () => NOW });
    await cache.isActive('a', NOW / 1000, ask);
    expect(cache.size).toBe(0);
    await cache.isActive('b', NOW / 1000 + 1, ask);
    expect(cache.size).toBe(1);
  });
});

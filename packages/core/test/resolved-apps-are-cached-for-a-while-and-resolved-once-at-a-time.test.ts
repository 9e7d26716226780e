import { AppCache } from '../src/app-cache';

/** The cache behind `GenAuthApps({ resolve })`: lazily resolved applications, bounded in number and age. */
describe('the cache of resolved applications', () => {
  let now: number;
  let clock: jest.SpyInstance;
  beforeEach(() => {
    now = 1_000_000;
    clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => clock.mockRestore());

  function cache(size = 10, ttlMs = 1_000) {
    const evicted: string[] = [];
    const resolved: string[] = [];
    const apps = new AppCache<string>(size, ttlMs, (client) => evicted.push(client));
    const resolve = async (alias: string) => {
      resolved.push(alias);
      return `client-${alias}-${resolved.length}`;
    };
    return { apps, evicted, resolved, resolve };
  }

  it('answers a cached application synchronously until its time to live is over, then resolves it again and evicts the old client', async () => {
    const { apps, evicted, resolved, resolve } = cache(10, 1_000);
    expect(await apps.get('ios', resolve)).toBe('client-ios-1');
    now += 999;
    expect(apps.get('ios', resolve)).toBe('client-ios-1');
    now += 1;
    expect(await apps.get('ios', resolve)).toBe('client-ios-2');
    expect(evicted).toEqual(['client-ios-1']);
    expect(resolved).toEqual(['ios', 'ios']);
  });

  it('shares one resolution between concurrent lookups of one alias', async () => {
    const { apps, resolved, resolve } = cache();
    const [a, b] = await Promise.all([apps.get('web', resolve), apps.get('web', resolve)]);
    expect([a, b]).toEqual(['client-web-1', 'client-web-1']);
    expect(resolved).toEqual(['web']);
    expect(apps.size).toBe(1);
  });

  it('caches nothing for an alias that resolves to no application, so the next lookup asks again', async () => {
    const { apps } = cache();
    const answers: Array<string | undefined> = [undefined, 'client-late'];
    const resolve = jest.fn(async () => answers.shift());
    expect(await apps.get('late', resolve)).toBeUndefined();
    expect(apps.size).toBe(0);
    expect(await apps.get('late', resolve)).toBe('client-late');
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('evicts the least recently used application once full, and every client on clear()', async () => {
    const { apps, evicted, resolve } = cache(2);
    await apps.get('a', resolve);
    await apps.get('b', resolve);
    void apps.get('a', resolve);
    await apps.get('c', resolve);
    expect(evicted).toEqual(['client-b-2']);
    expect(apps.size).toBe(2);
    apps.clear();
    expect(evicted.sort()).toEqual(['client-a-1', 'client-b-2', 'client-c-3']);
    expect(apps.size).toBe(0);
  });
});

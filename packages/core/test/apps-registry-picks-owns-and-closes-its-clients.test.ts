import { ConfigurationError, GenAuthApps, GenAuthClient, UnknownAppError } from '../src';
import { rejectionOf } from './support/failures';

const APP = { appHost: 'https://never-called.example.com', appId: 'app-1', appSecret: 'app-secret' } as const;

describe('apps registry picks the app a request names', () => {
  it('treats an empty alias from select as no selection', async () => {
    const apps = new GenAuthApps({ apps: { ios: APP }, select: () => '' });
    try {
      const error = await rejectionOf(apps.choose({ headers: {} }));
      expect(error).toBeInstanceOf(UnknownAppError);
      expect(error).toMatchObject({ status: 400, message: 'No application selected for this request: one of ios' });
    } finally {
      await apps.close();
    }
  });

  it('prefers the route pin over select, and select over the default', async () => {
    const apps = new GenAuthApps({ apps: { ios: APP, web: APP, mini: APP }, select: () => 'web', default: 'mini' });
    const fallback = new GenAuthApps({ apps: { ios: APP, mini: APP }, select: () => undefined, default: 'mini' });
    try {
      expect((await apps.choose({ headers: {} }, 'ios')).alias).toBe('ios');
      expect((await apps.choose({ headers: {} })).alias).toBe('web');
      const chosen = await fallback.choose({ headers: {} });
      expect(chosen.alias).toBe('mini');
      expect(chosen.client).toBe(await fallback.client('mini'));
    } finally {
      await apps.close();
      await fallback.close();
    }
  });

  it('never asks resolve about a name that is not an alias, and quotes at most 64 characters of it', async () => {
    const asked: string[] = [];
    const apps = new GenAuthApps({
      apps: { ios: APP },
      select: (req) => req.headers['x-app'] as string,
      resolve: (alias) => {
        asked.push(alias);
        return undefined;
      },
    });
    try {
      const long = 'y'.repeat(100);
      expect(await rejectionOf(apps.choose({ headers: { 'x-app': `../${long}` } }))).toMatchObject({
        code: 'GENAUTH_UNKNOWN_APP',
        message: `Unknown application ${JSON.stringify(`../${long}`.slice(0, 64))}: one of ios`,
      });
      expect(await apps.client('../evil')).toBeUndefined();
      expect(await apps.client('ios')).toBeInstanceOf(GenAuthClient);
      expect(asked).toEqual([]);
      expect(await rejectionOf(apps.choose({ headers: { 'x-app': 'tenant-1' } }))).toMatchObject({ message: 'Unknown application "tenant-1": one of ios' });
      expect(asked).toEqual(['tenant-1']);
    } finally {
      await apps.close();
    }
  });

  it('uses a client that resolve returns as it is (and owns it from then on), and builds one from options', async () => {
    const given = new GenAuthClient({ ...APP, appId: 'given' });
    const apps = new GenAuthApps({ resolve: (alias) => (alias === 'given' ? given : { ...APP, appId: `built-${alias}` }) });
    try {
      expect(await apps.client('given')).toBe(given);
      const built = await apps.client('other');
      expect(built).toBeInstanceOf(GenAuthClient);
      expect(built?.appId).toBe('built-other');
      expect(apps.cachedApps).toBe(2);
    } finally {
      const closed = jest.spyOn(given, 'close');
      await apps.close();
      expect(closed).toHaveBeenCalledTimes(1);
      expect(apps.cachedApps).toBe(0);
    }
  });
});

describe('apps registry closes only the clients it built', () => {
  afterEach(() => jest.restoreAllMocks());

  it('closes the clients built from options at close(), and not a client it was given', async () => {
    const close = jest.spyOn(GenAuthClient.prototype, 'close');
    const given = new GenAuthClient(APP);
    const apps = new GenAuthApps({ apps: { ios: given, web: APP } });
    const web = await apps.client('web');
    await apps.close();
    expect(close.mock.contexts).toEqual([web]);
    await given.close();
  });

  it('closes the clients it already built when another app is refused, and not a client it was given', () => {
    const close = jest.spyOn(GenAuthClient.prototype, 'close');
    const given = new GenAuthClient(APP);
    let error: unknown;
    try {
      new GenAuthApps({ apps: { ios: given, web: APP, bad: { ...APP, appHost: 'http://evil.example' } } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(close).toHaveBeenCalledTimes(1);
    expect(close.mock.contexts[0]).not.toBe(given);
    expect((close.mock.contexts[0] as GenAuthClient).appId).toBe('app-1');
    void given.close();
  });
});

describe('apps registry passes on what is not a configuration problem', () => {
  it('rethrows an error that building a client raised, as it was', () => {
    const options = {
      appId: 'a',
      get appHost(): string {
        throw new Error('settings store unavailable');
      },
    };
    expect(() => new GenAuthApps({ apps: { ios: options } })).toThrow(new Error('settings store unavailable'));
  });
});

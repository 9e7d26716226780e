import {
  ConfigurationError,
  GenAuthApps,
  GenAuthClient,
  GenAuthMobileStrategy,
  authorizationCodeProvider,
  defineStrategy,
  isGenAuthApps,
  type GenAuthFailure,
} from '../src';

const APP = { appHost: 'https://never-called.example.com', appId: 'app-1', appSecret: 'app-secret-9f2c' };
const apple = authorizationCodeProvider({ connection: 'apple', payloadKey: 'applePayload', title: 'Apple' });
class AppleStrategy extends defineStrategy(apple) {}
const verify = async () => ({ id: 'never' });

function configurationError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('GenAuthApps options that cannot work', () => {
  it('names each bad option at once: select and resolve not functions, an unknown default, bad cache bounds, an unknown key', () => {
    const error = configurationError(
      () =>
        new GenAuthApps({
          apps: { ios: APP, web: APP },
          select: 'x-app',
          resolve: {},
          default: 'android',
          cacheSize: 0,
          cacheTtlMs: 2_147_483_648,
          typo: true,
        } as never),
    );
    expect(error.issues).toEqual([
      'select: must be a function (req) => alias | undefined',
      'resolve: must be a function (alias) => client options | undefined',
      'default: must be one of the registered apps (ios, web)',
      'cacheSize: must be a positive whole number',
      'cacheTtlMs: must be a positive whole number',
      'typo: unknown option',
    ]);
    expect(error.message).toBe(`Invalid GenAuthApps options:\n  - ${error.issues.join('\n  - ')}`);
  });

  it('accepts the largest timer a cache TTL can use and refuses a fractional size', () => {
    const apps = new GenAuthApps({ apps: { ios: APP }, cacheSize: 1, cacheTtlMs: 2_147_483_647 });
    void apps.close();
    expect(configurationError(() => new GenAuthApps({ apps: { ios: APP }, cacheSize: 1.5 })).issues).toEqual(['cacheSize: must be a positive whole number']);
  });

  it('asks for the options object itself when there is none', () => {
    expect(configurationError(() => new GenAuthApps(undefined as never)).issues).toEqual(['options: required: { apps, select?, default?, resolve? }']);
  });

  it('logs as its aliases, default and public client settings, and is recognised by isGenAuthApps', async () => {
    const client = new GenAuthClient(APP);
    const apps = new GenAuthApps({ apps: { ios: client, web: { ...APP, appId: 'app-2' } }, default: 'ios' });
    expect(JSON.parse(JSON.stringify(apps))).toEqual({
      apps: {
        ios: { appHost: APP.appHost, appId: 'app-1', tokenEndpointAuthMethod: 'client_secret_post' },
        web: { appHost: APP.appHost, appId: 'app-2', tokenEndpointAuthMethod: 'client_secret_post' },
      },
      default: 'ios',
    });
    expect(JSON.stringify(apps)).not.toContain(APP.appSecret);
    expect(isGenAuthApps(apps)).toBe(true);
    expect(isGenAuthApps(client)).toBe(false);
    expect(isGenAuthApps(null)).toBe(false);
    expect(isGenAuthApps('apps')).toBe(false);
    await apps.close();
    await client.close();
  });
});

describe('credential sources a strategy cannot use', () => {
  const client = new GenAuthClient(APP);
  afterAll(() => client.close());

  it('refuses a header source for a field the provider does not have, listing its fields', () => {
    const error = configurationError(
      () => new AppleStrategy({ client, extIdpConnidentifier: 'apple', credentialSources: { headers: { token: 'x-token' } } } as never, verify),
    );
    expect(error.message).toContain('credentialSources.headers.token: is not a field of this provider; fields are: code');
  });

  it('refuses Authorization as a field header (whatever its case) and points at bearer: true', () => {
    const error = configurationError(
      () => new AppleStrategy({ client, extIdpConnidentifier: 'apple', credentialSources: { headers: { code: 'AuthoriZation' } } }, verify),
    );
    expect(error.message).toContain("credentialSources.headers.code: use bearer: true to read Authorization: Bearer (it strips the 'Bearer' scheme)");
  });

  it('accepts a field read from a header of its own', async () => {
    const strategy = new AppleStrategy({ client, extIdpConnidentifier: 'apple', credentialSources: { headers: { code: 'X-Apple-Code' } } }, verify);
    expect(strategy).toBeInstanceOf(AppleStrategy);
  });
});

describe('sign-in options decided per request', () => {
  const client = new GenAuthClient(APP);
  afterAll(() => client.close());

  it('end the login in a configuration error listing every bad option, one per line, before GenAuth is called', async () => {
    const strategy = new AppleStrategy({ client, extIdpConnidentifier: 'apple', options: async () => ({ scope: 'profile', tenantId: 5 as never }) }, verify);
    const outcome = await strategy.login({ headers: {}, body: { code: 'c' } });
    expect(outcome.type).toBe('error');
    const error = (outcome as { error: ConfigurationError }).error;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      "Invalid GenAuth sign-in options from the genauth-apple strategy's per-request options (authenticate options or options(req)):\n" +
        "  - scope: must contain 'openid' (e.g. 'openid profile')\n" +
        '  - tenantId: must be a string',
    );
  });
});

describe('genauth-mobile, run without Passport', () => {
  const client = new GenAuthClient(APP);
  afterAll(() => client.close());

  it('refuses an entry that is not a passport-genauth strategy', () => {
    for (const entry of [{}, null, { login: true }]) {
      expect(configurationError(() => new GenAuthMobileStrategy({ strategies: [entry as never] })).message).toBe(
        'Invalid genauth-mobile options:\n  - strategies: every entry must be a passport-genauth provider strategy',
      );
    }
  });

  it('accepts an object with a login method, such as a strategy of another copy of core', () => {
    const foreign = { connection: 'apple', login: async () => ({ type: 'error' as const, error: new Error('x') }) };
    expect(new GenAuthMobileStrategy({ strategies: [foreign as never] }).toJSON()).toEqual({ name: 'genauth-mobile', connections: ['apple'] });
  });

  it('answers login() without a connection 400, adding the body-parser hint when a body arrived unparsed, and never calls GenAuth', async () => {
    const mobile = new GenAuthMobileStrategy({ strategies: [new AppleStrategy({ client, extIdpConnidentifier: 'apple' }, verify)] });
    const unparsed = await mobile.login({ headers: { 'content-length': '20' } });
    expect(unparsed).toMatchObject({ type: 'fail', status: 400 });
    const challenge = (unparsed as { challenge: GenAuthFailure }).challenge;
    expect(challenge).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', fields: ['connection'] });
    expect(challenge.message).toMatch(/^Invalid mobile sign-in request: connection is required: one of apple\. The request has a body but nothing parsed it/);
    const empty = await mobile.login({ headers: {}, body: { connection: '' } });
    expect((empty as { challenge: GenAuthFailure }).challenge.message).toBe('Invalid mobile sign-in request: connection is required: one of apple');
    const other = await mobile.login({ headers: { 'content-length': '20' }, body: { connection: 'wechat' } });
    expect((other as { challenge: GenAuthFailure }).challenge.message).toBe('Invalid mobile sign-in request: connection must be one of apple');
  });
});

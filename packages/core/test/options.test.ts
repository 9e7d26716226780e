import { ConfigurationError, GenAuthClient, type GenAuthClientOptions } from '@passport-genauth/core';
import { APP, mockRequest, runStrategy, type MockGenAuth } from '@passport-genauth/testing';
import { CodeStrategy, startMock } from './support/providers';

/** The ConfigurationError a construction throws (fails the test if it does not throw one). */
function configurationErrorOf(construct: () => unknown): ConfigurationError {
  let created: unknown;
  try {
    created = construct();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe('GENAUTH_INVALID_OPTIONS');
    return error as ConfigurationError;
  }
  void (created as GenAuthClient | undefined)?.close?.();
  throw new Error('expected a ConfigurationError, but construction succeeded');
}

const base = { appHost: 'https://my-app.genauth.ai', appId: 'app-1' } as const;
const clientWith = (options: Record<string, unknown>) => () => new GenAuthClient(options as unknown as GenAuthClientOptions);

describe('GenAuthClient options', () => {
  const made: GenAuthClient[] = [];
  const keep = (client: GenAuthClient) => {
    made.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(made.splice(0).map((client) => client.close()));
  });

  it.each(['client_secret_post', 'client_secret_basic'] as const)('requires appSecret with %s and says how to fix it', (method) => {
    const error = configurationErrorOf(clientWith({ ...base, tokenEndpointAuthMethod: method }));
    expect(error.issues).toEqual([`appSecret: required when tokenEndpointAuthMethod is '${method}' (set appSecret, or use 'none' if the app is public)`]);
    expect(error.message).toBe(`Invalid GenAuthClient options:\n  - ${error.issues[0]}`);
  });

  it('refuses an appHost that is not a URL', () => {
    const error = configurationErrorOf(clientWith({ ...base, appHost: 'my-app.genauth.ai' }));
    expect(error.issues).toEqual(['appHost: must be an absolute URL such as https://my-app.genauth.ai']);
  });

  it('refuses an appHost with another scheme, a query string or credentials', () => {
    expect(configurationErrorOf(clientWith({ ...base, appHost: 'ftp://my-app.genauth.ai' })).issues).toEqual(['appHost: must use https://']);
    expect(configurationErrorOf(clientWith({ ...base, appHost: 'https://my-app.genauth.ai/?x=1' })).issues).toEqual([
      'appHost: must not carry a query string or fragment',
    ]);
    expect(configurationErrorOf(clientWith({ ...base, appHost: 'https://u:p@my-app.genauth.ai' })).issues).toEqual(['appHost: must not carry credentials']);
  });

  it('refuses plain http for a host that is not loopback, naming allowInsecureHttp', () => {
    const error = configurationErrorOf(clientWith({ ...base, appHost: 'http://my-app.genauth.ai' }));
    expect(error.issues).toEqual(['appHost: must use https:// (plain http is allowed for loopback only; set allowInsecureHttp: true to override)']);
  });

  it('allows plain http for a host that is not loopback with allowInsecureHttp: true', () => {
    const client = keep(new GenAuthClient({ ...base, appHost: 'http://genauth.internal:8080', allowInsecureHttp: true }));
    expect(client.appHost).toBe('http://genauth.internal:8080');
  });

  it.each(['http://127.0.0.1:3999', 'http://localhost:3999', 'http://[::1]:3999', 'http://localhost'])('allows plain http on loopback (%s)', (appHost) => {
    expect(keep(new GenAuthClient({ ...base, appHost })).appHost).toBe(appHost);
  });

  it('drops a trailing slash from appHost and defaults the method from the secret', () => {
    const withSecret = keep(new GenAuthClient({ ...base, appHost: 'https://my-app.genauth.ai//', appSecret: 's' }));
    expect(withSecret.appHost).toBe('https://my-app.genauth.ai');
    expect(withSecret.tokenEndpointAuthMethod).toBe('client_secret_post');
    expect(keep(new GenAuthClient(base)).tokenEndpointAuthMethod).toBe('none');
  });

  it('gives no strategy-option hint for extIdpConnIdentifier on a client, where it does not belong at all', () => {
    const error = configurationErrorOf(clientWith({ ...base, extIdpConnIdentifier: 'x' }));
    expect(error.issues).toEqual(['extIdpConnIdentifier: unknown option']);
  });

  it.each([
    ['clientSecret', 'appSecret'],
    ['clientId', 'appId'],
    ['timeout', 'timeoutMs'],
  ])('refuses the unknown key %s with a spelling hint', (key, hint) => {
    const error = configurationErrorOf(clientWith({ ...base, [key]: 'x' }));
    expect(error.issues).toEqual([`${key}: unknown option; did you mean '${hint}'?`]);
  });

  it('refuses an unknown key without a hint, and unknown keys under idToken', () => {
    const error = configurationErrorOf(clientWith({ ...base, colour: 'blue', idToken: { verfiy: false } }));
    expect(error.issues).toEqual(expect.arrayContaining(['colour: unknown option', 'idToken.verfiy: unknown option']));
    expect(error.issues).toHaveLength(2);
  });

  it('lists several problems at once, one line per bad option', () => {
    const error = configurationErrorOf(
      clientWith({ appHost: 'http://my-app.genauth.ai', tokenEndpointAuthMethod: 'client_secret_jwt', timeoutMs: -5, clientSecret: 'x' }),
    );
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'appId: required: the application id from the GenAuth console',
        "tokenEndpointAuthMethod: must be 'none', 'client_secret_post' or 'client_secret_basic' (the app's exchange token authentication method)",
        'timeoutMs: must be positive',
        "clientSecret: unknown option; did you mean 'appSecret'?",
      ]),
    );
    expect(error.issues.length).toBeGreaterThanOrEqual(4);
    for (const issue of error.issues) expect(error.message).toContain(`\n  - ${issue}`);
  });

  it('refuses a dispatcher that is not an undici Dispatcher', () => {
    const error = configurationErrorOf(clientWith({ ...base, dispatcher: { request() {} } }));
    expect(error.issues).toEqual(['dispatcher: must be an undici Dispatcher (Agent, Pool, ProxyAgent, MockAgent)']);
  });
});

describe('strategy options', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;
  const verify = async () => ({ id: 'u' });

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  const strategyWith =
    (options: Record<string, unknown>, verifyFn: unknown = verify) =>
    () =>
      new CodeStrategy(options as never, verifyFn as never);

  it('requires extIdpConnidentifier', () => {
    const error = configurationErrorOf(strategyWith({ client }));
    expect(error.issues).toEqual(['extIdpConnidentifier: required: the identifier of the identity source in the GenAuth console']);
    expect(error.message).toBe(`Invalid genauth-test-code strategy options:\n  - ${error.issues[0]}`);
  });

  it('points a misspelt extIdpConnIdentifier to the right spelling', () => {
    const error = configurationErrorOf(strategyWith({ client, extIdpConnIdentifier: 'wechat-mobile' }));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'extIdpConnidentifier: required: the identifier of the identity source in the GenAuth console',
        "extIdpConnIdentifier: unknown option; did you mean 'extIdpConnidentifier'?",
      ]),
    );
  });

  it('refuses client together with inline client settings', () => {
    const error = configurationErrorOf(strategyWith({ client, appHost: APP.appHost, appId: APP.appId, extIdpConnidentifier: 's' }));
    expect(error.message).toBe('Invalid genauth-test-code strategy options:\n  - pass either client or inline client settings (appHost, appId), not both');
  });

  it('refuses a field name the provider does not read in fields', () => {
    const error = configurationErrorOf(strategyWith({ client, extIdpConnidentifier: 's', fields: { authCode: 'code' } }));
    expect(error.issues).toEqual(['fields.authCode: is not a field of this provider; fields are: code']);
  });

  it.each(['profile email', 'openidprofile'])("refuses a scope without 'openid' (%s)", (scope) => {
    const error = configurationErrorOf(strategyWith({ client, extIdpConnidentifier: 's', scope }));
    expect(error.issues).toEqual(["scope: must contain 'openid' (e.g. 'openid profile')"]);
  });

  it('refuses a verify that is not a function', () => {
    const error = configurationErrorOf(strategyWith({ client, extIdpConnidentifier: 's' }, { verify: true }));
    expect(error.issues).toEqual(['verify: the last constructor argument must be a function (tokens, profile, done) => …']);
  });

  it('refuses options(req) and credentials that are not functions, and a client that is not one', () => {
    const error = configurationErrorOf(strategyWith({ client: {}, extIdpConnidentifier: 's', options: { scope: 'openid' }, credentials: 'code' }));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'client: must be a GenAuthClient or a GenAuthApps',
        'options: must be a function (req) => ({ scope, context, tenantId, customData })',
        'credentials: must be a function (req) => credential fields',
      ]),
    );
  });

  it('lists strategy problems and a bad verify together', () => {
    const error = configurationErrorOf(strategyWith({ client, name: '', fields: { code: '' } }, null));
    expect(error.issues).toEqual([
      'extIdpConnidentifier: required: the identifier of the identity source in the GenAuth console',
      'name: Too small: expected string to have >=1 characters',
      'fields.code: Too small: expected string to have >=1 characters',
      'verify: the last constructor argument must be a function (tokens, profile, done) => …',
    ]);
  });

  it('asks for a client or inline settings when neither is given', () => {
    const error = configurationErrorOf(strategyWith({ extIdpConnidentifier: 's' }));
    expect(error.issues).toEqual(['client: required: pass a shared GenAuthClient as client, or appHost, appId (and appSecret) inline']);
  });

  it('lists inline client problems together with the strategy problems', () => {
    const error = configurationErrorOf(strategyWith({ appHost: 'my-app.genauth.ai', appId: 'a', tokenEndpointAuthMethod: 'client_secret_basic' }, null));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'extIdpConnidentifier: required: the identifier of the identity source in the GenAuth console',
        'verify: the last constructor argument must be a function (tokens, profile, done) => …',
        'appHost: must be an absolute URL such as https://my-app.genauth.ai',
        "appSecret: required when tokenEndpointAuthMethod is 'client_secret_basic' (set appSecret, or use 'none' if the app is public)",
      ]),
    );
    expect(error.issues).toHaveLength(4);
  });

  it('validates inline client settings like GenAuthClient does', () => {
    const error = configurationErrorOf(strategyWith({ appHost: 'http://my-app.genauth.ai', appId: 'a', extIdpConnidentifier: 's' }));
    expect(error.issues).toEqual(['appHost: must use https:// (plain http is allowed for loopback only; set allowInsecureHttp: true to override)']);
  });

  it('signs in with inline client settings', async () => {
    await mock.succeed();
    const strategy = new CodeStrategy(
      {
        appHost: APP.appHost,
        appId: APP.appId,
        appSecret: APP.appSecret,
        tokenEndpointAuthMethod: 'client_secret_basic',
        dispatcher: mock.agent,
        extIdpConnidentifier: 'inline-source',
      },
      async (_tokens, profile) => ({ id: profile.id }),
    );
    const result = await runStrategy(strategy, mockRequest({ body: { code: 'c-inline' } }));
    expect(result).toMatchObject({ type: 'success', user: { id: '64a0c0ffee0000000000a11c' } });
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]!.headers.authorization).toBe('Basic YXBwLXVuZGVyLXRlc3Q6c2UrY3IvZXQ9d2l0aDpjb2xvbg==');
    expect(mock.requests[0]!.body).toEqual({ connection: 'test_code', extIdpConnidentifier: 'inline-source', testCodePayload: { code: 'c-inline' } });
  });

  it('is named genauth-<connection> unless options.name says otherwise', () => {
    expect(new CodeStrategy({ client, extIdpConnidentifier: 's' }, verify).name).toBe('genauth-test-code');
    expect(new CodeStrategy({ client, extIdpConnidentifier: 's', name: 'wechat-app' }, verify).name).toBe('wechat-app');
  });
});

import { GenAuthBearerStrategy, GenAuthClient, ConfigurationError, defineProvider, defineStrategy, requiredString, z } from '../src';

const APP = { appHost: 'https://never-called.example.com', appId: 'app-1', appSecret: 'app-secret-77d1' };

describe('defineProvider refuses a definition that cannot work', () => {
  it('wants the connection in lower_snake_case and quotes what it got', () => {
    for (const connection of ['WeChat', 'we-chat', '1wechat', '']) {
      expect(() => defineProvider({ connection, payloadKey: 'p', credentials: z.object({ code: requiredString() }), example: { code: 'c' } })).toThrow(
        new TypeError(`defineProvider: connection must be lower_snake_case, got ${JSON.stringify(connection)}`),
      );
    }
    expect(
      defineProvider({ connection: 'we_chat2', payloadKey: 'p', credentials: z.object({ code: requiredString() }), example: { code: 'c' } }).connection,
    ).toBe('we_chat2');
  });

  it('wants bearerField to be one of the credential fields', () => {
    expect(() =>
      defineProvider({
        connection: 'line',
        payloadKey: 'p',
        credentials: z.object({ access_token: requiredString() }),
        example: { access_token: 't' },
        bearerField: 'token' as never,
      }),
    ).toThrow(new TypeError("defineProvider(line): bearerField 'token' is not a credential field"));
  });
});

describe('a provider strategy tells which connection, client and provider it serves', () => {
  const provider = defineProvider({
    connection: 'test_self',
    payloadKey: 'testSelfPayload',
    credentials: z.object({ code: requiredString() }),
    example: { code: 'c' },
  });
  class SelfStrategy extends defineStrategy(provider) {}
  const client = new GenAuthClient(APP);
  afterAll(() => client.close());

  it('exposes the connection, the shared client and the provider definition', () => {
    const strategy = new SelfStrategy({ client, extIdpConnidentifier: 'self' }, async () => ({ id: 'x' }));
    expect(strategy.connection).toBe('test_self');
    expect(strategy.client).toBe(client);
    expect(strategy.provider).toBe(provider);
    expect(strategy.name).toBe('genauth-test-self');
  });
});

describe('the bearer strategy', () => {
  const client = new GenAuthClient(APP);
  afterAll(() => client.close());
  const verify = async () => ({ id: 'u' });

  it('logs its name, realm, required scopes and whether it introspects, nothing else', () => {
    const plain = new GenAuthBearerStrategy({ client, realm: 'api', scopes: ['read'] }, verify);
    expect(plain.toJSON()).toEqual({ name: 'genauth-bearer', realm: 'api', scopes: ['read'], introspect: false });
    const introspecting = new GenAuthBearerStrategy({ client, introspect: true }, verify);
    expect(introspecting.toJSON()).toMatchObject({ introspect: true });
  });

  it('refuses a shared client together with inline settings, and introspection through a client that cannot introspect', () => {
    expect(() => new GenAuthBearerStrategy({ client, appId: 'other' } as never, verify)).toThrow(
      'pass either client or inline client settings (appId), not both',
    );
    const noIntrospect = { verifyAccessToken: client.verifyAccessToken.bind(client) };
    expect(() => new GenAuthBearerStrategy({ client: noIntrospect, introspect: true } as never, verify)).toThrow(
      'introspect: the client has no introspect(); pass a GenAuthClient',
    );
  });

  it('names every bad inline client setting and a verify that is not a function', () => {
    let error: unknown;
    try {
      new GenAuthBearerStrategy({ appHost: 'not a url', appId: 'a' }, 'verify' as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const issues = (error as ConfigurationError).issues;
    expect(issues).toContain('verify: the last constructor argument must be a function (claims, done) => …');
    expect(issues.some((issue) => issue.startsWith('appHost'))).toBe(true);
  });

  it('ends a login with a configuration error when a route names scopes that are not scope tokens', async () => {
    const strategy = new GenAuthBearerStrategy({ client }, verify);
    const outcome = await strategy.login({ headers: { authorization: 'Bearer abc' } }, { scopes: ['two words'] });
    expect(outcome.type).toBe('error');
    const error = (outcome as { error: ConfigurationError }).error;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe('Invalid genauth-bearer route options:\n  - scopes: must be an array of scope tokens');
    expect(error.issues).toEqual(['scopes']);
  });
});

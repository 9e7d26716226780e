import { GenAuthClient, defineProvider, defineStrategy, optionalFlag, optionalString, requiredString, strategyNameFor, z } from '../src';

describe('strategy classes and providers derive their names and payloads', () => {
  it('names the default strategy after the connection, every underscore a dash', () => {
    expect(strategyNameFor('wechat_mini_program_code')).toBe('genauth-wechat-mini-program-code');
    expect(strategyNameFor('apple')).toBe('genauth-apple');
  });

  it('derives the strategy name and the request fields, in schema order, and freezes the provider', () => {
    const provider = defineProvider({
      connection: 'test_two_fields',
      payloadKey: 'p',
      credentials: z.object({ code: requiredString(), note: optionalString() }),
      example: { code: 'c' },
    });
    expect(provider.strategyName).toBe('genauth-test-two-fields');
    expect(provider.fields).toEqual(['code', 'note']);
    expect(Object.isFrozen(provider)).toBe(true);
    expect(Object.isFrozen(provider.fields)).toBe(true);
  });

  it('sends the credentials without absent fields by default, keeping false and empty values', () => {
    const provider = defineProvider({
      connection: 'test_payload',
      payloadKey: 'p',
      credentials: z.object({ code: requiredString(), note: optionalString(), remember: optionalFlag() }),
      example: { code: 'c' },
    });
    expect(provider.buildPayload({ code: 'c', note: undefined, remember: false })).toEqual({ code: 'c', remember: false });
    expect(Object.keys(provider.buildPayload({ code: 'c', note: undefined, remember: undefined }))).toEqual(['code']);
  });

  it("uses the provider's own payload builder when it has one", () => {
    const provider = defineProvider({
      connection: 'test_custom_payload',
      payloadKey: 'p',
      credentials: z.object({ code: requiredString() }),
      example: { code: 'c' },
      toPayload: ({ code }) => ({ authCode: code }),
    });
    expect(provider.buildPayload({ code: 'c' })).toEqual({ authCode: 'c' });
  });

  it('names the strategy class after its connection and keeps the provider on it', async () => {
    const provider = defineProvider({ connection: 'test_named', payloadKey: 'p', credentials: z.object({ code: requiredString() }), example: { code: 'c' } });
    const Strategy = defineStrategy(provider);
    expect(Strategy.name).toBe('GenAuthStrategy(test_named)');
    expect(Strategy.provider).toBe(provider);
    const client = new GenAuthClient({ appHost: 'https://never-called.example.com', appId: 'app', appSecret: 'secret' });
    try {
      const strategy = new Strategy({ client, extIdpConnidentifier: 'named', name: 'custom' }, () => ({ id: 'u' }));
      expect(strategy.toJSON()).toEqual({ name: 'custom', connection: 'test_named' });
      expect(JSON.stringify(strategy)).toBe('{"name":"custom","connection":"test_named"}');
    } finally {
      await client.close();
    }
  });
});

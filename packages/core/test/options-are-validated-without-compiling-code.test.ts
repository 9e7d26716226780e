import { configureTelemetry, GenAuthBearerStrategy, GenAuthClient } from '@passport-genauth/core';
import { CodeStrategy } from './support/providers';

/**
 * zod compiles an object schema's fast path with `new Function` on its first parse. Options are parsed
 * once, at construction, so that compile would be pure start-up cost: they are parsed without it.
 */
describe('options are validated without compiling code', () => {
  const RealFunction = globalThis.Function;
  let compiled: string[];

  beforeEach(() => {
    compiled = [];
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: string[]): object {
        compiled.push(String(args.at(-1)).slice(0, 60));
        return Reflect.construct(target, args);
      },
    });
  });

  afterEach(() => {
    globalThis.Function = RealFunction;
  });

  it('constructs a client, a provider strategy and a bearer strategy, and configures telemetry, with no new Function', async () => {
    const client = new GenAuthClient({ appHost: 'https://tenant.genauth.example', appId: 'app-1', appSecret: 'secret-1' });
    new CodeStrategy({ client, extIdpConnidentifier: 'wechat-main' }, () => ({ id: 'u' }));
    new GenAuthBearerStrategy({ client }, () => ({ id: 'u' }));
    await configureTelemetry({});
    expect(compiled).toEqual([]);
    await client.close();
  });

  it('still compiles the fast path of a schema parsed per request (the check above can see a compile)', () => {
    const client = new GenAuthClient({ appHost: 'https://tenant.genauth.example', appId: 'app-2' });
    const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'wechat-main' }, () => ({ id: 'u' }));
    const credentials = (strategy.provider as unknown as { credentials: { safeParse(value: unknown): { success: boolean } } }).credentials;
    expect(credentials.safeParse({ code: 'a-code' }).success).toBe(true);
    expect(compiled.length).toBeGreaterThan(0);
    void client.close();
  });
});

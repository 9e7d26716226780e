import { getAuthFailure, type GenAuthFailure } from '@passport-genauth/core';
import { MockGenAuth, APP } from './mock-genauth';
import { mockRequest } from './mock-request';
import { requiredFieldPaths, without } from './required-fields';
import { runStrategy } from './run-strategy';
import { construct, strategyClassesOf, type ProviderStrategyClass } from './strategy-classes';

/** Options of the conformance suite. */
export interface DescribeProviderOptions {
  /** The payload GenAuth must receive for the example, when the provider transforms it (default: the example itself). */
  expectedPayload?: (connection: string, example: unknown) => unknown;
}

const SOURCE = 'conformance-source';
const verifyToUser = async (_tokens: unknown, profile: { id: string }) => ({ id: profile.id });

/**
 * The conformance suite every provider package runs (Jest): for each strategy the package exports,
 * a valid credential produces exactly the GenAuth wire body and a success; each required field
 * missing is a 400 naming it with no upstream call; a GenAuth rejection is a 401 carrying
 * `apiCode`/`requestId`; a transport failure is an error with `GENAUTH_HTTP`.
 */
export function describeProvider(family: Readonly<Record<string, unknown>>, options: DescribeProviderOptions = {}): void {
  const strategies = strategyClassesOf(family);
  it('exports at least one provider strategy', () => expect(strategies.length).toBeGreaterThan(0));
  for (const Strategy of strategies) describeConformance(Strategy, options);
}

function describeConformance(Strategy: ProviderStrategyClass, options: DescribeProviderOptions): void {
  const { provider } = Strategy;
  describe(`${provider.strategyName} conformance`, () => {
    let mock: MockGenAuth;
    beforeAll(async () => {
      mock = await MockGenAuth.start();
      mock.serveJwks();
    });
    afterAll(() => mock.close());
    const strategy = () => construct(Strategy, { client: mock.client(), extIdpConnidentifier: SOURCE }, verifyToUser);

    it(`is named ${provider.strategyName}`, () => {
      expect(strategy().name).toBe(provider.strategyName);
    });

    it('sends exactly the GenAuth wire body for a valid credential and succeeds', async () => {
      await mock.succeed();
      const result = await runStrategy(strategy(), mockRequest({ body: provider.example }));
      expect(result.type).toBe('success');
      expect(mock.requests.at(-1)?.body).toEqual({
        connection: provider.connection,
        extIdpConnidentifier: SOURCE,
        [provider.payloadKey]: options.expectedPayload?.(provider.connection, provider.example) ?? provider.example,
        client_id: APP.appId,
        client_secret: APP.appSecret,
      });
    });

    it.each(requiredFieldPaths(provider).map((path) => [path.join('.'), path] as const))(
      'answers 400 naming %s when it is missing, without calling GenAuth',
      async (name, path) => {
        const before = mock.requests.length;
        const req = mockRequest({ body: without(provider.example, path) });
        const result = await runStrategy(strategy(), req);
        expect(result).toMatchObject({ type: 'fail', status: 400 });
        const failure = getAuthFailure(req) as GenAuthFailure;
        expect(failure.code).toBe('GENAUTH_INVALID_CREDENTIALS');
        expect(failure.fields).toContain(name);
        expect(failure.message).toContain(name);
        expect(mock.requests.length).toBe(before);
      },
    );

    it("answers 401 with GenAuth's message, apiCode and requestId when GenAuth rejects the user", async () => {
      mock.reject(403, 'User is locked', 2005);
      const result = await runStrategy(strategy(), mockRequest({ body: provider.example }));
      expect(result).toEqual({
        type: 'fail',
        status: 401,
        challenge: expect.objectContaining({ message: 'User is locked', apiCode: 2005, requestId: 'req-403', code: 'GENAUTH_SIGNIN_REJECTED' }),
      });
    });

    it('ends in an error with code GENAUTH_HTTP when GenAuth cannot be reached', async () => {
      mock.pool.intercept({ path: '/api/v3/signin-by-mobile', method: 'POST' }).replyWithError(new Error('socket hang up'));
      const result = await runStrategy(strategy(), mockRequest({ body: provider.example }));
      expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 502 }) });
    });

    if (provider.bearerField) {
      const field = provider.bearerField;
      it(`never forwards an ambient Authorization: Bearer as ${field} unless the strategy opts in`, async () => {
        const { [field]: token, ...rest } = provider.example as Record<string, string>;
        const before = mock.requests.length;
        const result = await runStrategy(strategy(), mockRequest({ body: rest, headers: { authorization: `Bearer ${token}` } }));
        expect(result).toMatchObject({ type: 'fail', status: 400 });
        expect(mock.requests).toHaveLength(before);
      });

      it(`accepts ${field} as Authorization: Bearer with credentialSources.bearer`, async () => {
        await mock.succeed();
        const { [field]: token, ...rest } = provider.example as Record<string, string>;
        const optedIn = construct(Strategy, { client: mock.client(), extIdpConnidentifier: SOURCE, credentialSources: { bearer: true } }, verifyToUser);
        const result = await runStrategy(optedIn, mockRequest({ body: rest, headers: { authorization: `Bearer ${token}` } }));
        expect(result.type).toBe('success');
        expect((mock.requests.at(-1)?.body[provider.payloadKey] as Record<string, unknown>)[field]).toBe(token);
      });
    }
  });
}

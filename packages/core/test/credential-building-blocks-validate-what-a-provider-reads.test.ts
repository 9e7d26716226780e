import {
  GenAuthClient,
  atLeastOneOf,
  defineProvider,
  defineStrategy,
  miniProgramLogin,
  nestedObject,
  optionalFlag,
  optionalString,
  presentTogether,
  requiredString,
  z,
  type GenAuthFailure,
  type LoginOutcome,
} from '../src';

/**
 * The zod building blocks provider packages describe their credentials with, run through a real
 * strategy: a credential problem is a 400 `fail` before any call to GenAuth (the client's host is
 * never contacted), naming each request path.
 */
const flagged = defineProvider({
  connection: 'test_flag',
  payloadKey: 'testFlagPayload',
  title: 'Flag',
  credentials: z.object({ code: requiredString(16), remember: optionalFlag(), note: optionalString(8) }),
  example: { code: 'c' },
});

const pair = defineProvider({
  connection: 'test_pair',
  payloadKey: 'testPairPayload',
  title: 'Pair',
  credentials: z
    .object({ code: optionalString(), access_token: optionalString(), encryptedData: optionalString(), iv: optionalString() })
    .superRefine(atLeastOneOf('code', 'access_token'))
    .superRefine(presentTogether('encryptedData', 'iv')),
  example: { code: 'c' },
});

const miniProgram = defineProvider({
  connection: 'test_mini',
  payloadKey: 'testMiniPayload',
  title: 'Mini',
  credentials: z.object({ wxLoginInfo: miniProgramLogin(), extra: nestedObject({ id: requiredString() }).optional() }),
  example: { wxLoginInfo: { code: 'c' } },
});

class FlagStrategy extends defineStrategy(flagged) {}
class PairStrategy extends defineStrategy(pair) {}
class MiniStrategy extends defineStrategy(miniProgram) {}

describe('credential building blocks, as a strategy reads a request', () => {
  const client = new GenAuthClient({ appHost: 'https://never-called.example.com', appId: 'app', appSecret: 'secret' });
  afterAll(() => client.close());

  const verify = async () => ({ id: 'never' });
  const flag = new FlagStrategy({ client, extIdpConnidentifier: 'flag' }, verify);
  const both = new PairStrategy({ client, extIdpConnidentifier: 'pair', fields: { access_token: 'accessToken' } }, verify);
  const mini = new MiniStrategy({ client, extIdpConnidentifier: 'mini' }, verify);

  function refusal(outcome: LoginOutcome): { message: string; fields: readonly string[] | undefined; status: number } {
    if (outcome.type !== 'fail') throw new Error(`expected a fail outcome, got ${outcome.type}`);
    const challenge = outcome.challenge as GenAuthFailure;
    expect(challenge.code).toBe('GENAUTH_INVALID_CREDENTIALS');
    return { message: challenge.message, fields: challenge.fields, status: outcome.status };
  }

  async function fail(strategy: FlagStrategy | PairStrategy | MiniStrategy, body: unknown) {
    return refusal(await strategy.login({ headers: {}, body }));
  }

  it('says a missing required string "is required" and a non-string one "must be a string"', async () => {
    expect(await fail(flag, {})).toEqual({ message: 'Invalid Flag credentials: code is required', fields: ['code'], status: 400 });
    expect(await fail(flag, { code: 42 })).toMatchObject({ message: 'Invalid Flag credentials: code must be a string', fields: ['code'] });
    expect(await fail(flag, { code: '' })).toMatchObject({ message: 'Invalid Flag credentials: code is required' });
  });

  it('refuses a string over its maximum length with that length in the message', async () => {
    expect(await fail(flag, { code: 'c'.repeat(17) })).toMatchObject({ message: 'Invalid Flag credentials: code must be at most 16 characters' });
    expect(await fail(flag, { code: 'c', note: 'n'.repeat(9) })).toMatchObject({ message: 'Invalid Flag credentials: note must be at most 8 characters' });
  });

  it('reads a flag as a JSON boolean or as "true"/"false", treats "" as absent and refuses anything else', async () => {
    const parse = (remember: unknown) => flagged.credentials.safeParse({ code: 'c', remember });
    expect(parse(true)).toMatchObject({ success: true, data: { remember: true } });
    expect(parse('true')).toMatchObject({ success: true, data: { remember: true } });
    expect(parse('false')).toMatchObject({ success: true, data: { remember: false } });
    expect(parse(false)).toMatchObject({ success: true, data: { remember: false } });
    expect(parse('')).toMatchObject({ success: true, data: { remember: undefined } });
    expect(await fail(flag, { code: 'c', remember: 'yes' })).toMatchObject({
      message: 'Invalid Flag credentials: remember must be true or false',
      fields: ['remember'],
    });
  });

  it('treats "" and null as an absent optional string', () => {
    for (const note of ['', null]) {
      const parsed = flagged.credentials.safeParse({ code: 'c', note });
      expect(parsed).toMatchObject({ success: true, data: { note: undefined } });
    }
    expect(flagged.credentials.safeParse({ code: 'c', note: 5 }).error?.issues[0]?.message).toBe('must be a string');
  });

  it('asks for one of several fields by their request names when none is given', async () => {
    expect(await fail(both, {})).toEqual({
      message: 'Invalid Pair credentials: one of code or accessToken is required',
      fields: ['code', 'accessToken'],
      status: 400,
    });
    expect(pair.credentials.safeParse({ access_token: 't' }).success).toBe(true);
    expect(pair.credentials.safeParse({ code: 'c' }).success).toBe(true);
  });

  it('asks for each missing partner of a pair at its own path, naming the partner that was given', async () => {
    expect(await fail(both, { code: 'c', encryptedData: 'e' })).toEqual({
      message: 'Invalid Pair credentials: iv is required when encryptedData is given',
      fields: ['iv'],
      status: 400,
    });
    expect(await fail(both, { code: 'c', iv: 'i' })).toMatchObject({
      message: 'Invalid Pair credentials: encryptedData is required when iv is given',
      fields: ['encryptedData'],
    });
    expect(pair.credentials.safeParse({ code: 'c', encryptedData: 'e', iv: 'i' }).success).toBe(true);
    expect(pair.credentials.safeParse({ code: 'c' }).success).toBe(true);
  });

  it('reports a pair refinement with the partners it checked and the one-of rule with its candidates', () => {
    const pairIssues = pair.credentials.safeParse({ code: 'c', iv: 'i' }).error?.issues;
    expect(pairIssues).toEqual([
      expect.objectContaining({ code: 'custom', path: ['encryptedData'], message: 'is required when iv is given', params: { requiredWith: ['iv'] } }),
    ]);
    const oneOfIssues = pair.credentials.safeParse({}).error?.issues;
    expect(oneOfIssues).toEqual([
      expect.objectContaining({ code: 'custom', path: [], message: 'one of code or access_token is required', params: { oneOf: ['code', 'access_token'] } }),
    ]);
    const three = z.object({ a: z.string().optional(), b: z.string().optional(), c: z.string().optional() });
    expect(three.superRefine(presentTogether('a', 'b', 'c')).safeParse({ a: 'x', b: 'y' }).error?.issues[0]?.message).toBe('is required when a and b is given');
  });

  it('names every given partner, by its request name, when a third one is missing', async () => {
    const triple = defineProvider({
      connection: 'test_triple',
      payloadKey: 'testTriplePayload',
      title: 'Triple',
      credentials: z.object({ a: optionalString(), b: optionalString(), c: optionalString() }).superRefine(presentTogether('a', 'b', 'c')),
      example: { a: 'a', b: 'b', c: 'c' },
    });
    class TripleStrategy extends defineStrategy(triple) {}
    const strategy = new TripleStrategy({ client, extIdpConnidentifier: 'triple', fields: { b: 'bee' } }, verify);
    expect(refusal(await strategy.login({ headers: {}, body: { a: 'x', bee: 'y' } }))).toEqual({
      message: 'Invalid Triple credentials: c is required when a and bee is given',
      fields: ['c'],
      status: 400,
    });
  });

  it('names nested problems by their full path: a missing object, a non-object, a missing code and a lone iv', async () => {
    expect(await fail(mini, {})).toMatchObject({ message: 'Invalid Mini credentials: wxLoginInfo is required', fields: ['wxLoginInfo'] });
    expect(await fail(mini, { wxLoginInfo: 'code' })).toMatchObject({ message: 'Invalid Mini credentials: wxLoginInfo must be an object' });
    expect(await fail(mini, { wxLoginInfo: {} })).toMatchObject({
      message: 'Invalid Mini credentials: wxLoginInfo.code is required',
      fields: ['wxLoginInfo.code'],
    });
    expect(await fail(mini, { wxLoginInfo: { code: 'c', iv: 'i' } })).toMatchObject({
      message: 'Invalid Mini credentials: wxLoginInfo.encryptedData is required when wxLoginInfo.iv is given',
      fields: ['wxLoginInfo.encryptedData'],
    });
    expect(await fail(mini, { wxLoginInfo: { code: 'c' }, extra: {} })).toMatchObject({ fields: ['extra.id'] });
  });

  it('renames only top-level fields in a nested one-of rule, and reads a custom rule whose params are not names as a plain message', async () => {
    const nested = defineProvider({
      connection: 'test_nested',
      payloadKey: 'testNestedPayload',
      title: 'Nested',
      credentials: z
        .object({
          code: optionalString(),
          login: nestedObject({ code: optionalString(), token: optionalString() }).superRefine(atLeastOneOf('code', 'token')),
        })
        .superRefine((value, ctx) => {
          if (value.code === 'odd') ctx.addIssue({ code: 'custom', path: ['code'], message: 'is odd', params: { oneOf: ['code', 1], requiredWith: [2] } });
        }),
      example: { login: { code: 'c' } },
    });
    class NestedStrategy extends defineStrategy(nested) {}
    const strategy = new NestedStrategy({ client, extIdpConnidentifier: 'nested', fields: { code: 'authCode' } }, verify);
    const refused = refusal(await strategy.login({ headers: {}, body: { login: {} } }));
    expect(refused).toMatchObject({
      message: 'Invalid Nested credentials: one of login.code or login.token is required',
      fields: ['login.code', 'login.token'],
    });
    const odd = refusal(await strategy.login({ headers: {}, body: { authCode: 'odd', login: { token: 't' } } }));
    expect(odd).toMatchObject({ message: 'Invalid Nested credentials: authCode is odd', fields: ['authCode'] });
  });

  it('accepts encrypted data up to its own larger limit, but not past it', () => {
    const login = (encryptedData: string) => miniProgram.credentials.safeParse({ wxLoginInfo: { code: 'c', encryptedData, iv: 'i' } });
    expect(login('e'.repeat(64 * 1024)).success).toBe(true);
    expect(login('e'.repeat(64 * 1024 + 1)).error?.issues[0]).toMatchObject({
      path: ['wxLoginInfo', 'encryptedData'],
      message: 'must be at most 65536 characters',
    });
  });
});

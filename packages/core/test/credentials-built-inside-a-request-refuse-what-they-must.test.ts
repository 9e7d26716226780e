import {
  CredentialsError,
  GenAuthApps,
  GenAuthClient,
  GenAuthMobileStrategy,
  UnknownAppError,
  miniProgramCodeProvider,
  miniProgramLogin,
  nestedObject,
  optionalString,
  requiredString,
  z,
  type GenAuthMobileStrategyOptions,
} from '../src';

/** The message of each issue a schema reports for `input`, as `path: message`. */
function issues(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

// The building blocks are called inside each test (not at module load) so that every test that runs
// them is the one that checks what they answer.
describe('credential building blocks called at request time', () => {
  it('a required string refuses a missing, a non-string and an empty value with its own message', () => {
    const schema = z.object({ code: requiredString() });
    expect(issues(schema, {})).toEqual(['code: is required']);
    expect(issues(schema, { code: 7 })).toEqual(['code: must be a string']);
    expect(issues(schema, { code: '' })).toEqual(['code: is required']);
    expect(schema.parse({ code: 'ab' })).toEqual({ code: 'ab' });
  });

  it('a required string accepts its maximum length and names that length one past it', () => {
    const schema = z.object({ code: requiredString(3) });
    expect(schema.parse({ code: 'abc' })).toEqual({ code: 'abc' });
    expect(issues(schema, { code: 'abcd' })).toEqual(['code: must be at most 3 characters']);
  });

  it('a required string allows 4096 characters by default and no more', () => {
    const schema = z.object({ code: requiredString() });
    expect(schema.safeParse({ code: 'c'.repeat(4096) }).success).toBe(true);
    expect(issues(schema, { code: 'c'.repeat(4097) })).toEqual(['code: must be at most 4096 characters']);
  });

  it('an optional string refuses a non-string and a too long one with its own message', () => {
    const schema = z.object({ note: optionalString(2) });
    expect(issues(schema, { note: 5 })).toEqual(['note: must be a string']);
    expect(issues(schema, { note: 'abc' })).toEqual(['note: must be at most 2 characters']);
    expect(schema.parse({ note: 'ab' })).toEqual({ note: 'ab' });
    expect(schema.parse({})).toEqual({});
  });

  it('a nested object says "is required" when missing and "must be an object" when not an object', () => {
    const schema = z.object({ info: nestedObject({ id: requiredString() }) });
    expect(issues(schema, {})).toEqual(['info: is required']);
    expect(issues(schema, { info: 'x' })).toEqual(['info: must be an object']);
    expect(issues(schema, { info: {} })).toEqual(['info.id: is required']);
  });

  it('a mini-program login reads as a nested object with a required code', () => {
    const schema = z.object({ wxLoginInfo: miniProgramLogin() });
    expect(issues(schema, {})).toEqual(['wxLoginInfo: is required']);
    expect(issues(schema, { wxLoginInfo: 1 })).toEqual(['wxLoginInfo: must be an object']);
    expect(issues(schema, { wxLoginInfo: { code: '' } })).toEqual(['wxLoginInfo.code: is required']);
  });
});

describe('credentials presets and errors describe themselves', () => {
  it('a mini-program preset without an example gets a placeholder code named after its connection', () => {
    const provider = miniProgramCodeProvider({ connection: 'test_mp', payloadKey: 'testMpPayload', title: 'Test MP' });
    expect(provider.example).toEqual({ code: 'test_mp-login-code' });
    expect(provider.credentials.safeParse(provider.example).success).toBe(true);
  });

  it('a credentials error built without fields names none', () => {
    const error = new CredentialsError('Invalid credentials');
    expect(error.fields).toEqual([]);
    expect(error.status).toBe(400);
    expect(error.code).toBe('GENAUTH_INVALID_CREDENTIALS');
  });
});

describe('credentials routes that cannot work are refused', () => {
  it('a mobile strategy given no strategies at all asks for at least one', () => {
    const build = () => new GenAuthMobileStrategy({} as GenAuthMobileStrategyOptions);
    expect(build).toThrow('Invalid genauth-mobile options:\n  - strategies: register at least one provider strategy');
  });

  it('an app registry refuses a selection that is not a string, listing the known aliases', async () => {
    const client = new GenAuthClient({ appHost: 'https://never-called.example.com', appId: 'app', appSecret: 'secret' });
    try {
      const apps = new GenAuthApps({ apps: { ios: client }, select: () => 42 as unknown as string });
      const error = await apps.choose({ headers: {} }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(UnknownAppError);
      expect(error).toMatchObject({
        code: 'GENAUTH_UNKNOWN_APP',
        status: 400,
        message: 'The selected application must be named by a string: one of ios',
        known: ['ios'],
      });
    } finally {
      await client.close();
    }
  });
});

import { ConfigurationError, GenAuthClient, type LoginOutcome } from '../src';
import { CodeStrategy, TokenStrategy } from './support/providers';

function configurationError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

function failMessage(outcome: LoginOutcome): string {
  if (outcome.type !== 'fail') throw new Error(`expected a fail outcome, got ${outcome.type}`);
  return (outcome.challenge as { message: string }).message;
}

describe('strategy credential sources name real headers and a real token field', () => {
  const client = new GenAuthClient({ appHost: 'https://never-called.example.com', appId: 'app', appSecret: 'secret' });
  afterAll(() => client.close());
  const verify = () => ({ id: 'never' });

  it('refuses a header source that is not an HTTP header name', () => {
    const error = configurationError(
      () => new CodeStrategy({ client, extIdpConnidentifier: 'code', credentialSources: { headers: { code: 'x code' } } }, verify),
    );
    expect(error.issues).toEqual(['credentialSources.headers.code: must be an HTTP header name']);
  });

  it('refuses bearer: true for a provider without a token field, listing its fields', () => {
    const error = configurationError(() => new CodeStrategy({ client, extIdpConnidentifier: 'code', credentialSources: { bearer: true } }, verify));
    expect(error.issues).toEqual(['credentialSources.bearer: this provider has no token field to read from Authorization: Bearer (fields: code)']);
  });

  it('accepts bearer: false for a provider without a token field, and bearer: true for one with', () => {
    expect(new CodeStrategy({ client, extIdpConnidentifier: 'code', credentialSources: { bearer: false } }, verify)).toBeInstanceOf(CodeStrategy);
    expect(new TokenStrategy({ client, extIdpConnidentifier: 'token', credentialSources: { bearer: true } }, verify)).toBeInstanceOf(TokenStrategy);
  });

  it('does not read the Bearer header of a token provider that did not opt in', async () => {
    const strategy = new TokenStrategy({ client, extIdpConnidentifier: 'token', credentialSources: { bearer: false } }, verify);
    const outcome = await strategy.login({ headers: { authorization: 'Bearer user-token' }, body: {} });
    expect(failMessage(outcome)).toBe('Invalid Test token credentials: access_token is required');
  });

  it('reads a header source given in mixed case from the lower-cased request header', async () => {
    const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'code', credentialSources: { headers: { code: 'X-Login-Code' } } }, verify);
    // A refused credential proves the header was read: an absent one would say "is required".
    const outcome = await strategy.login({ headers: { 'x-login-code': 'c'.repeat(4097) }, body: {} });
    expect(failMessage(outcome)).toBe('Invalid Test code credentials: code must be at most 4096 characters');
  });
});

describe('strategy options that are not an object', () => {
  it.each([null, undefined, 'code'])('are refused as a configuration error asking for a client (%p)', (options) => {
    const error = configurationError(() => new CodeStrategy(options as never, () => ({ id: 'never' })));
    expect(error.issues).toContain('client: required: pass a shared GenAuthClient as client, or appHost, appId (and appSecret) inline');
    expect(error.message).toMatch(/^Invalid genauth-test-code strategy options:\n {2}- /);
  });
});

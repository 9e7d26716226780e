import { ConfigurationError, GenAuthClient, GenAuthMobileStrategy, type GenAuthFailure, type LoginOutcome } from '../src';
import { CodeStrategy, TokenStrategy } from './support/providers';

function challengeOf(outcome: LoginOutcome): GenAuthFailure {
  if (outcome.type !== 'fail') throw new Error(`expected a fail outcome, got ${outcome.type}`);
  return outcome.challenge as GenAuthFailure;
}

describe('strategy single route names its connection field and refuses duplicates', () => {
  const client = new GenAuthClient({ appHost: 'https://never-called.example.com', appId: 'app', appSecret: 'secret' });
  afterAll(() => client.close());
  const verify = () => ({ id: 'never' });
  const code = () => new CodeStrategy({ client, extIdpConnidentifier: 'code' }, verify);
  const token = () => new TokenStrategy({ client, extIdpConnidentifier: 'token' }, verify);

  it('refuses two strategies for one connection, naming the connection', () => {
    expect(() => new GenAuthMobileStrategy({ strategies: [code(), token(), code()] })).toThrow(
      new ConfigurationError("Invalid genauth-mobile options:\n  - strategies: two strategies serve connection 'test_code'; register one per connection"),
    );
  });

  it('is named genauth-mobile unless given a name', () => {
    expect(new GenAuthMobileStrategy({ strategies: [code()] }).name).toBe('genauth-mobile');
    expect(new GenAuthMobileStrategy({ strategies: [code()], name: 'mobile' }).toJSON()).toEqual({ name: 'mobile', connections: ['test_code'] });
  });

  it('reads the connection from the field it was told to, and names that field when it is missing', async () => {
    const mobile = new GenAuthMobileStrategy({ strategies: [code(), token()], connectionField: 'provider' });
    const routed = challengeOf(await mobile.login({ headers: {}, body: { provider: 'test_token' } }));
    expect(routed.message).toBe('Invalid Test token credentials: access_token is required');
    const missing = challengeOf(await mobile.login({ headers: {}, body: { connection: 'test_code' } }));
    expect(missing).toMatchObject({
      code: 'GENAUTH_INVALID_CREDENTIALS',
      status: 400,
      message: 'Invalid mobile sign-in request: provider is required: one of test_code, test_token',
      fields: ['provider'],
    });
  });

  it("hands the route's authenticate options on to the strategy it picks", async () => {
    const mobile = new GenAuthMobileStrategy({ strategies: [code()] });
    const outcome = await mobile.login({ headers: {}, body: { connection: 'test_code', code: 'c' } }, { app: 'ios' });
    expect(outcome.type).toBe('error');
    expect((outcome as { error: unknown }).error).toMatchObject({
      code: 'GENAUTH_INVALID_OPTIONS',
      message: 'authenticate option app ("ios") needs the strategy\'s client to be a GenAuthApps registry',
    });
  });

  it('reads the connection from the query string when the body does not name it', async () => {
    const mobile = new GenAuthMobileStrategy({ strategies: [code(), token()] });
    const routed = challengeOf(await mobile.login({ headers: {}, body: {}, query: { connection: 'test_code' } }));
    expect(routed.message).toBe('Invalid Test code credentials: code is required');
  });

  it('says a connection that is not a string must be one of the accepted ones', async () => {
    const mobile = new GenAuthMobileStrategy({ strategies: [code()] });
    expect(challengeOf(await mobile.login({ headers: {}, body: { connection: 5 } })).message).toBe(
      'Invalid mobile sign-in request: connection must be one of test_code',
    );
  });

  it('adds the body-parser hint only when the connection is absent, not when it is empty', async () => {
    const mobile = new GenAuthMobileStrategy({ strategies: [code()] });
    const unparsed = { 'content-length': '20' };
    expect(challengeOf(await mobile.login({ headers: unparsed, query: { connection: '' } })).message).toBe(
      'Invalid mobile sign-in request: connection is required: one of test_code',
    );
    expect(challengeOf(await mobile.login({ headers: unparsed })).message).toBe(
      'Invalid mobile sign-in request: connection is required: one of test_code. The request has a body but nothing parsed it (req.body is undefined): mount a body parser for its content type (express.json() for application/json) before passport.authenticate()',
    );
  });
});

import { ConfigurationError, GenAuthClient, type LoginOutcome } from '../src';
import { CodeStrategy } from './support/providers';

function errorOf(outcome: LoginOutcome): unknown {
  if (outcome.type !== 'error') throw new Error(`expected an error outcome, got ${outcome.type}`);
  return outcome.error;
}

describe('strategy with one client refuses a route that pins an app', () => {
  const client = new GenAuthClient({ appHost: 'https://never-called.example.com', appId: 'app', appSecret: 'secret' });
  afterAll(() => client.close());
  const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'code' }, () => ({ id: 'never' }));

  it('ends in a ConfigurationError quoting the pinned app and asking for a GenAuthApps registry', async () => {
    const error = errorOf(await strategy.login({ headers: {}, body: { code: 'c' } }, { app: 'ios' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({
      code: 'GENAUTH_INVALID_OPTIONS',
      message: 'authenticate option app ("ios") needs the strategy\'s client to be a GenAuthApps registry',
    });
  });
});

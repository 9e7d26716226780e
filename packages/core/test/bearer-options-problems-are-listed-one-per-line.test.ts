import { ConfigurationError, GenAuthBearerStrategy, type BearerClient } from '@passport-genauth/core';
import { APP } from '@passport-genauth/testing';

const client: BearerClient = {
  verifyAccessToken: () => Promise.reject(new Error('not called')),
  introspect: () => Promise.resolve({ active: false }),
};

function refusalOf(options: unknown, verify: unknown): ConfigurationError {
  try {
    new GenAuthBearerStrategy(options as never, verify as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected the strategy to be refused');
}

describe('bearer strategy options that cannot work', () => {
  it('are refused with every problem on a line of its own, naming each inline setting given beside a client', () => {
    const error = refusalOf({ client, appHost: APP.appHost, appId: APP.appId }, 'not a function');
    expect(error.message).toBe(
      'Invalid genauth-bearer strategy options:\n' +
        '  - verify: the last constructor argument must be a function (claims, done) => …\n' +
        '  - pass either client or inline client settings (appHost, appId), not both',
    );
    expect(error.issues).toEqual([
      'verify: the last constructor argument must be a function (claims, done) => …',
      'pass either client or inline client settings (appHost, appId), not both',
    ]);
  });
});

describe('a failure that is not a configuration problem while inline client settings are checked', () => {
  it('reaches the caller as it was thrown', () => {
    const idToken = {
      get issuer(): string {
        throw new RangeError('the settings store is unreachable');
      },
    };
    expect(() => new GenAuthBearerStrategy({ appHost: APP.appHost, appId: APP.appId, idToken }, () => false)).toThrow(
      new RangeError('the settings store is unreachable'),
    );
  });
});

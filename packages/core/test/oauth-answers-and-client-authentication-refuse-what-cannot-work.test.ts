import { AccessTokenError, ConfigurationError, GenAuthClient, InvalidResponseError } from '@passport-genauth/core';
import { APP } from '@passport-genauth/testing';
import { formAuthentication } from '../src/endpoint-auth';
import { readOAuthResponse } from '../src/oauth-response';
import { rejectionOf, thrownBy } from './support/failures';

describe('a 2xx answer of an oidc endpoint that is not a JSON object', () => {
  const read = (text: string) => thrownBy(() => readOAuthResponse({ status: 200, contentType: 'application/json', text }, 'introspection', []));

  it('is an invalid response saying it is not JSON when it does not parse', () => {
    const error = read('<html>maintenance</html>');
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toBe("GenAuth's introspection answer is not JSON");
  });

  it('is an invalid response saying it is not a JSON object when it parses to something else', () => {
    const error = read('[{"active":true}]');
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toBe("GenAuth's introspection answer is not a JSON object");
  });
});

describe('an endpoint configured for a secret-based client authentication without an app secret', () => {
  it('is refused when the authentication is built, naming the method', () => {
    for (const method of ['client_secret_post', 'client_secret_basic'] as const) {
      const error = thrownBy(() => formAuthentication(method, APP.appId, undefined));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toBe(`${method} needs an appSecret`);
    }
  });
});

describe('a client whose revocation or introspection endpoint uses client_secret_post without an app secret', () => {
  it('is refused at construction as a configuration problem naming the endpoint option', () => {
    for (const option of ['revocationEndpointAuthMethod', 'introspectionEndpointAuthMethod']) {
      const error = thrownBy(() => new GenAuthClient({ appHost: APP.appHost, appId: APP.appId, [option]: 'client_secret_post' }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).issues).toEqual([`appSecret: required when ${option} is 'client_secret_post' (set appSecret, or use 'none')`]);
    }
  });
});

describe('verifying an access token that is not there', () => {
  it('is refused without an RFC 6750 error code, as a request that carried no token', async () => {
    const client = new GenAuthClient({ appHost: APP.appHost, appId: APP.appId, appSecret: APP.appSecret });
    try {
      for (const token of ['', undefined as unknown as string]) {
        const error = await rejectionOf(client.verifyAccessToken(token));
        expect(error).toBeInstanceOf(AccessTokenError);
        const { message, status, error: rfc6750 } = error as AccessTokenError;
        expect({ message, status, error: rfc6750 }).toEqual({ message: 'An access token is required', status: 401, error: undefined });
      }
    } finally {
      await client.close();
    }
  });
});

import { AccessTokenError, OAuthRequestError, type GenAuthClient } from '@passport-genauth/core';
import { APP, MockGenAuth } from '@passport-genauth/testing';
import { rejectionOf } from './support/failures';
import { answerOidc } from './support/oidc-mock';

const AT = 'at-c2VjcmV0LWFjY2Vzcy10b2tlbi12YWx1ZQ';

describe('a lifecycle call given a token that is not a non-empty string', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  beforeEach(() => {
    mock = new MockGenAuth();
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  it('is refused as invalid_request naming the argument, and nothing is sent', async () => {
    const calls: [string, (token: string) => Promise<unknown>][] = [
      ['token', (token) => client.revoke(token)],
      ['token', (token) => client.introspect(token)],
      ['refreshToken', (token) => client.refresh(token)],
      ['accessToken', (token) => client.userInfo(token)],
    ];
    for (const [argument, call] of calls) {
      for (const token of ['   ', undefined as unknown as string, 42 as unknown as string]) {
        const error = await rejectionOf(call(token));
        expect(error).toBeInstanceOf(OAuthRequestError);
        const { message, error: oauth, status } = error as OAuthRequestError;
        expect({ message, error: oauth, status }).toEqual({ message: `${argument} must be a non-empty string`, error: 'invalid_request', status: 400 });
      }
    }
    expect(mock.agent.pendingInterceptors()).toEqual([]);
  });
});

describe('a userinfo refusal whose description echoes the access token', () => {
  it('names the refusal without repeating the token or the app secret', async () => {
    const mock = new MockGenAuth();
    const client = mock.client();
    try {
      const sent = answerOidc(mock, 'GET', '/oidc/me', {
        status: 401,
        body: { error: 'invalid_token', error_description: `token ${AT} of ${APP.appSecret} has expired` },
      });
      const error = await rejectionOf(client.userInfo(AT));
      expect(error).toBeInstanceOf(AccessTokenError);
      expect((error as AccessTokenError).message).toBe(
        'GenAuth refused the access token at userinfo (invalid_token: token [redacted] of [redacted] has expired)',
      );
      expect(sent.map((request) => request.headers.authorization)).toEqual([`Bearer ${AT}`]);
    } finally {
      await client.close();
      await mock.close();
    }
  });
});

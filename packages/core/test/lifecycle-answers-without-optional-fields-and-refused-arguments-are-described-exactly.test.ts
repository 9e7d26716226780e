import { InvalidResponseError, OAuthRequestError, type GenAuthClient } from '@passport-genauth/core';
import { APP, ISSUER, signRs256, type MockGenAuth } from '@passport-genauth/testing';
import { startMock } from './support/providers';
import { rejectionOf } from './support/failures';
import { answerOidc } from './support/oidc-mock';

const RT = 'rt-b3BhcXVlLXJlZnJlc2gtdG9rZW4tNDMtY2hhcnNfXw';

describe('lifecycle answers and arguments the client describes exactly', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  it('a refresh answer without expires_in or scope gives an expiry of now and no scope, and a profile of no connection', async () => {
    const idToken = await signRs256(mock.key, { iss: ISSUER, aud: APP.appId });
    answerOidc(mock, 'POST', '/oidc/token', { body: { access_token: 'at-2', id_token: idToken, token_type: 'Bearer', scope: null } });
    const before = Math.floor(Date.now() / 1000);
    const { tokens, profile } = await client.refresh(RT);
    expect(profile.connection).toBe('');
    expect({ ...tokens, expiresAt: undefined }).toStrictEqual({
      accessToken: 'at-2',
      idToken,
      refreshToken: RT,
      tokenType: 'Bearer',
      expiresIn: 0,
      expiresAt: undefined,
    });
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before);
    expect(tokens.expiresAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect('scope' in tokens).toBe(false);
  });

  it('a refresh scope without openid is refused before sending, saying why', async () => {
    const error = await rejectionOf(client.refresh(RT, { scope: 'profile offline_access' }));
    expect(error).toBeInstanceOf(OAuthRequestError);
    const { message, error: oauth, status } = error as OAuthRequestError;
    expect({ message, error: oauth, status }).toEqual({
      message: "refresh scope must keep 'openid' (the id_token is verified like at login)",
      error: 'invalid_scope',
      status: 400,
    });
  });

  it('an introspection answer that says active without the facts of the token is an invalid response', async () => {
    answerOidc(mock, 'POST', '/oidc/token/introspection', { body: { active: true, sub: 'user-1' } });
    const error = await rejectionOf(client.introspect('at-opaque'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toBe("GenAuth's introspection answer is neither inactive nor a valid active token");
  });
  it('a userinfo answer without a user id, or with an empty one, is an invalid response', async () => {
    for (const body of [{ name: 'Alice' }, { sub: '', name: 'Alice' }]) {
      answerOidc(mock, 'GET', '/oidc/me', { body });
      const error = await rejectionOf(client.userInfo('at-opaque'));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).message).toBe('GenAuth\'s userinfo answer has no "sub"');
    }
  });
});

import { AccessTokenError, HttpError, InvalidResponseError, type GenAuthClient } from '@passport-genauth/core';
import type { MockGenAuth } from '@passport-genauth/testing';
import { answerOidc } from './support/oidc-mock';
import { startMock } from './support/providers';
import { rejectionOf } from './support/failures';

const RT = 'rt-cmVmcmVzaC10b2tlbi1rZXB0LW91dC1vZi1sb2dz';
const AT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MiJ9.c2lnbmF0dXJlLTI';

describe('lifecycle failures: what they keep of the answer, and the status they carry', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    client = mock.client({ tokenEndpointAuthMethod: 'client_secret_post' });
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  it('keeps a malformed refresh answer for the server log with every token in it redacted, the other fields as GenAuth sent them', async () => {
    answerOidc(mock, 'POST', '/oidc/token', {
      body: { access_token: 'at-leaked', id_token: 'id-leaked', refresh_token: 'rt-leaked', expires_in: 'soon', token_type: 'Bearer' },
    });
    const error = (await rejectionOf(client.refresh(RT))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe("GenAuth's refresh answer is not a valid token set");
    expect(JSON.parse(error.responseBody ?? '')).toEqual({
      access_token: '[redacted]',
      id_token: '[redacted]',
      refresh_token: '[redacted]',
      expires_in: 'soon',
      token_type: 'Bearer',
    });
  });

  it('answers 403 insufficient_scope from the userinfo endpoint as an AccessTokenError with that error, without the token', async () => {
    answerOidc(mock, 'GET', '/oidc/me', { status: 403, body: { error: 'insufficient_scope', error_description: 'needs profile' } });
    const error = (await rejectionOf(client.userInfo(AT))) as AccessTokenError;
    expect(error).toBeInstanceOf(AccessTokenError);
    expect([error.error, error.status]).toEqual(['insufficient_scope', 403]);
    expect(error.message).toBe('GenAuth refused the access token at userinfo (insufficient_scope: needs profile)');
    expect(error.message).not.toContain(AT);
  });

  it("keeps a gateway's 504 as 504 and reports any other bare error status as 502", async () => {
    answerOidc(mock, 'POST', '/oidc/token', { status: 504, body: '<html>gateway timeout</html>' });
    const timeout = (await rejectionOf(client.refresh(RT))) as HttpError;
    expect([timeout.constructor, timeout.status, timeout.reason]).toEqual([HttpError, 504, 'status']);
    expect(timeout.message).toBe('GenAuth answered HTTP 504 at refresh without an OAuth error');
    answerOidc(mock, 'POST', '/oidc/token', { status: 418, body: '' });
    expect(((await rejectionOf(client.refresh(RT))) as HttpError).status).toBe(502);
  });

  it('shortens a long error_description to 200 characters and an ellipsis, and scrubs the token it was sent', async () => {
    const description = `token ${RT} is bad; ${'x'.repeat(300)}`;
    answerOidc(mock, 'POST', '/oidc/token', { status: 400, body: { error: 'invalid_grant', error_description: description } });
    const error = (await rejectionOf(client.refresh(RT))) as Error;
    const said = description.split(RT).join('[redacted]').slice(0, 200);
    expect(error.message).toContain(`: ${said}…`);
    expect(error.message).not.toContain(RT);
  });
});

import { ClientAuthError, HttpError, InvalidResponseError, SignInRejectedError, UpstreamError } from '@passport-genauth/core';
import { processSignInResponse } from '../src/sign-in-response';

const NOW = 1_760_000_000;

const read = (body: unknown, status = 200) =>
  processSignInResponse({ status, contentType: 'application/json', text: typeof body === 'string' ? body : JSON.stringify(body) }, NOW);

/** What reading this answer throws (it must throw). */
function failureOf(body: unknown, status = 200): Error & Record<string, unknown> {
  try {
    read(body, status);
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a failure');
}

const tokens = { access_token: 'at', id_token: 'it', expire_in: 7200 };

describe('a sign-in response becomes a token set, or the error of its failure class', () => {
  describe('success', () => {
    it('maps the token data, preferring expire_in, and dates the expiry from now', () => {
      expect(read({ statusCode: 200, data: { ...tokens, expires_in: 60, refresh_token: 'rt', scope: 'openid profile', token_type: 'bearer' } })).toEqual({
        accessToken: 'at',
        idToken: 'it',
        refreshToken: 'rt',
        tokenType: 'Bearer',
        expiresIn: 7200,
        expiresAt: NOW + 7200,
        scope: 'openid profile',
      });
    });

    it('falls back to expires_in, and leaves out an absent or empty refresh token and scope', () => {
      expect(read({ statusCode: 200, data: { access_token: 'at', id_token: 'it', expires_in: 60, refresh_token: null, scope: '' } })).toEqual({
        accessToken: 'at',
        idToken: 'it',
        tokenType: 'Bearer',
        expiresIn: 60,
        expiresAt: NOW + 60,
      });
    });

    it('takes a statusCode GenAuth wrote as a numeric string', () => {
      expect(read({ statusCode: '200', data: { ...tokens, expire_in: 0 } })).toMatchObject({ expiresIn: 0, expiresAt: NOW });
    });

    it.each([
      ['no expiry at all', { access_token: 'at', id_token: 'it' }],
      ['an empty access token', { ...tokens, access_token: '' }],
      ['no id_token', { access_token: 'at', expire_in: 1 }],
      ['a negative expiry', { ...tokens, expire_in: -1 }],
    ])('refuses a success with %s as an invalid response that keeps the ids', (_what, data) => {
      const body = { statusCode: 200, requestId: 'req-1', apiCode: 0, data };
      const error = failureOf(body);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({
        status: 502,
        message: 'GenAuth reported success without a valid token set',
        requestId: 'req-1',
        apiCode: 0,
        responseBody: JSON.stringify(body),
      });
    });
  });

  describe('an answer that is not the envelope', () => {
    it.each([
      [200, 'not json', "GenAuth's response is not JSON"],
      [299, '{"ok":true}', "GenAuth's response is not the GenAuth envelope"],
      [200, '{"statusCode":"2xx"}', "GenAuth's response is not the GenAuth envelope"],
    ])('with HTTP %d and %j is an invalid response', (status, text, message) => {
      const error = failureOf(text, status);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502, message, responseBody: text });
    });

    it.each([
      [199, 502],
      [300, 502],
      [500, 502],
      [502, 502],
      [503, 503],
      [504, 504],
    ])('with HTTP %d is an HttpError answered with %d', (status, answered) => {
      const error = failureOf('<html>bad gateway</html>', status);
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({
        code: 'GENAUTH_HTTP',
        reason: 'status',
        status: answered,
        message: `GenAuth answered HTTP ${status} without its envelope`,
        responseBody: '<html>bad gateway</html>',
      });
    });
  });

  describe('a rejection', () => {
    it.each([[2004], [2005], [2031], [2120008], [1636], [1639], [1640], [1641]])(
      "with the user's apiCode %d is a SignInRejectedError, whatever the statusCode",
      (apiCode) => {
        const error = failureOf({ statusCode: 401, message: 'locked', apiCode, requestId: 'req-2' });
        expect(error).toBeInstanceOf(SignInRejectedError);
        expect(error).toMatchObject({ status: 401, message: 'locked', apiCode, genauthStatusCode: 401, requestId: 'req-2' });
      },
    );

    it.each([
      ['apiCode 2011', { statusCode: 400, apiCode: 2011 }],
      ['statusCode 401', { statusCode: 401 }],
      ['statusCode 404', { statusCode: 404, apiCode: null }],
    ])('with %s is a ClientAuthError telling the operator what to check', (_what, envelope) => {
      const error = failureOf({ ...envelope, message: 'app not found' });
      expect(error).toBeInstanceOf(ClientAuthError);
      expect(error).toMatchObject({
        status: 500,
        genauthStatusCode: envelope.statusCode,
        message: 'GenAuth rejected the application: app not found. Check appHost, appId, appSecret, tokenEndpointAuthMethod and extIdpConnidentifier.',
      });
    });

    it.each([
      [500, 502],
      [503, 503],
      [599, 502],
    ])('with statusCode %d is an UpstreamError answered with %d', (statusCode, status) => {
      const body = { statusCode, message: 'busy' };
      const error = failureOf(body);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({
        code: 'GENAUTH_UPSTREAM',
        status,
        genauthStatusCode: statusCode,
        message: 'GenAuth failed: busy',
        responseBody: JSON.stringify(body),
      });
    });

    it.each([[400], [499], [600], [403]])('with statusCode %d and no known apiCode is a SignInRejectedError', (statusCode) => {
      const error = failureOf({ statusCode, message: 'nope', apiCode: 2001 });
      expect(error).toBeInstanceOf(SignInRejectedError);
      expect(error).toMatchObject({ status: 401, genauthStatusCode: statusCode, apiCode: 2001, message: 'nope' });
    });

    it('takes an apiCode written as a numeric string, and leaves out an empty requestId and a null apiCode', () => {
      expect(failureOf({ statusCode: 400, apiCode: '2005', message: 'x' })).toMatchObject({ apiCode: 2005 });
      const bare = failureOf({ statusCode: 400, apiCode: null, requestId: '', message: 'x' });
      expect(bare.apiCode).toBeUndefined();
      expect(bare.requestId).toBeUndefined();
    });
  });
});

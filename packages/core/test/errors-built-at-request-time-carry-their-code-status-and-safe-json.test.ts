import {
  AccessTokenError,
  ClientAuthError,
  ConfigurationError,
  CredentialsError,
  GenAuthError,
  GrantRejectedError,
  HttpError,
  IdTokenError,
  InvalidResponseError,
  OAuthRequestError,
  SignInRejectedError,
  UnknownAppError,
  UpstreamError,
  VerifyTimeoutError,
  hasErrorCode,
  isGenAuthError,
} from '../src';

const BRAND = Symbol.for('passport-genauth.error');

// Every error is built inside a test, so each test that builds one also checks it.
describe('errors built at request time carry their code, status and safe JSON', () => {
  it('keeps every detail given, the raw body non-enumerable, and serialises the public fields only', () => {
    const cause = new Error('inner');
    const error = new UpstreamError('upstream down', { status: 503, genauthStatusCode: 500, apiCode: 1234, requestId: 'r-1', cause, responseBody: '{"x":1}' });
    expect(error).toBeInstanceOf(GenAuthError);
    expect(error.name).toBe('UpstreamError');
    expect(error.message).toBe('upstream down');
    expect(error).toMatchObject({ code: 'GENAUTH_UPSTREAM', status: 503, genauthStatusCode: 500, apiCode: 1234, requestId: 'r-1' });
    expect(error.cause).toBe(cause);
    expect(error.responseBody).toBe('{"x":1}');
    expect(Object.keys(error)).not.toContain('responseBody');
    expect(Object.getOwnPropertyDescriptor(error, BRAND)).toMatchObject({ value: true, enumerable: false });
    expect(error.toJSON()).toEqual({
      name: 'UpstreamError',
      code: 'GENAUTH_UPSTREAM',
      message: 'upstream down',
      status: 503,
      genauthStatusCode: 500,
      apiCode: 1234,
      requestId: 'r-1',
    });
  });

  it('sets no detail that was not given, and no cause', () => {
    const error = new HttpError('network down', 'network', {});
    expect(error.reason).toBe('network');
    expect(error).toMatchObject({ code: 'GENAUTH_HTTP', status: undefined, genauthStatusCode: undefined, apiCode: undefined, requestId: undefined });
    expect('cause' in error).toBe(false);
    expect(error.responseBody).toBeUndefined();
    expect(isGenAuthError(error)).toBe(true);
    expect(hasErrorCode(error, 'GENAUTH_HTTP')).toBe(true);
    expect(hasErrorCode(error, 'GENAUTH_UPSTREAM')).toBe(false);
  });

  it('fixes the status of the classes whose fault is always the same', () => {
    const given = { status: 299, requestId: 'r' };
    expect(new SignInRejectedError('no', given)).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', status: 401, requestId: 'r' });
    expect(new ClientAuthError('bad app', given)).toMatchObject({ code: 'GENAUTH_CLIENT_AUTH', status: 500, requestId: 'r' });
    expect(new GrantRejectedError('again', given)).toMatchObject({ code: 'GENAUTH_INVALID_GRANT', status: 401, requestId: 'r' });
    expect(new GrantRejectedError('again')).toMatchObject({ status: 401 });
    expect(new OAuthRequestError('invalid_scope', 'bad scope', given)).toMatchObject({ code: 'GENAUTH_OAUTH_REQUEST', status: 400, error: 'invalid_scope' });
    expect(new OAuthRequestError('invalid_request', 'bad').toJSON()).toEqual({
      name: 'OAuthRequestError',
      code: 'GENAUTH_OAUTH_REQUEST',
      message: 'bad',
      status: 400,
      error: 'invalid_request',
    });
    const idToken = new IdTokenError('bad token', 'why');
    expect(idToken).toMatchObject({ code: 'GENAUTH_ID_TOKEN', status: 401, cause: 'why' });
    expect(new ConfigurationError('bad options')).toMatchObject({ code: 'GENAUTH_INVALID_OPTIONS', issues: [] });
    expect(new ConfigurationError('bad options').status).toBeUndefined();
  });

  it('answers an unreadable response with 502 unless told otherwise', () => {
    expect(new InvalidResponseError('not json')).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502 });
    expect(new InvalidResponseError('too large', { status: 413 })).toMatchObject({ status: 413 });
  });

  it('maps each bearer error to its RFC 6750 status and serialises the error and scope', () => {
    expect(new AccessTokenError('invalid_request', 'bad').status).toBe(400);
    expect(new AccessTokenError('invalid_token', 'bad').status).toBe(401);
    expect(new AccessTokenError(undefined, 'no token').status).toBe(401);
    const scoped = new AccessTokenError('insufficient_scope', 'needs write', { scope: 'write', cause: 'c' });
    expect(scoped).toMatchObject({ code: 'GENAUTH_ACCESS_TOKEN', status: 403, error: 'insufficient_scope', scope: 'write', cause: 'c' });
    expect(scoped.toJSON()).toEqual({
      name: 'AccessTokenError',
      code: 'GENAUTH_ACCESS_TOKEN',
      message: 'needs write',
      status: 403,
      error: 'insufficient_scope',
      scope: 'write',
    });
  });

  it('tells a slow verify what to do, with the time it had', () => {
    const error = new VerifyTimeoutError(250);
    expect(error).toMatchObject({ code: 'GENAUTH_VERIFY_TIMEOUT', status: 500, name: 'VerifyTimeoutError' });
    expect(error.message).toBe(
      'The verify callback did not answer within 250 ms: an async verify must return the user (a resolved undefined means "I will call done"), or call done(err, user); raise verifyTimeoutMs if it is legitimately slow',
    );
  });

  it('lists the known apps of an unknown-app error only when there are some', () => {
    expect(new UnknownAppError('Unknown application "x"', ['ios', 'web'])).toMatchObject({
      code: 'GENAUTH_UNKNOWN_APP',
      status: 400,
      message: 'Unknown application "x": one of ios, web',
      known: ['ios', 'web'],
    });
    expect(new UnknownAppError('Unknown application "x"', []).message).toBe('Unknown application "x"');
  });

  it('counts a credentials error as the request fault, with the fields it names', () => {
    expect(new CredentialsError('bad', ['code', 'iv'])).toMatchObject({ code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code', 'iv'] });
  });
});

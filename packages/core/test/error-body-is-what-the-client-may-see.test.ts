import { ClientAuthError, CredentialsError, HttpError, SignInRejectedError, UpstreamError, toErrorBody, type GenAuthFailure } from '../src';

describe('toErrorBody', () => {
  it("keeps GenAuth's apiCode, requestId and statusCode of a rejection, and never the response body", () => {
    const error = new SignInRejectedError('User is locked', { apiCode: 2005, requestId: 'r-1', genauthStatusCode: 403, responseBody: '{"secret":"S3CRET"}' });
    expect(toErrorBody(error)).toEqual({
      message: 'User is locked',
      code: 'GENAUTH_SIGNIN_REJECTED',
      status: 401,
      apiCode: 2005,
      requestId: 'r-1',
      genauthStatusCode: 403,
    });
    expect(JSON.stringify(toErrorBody(error))).not.toContain('S3CRET');
  });

  it('lists the fields of a credentials error, and answers an error without status as 500', () => {
    expect(toErrorBody(new CredentialsError('Invalid: code is required', ['code']))).toEqual({
      message: 'Invalid: code is required',
      code: 'GENAUTH_INVALID_CREDENTIALS',
      status: 400,
      fields: ['code'],
    });
    expect(toErrorBody(new HttpError('Could not reach GenAuth', 'network', {}))).toEqual({
      message: 'Authentication failed on the server',
      code: 'GENAUTH_HTTP',
      status: 500,
    });
  });

  it('never tells the client what a server-side failure revealed about the configuration or network, but keeps code and requestId', () => {
    const misconfigured = new ClientAuthError('GenAuth rejected the application: app not found. Check appHost, appId …', { requestId: 'r-2', apiCode: 2011 });
    expect(toErrorBody(misconfigured)).toEqual({
      message: 'Authentication failed on the server',
      code: 'GENAUTH_CLIENT_AUTH',
      status: 500,
      apiCode: 2011,
      requestId: 'r-2',
    });
    expect(toErrorBody(new HttpError('Could not reach GenAuth (ECONNREFUSED)', 'network', { status: 502 })).message).toBe(
      'The authentication service answered unexpectedly',
    );
    expect(toErrorBody(new HttpError('GenAuth did not answer within 10000 ms', 'timeout', { status: 504 })).message).toBe(
      'The authentication service did not answer in time; try again later',
    );
    expect(toErrorBody(new UpstreamError('GenAuth failed: maintenance', { status: 503, requestId: 'r-3' }))).toEqual({
      message: 'The authentication service is unavailable; try again later',
      code: 'GENAUTH_UPSTREAM',
      status: 503,
      requestId: 'r-3',
    });
  });

  it('turns a recorded failure into the same shape, dropping empty fields', () => {
    const failure: GenAuthFailure = { message: 'Invalid: token is required', code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: [] };
    expect(toErrorBody(failure)).toEqual({ message: 'Invalid: token is required', code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
  });
});

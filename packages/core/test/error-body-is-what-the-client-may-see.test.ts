import { CredentialsError, HttpError, SignInRejectedError, toErrorBody, type GenAuthFailure } from '../src';

describe('toErrorBody', () => {
  it("keeps GenAuth's apiCode, requestId and statusCode of a rejection, and never the response body", () => {
    const error = new SignInRejectedError('User is locked', { apiCode: 2005, requestId: 'r-1', genauthStatusCode: 403, responseBody: '{"secret":"S3CRET"}' });
    expect(toErrorBody(error)).toEqual({ message: 'User is locked', code: 'GENAUTH_SIGNIN_REJECTED', status: 401, apiCode: 2005, requestId: 'r-1', genauthStatusCode: 403 });
    expect(JSON.stringify(toErrorBody(error))).not.toContain('S3CRET');
  });

  it('lists the fields of a credentials error, and answers an error without status as 500', () => {
    expect(toErrorBody(new CredentialsError('Invalid: code is required', ['code']))).toEqual({ message: 'Invalid: code is required', code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'] });
    expect(toErrorBody(new HttpError('Could not reach GenAuth', 'network', {}))).toEqual({ message: 'Could not reach GenAuth', code: 'GENAUTH_HTTP', status: 500 });
  });

  it('turns a recorded failure into the same shape, dropping empty fields', () => {
    const failure: GenAuthFailure = { message: 'Invalid: token is required', code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: [] };
    expect(toErrorBody(failure)).toEqual({ message: 'Invalid: token is required', code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
  });
});

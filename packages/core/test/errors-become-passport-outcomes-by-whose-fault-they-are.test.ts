import { ClientAuthError, CredentialsError, IdTokenError, SignInRejectedError } from '../src';
import { outcomeOfError } from '../src/outcome';

/** The one mapping from errors to Passport outcomes: the user's fault is a `fail`, anything else an `error`. */
describe('errors become Passport outcomes by whose fault they are', () => {
  it('makes a bad credential a 400 fail whose challenge holds exactly what the client may see', () => {
    expect(outcomeOfError(new CredentialsError('Invalid credentials: code is required', ['code']))).toStrictEqual({
      type: 'fail',
      challenge: { message: 'Invalid credentials: code is required', code: 'GENAUTH_INVALID_CREDENTIALS', status: 400, fields: ['code'] },
      status: 400,
    });
  });

  it("carries GenAuth's apiCode, requestId and statusCode on a rejection, and adds none of them when GenAuth gave none", () => {
    const rejected = new SignInRejectedError('user locked', { apiCode: 2005, requestId: 'req-1', genauthStatusCode: 400 });
    expect(outcomeOfError(rejected)).toStrictEqual({
      type: 'fail',
      challenge: { message: 'user locked', code: 'GENAUTH_SIGNIN_REJECTED', status: 401, apiCode: 2005, requestId: 'req-1', genauthStatusCode: 400 },
      status: 401,
    });
    expect(outcomeOfError(new IdTokenError('id_token has expired'))).toStrictEqual({
      type: 'fail',
      challenge: { message: 'id_token has expired', code: 'GENAUTH_ID_TOKEN', status: 401 },
      status: 401,
    });
  });

  it("makes the operator's problems errors, and never mistakes a foreign error carrying a GENAUTH_ code for the user's fault", () => {
    const clientAuth = new ClientAuthError('GenAuth rejected the application', {});
    expect(outcomeOfError(clientAuth)).toEqual({ type: 'error', error: clientAuth });
    const foreign = Object.assign(new Error('from another library'), { code: 'GENAUTH_INVALID_CREDENTIALS', status: 400 });
    expect(outcomeOfError(foreign)).toEqual({ type: 'error', error: foreign });
  });
});

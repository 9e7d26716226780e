import { SignInRejectedError, processSignInResponse } from '@passport-genauth/core';

const answer = (body: unknown) => ({ status: 200, contentType: 'application/json', text: JSON.stringify(body) });

function rejectionFor(body: unknown): unknown {
  try {
    processSignInResponse(answer(body), 0);
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe("GenAuth's error envelopes, in every form GenAuth sends them", () => {
  it("keeps the user's 401 for an error envelope without data", () => {
    const error = rejectionFor({ statusCode: 403, message: 'User is locked', apiCode: 2005, requestId: 'r-1' });
    expect(error).toBeInstanceOf(SignInRejectedError);
    expect(error).toMatchObject({ status: 401, apiCode: 2005, requestId: 'r-1', genauthStatusCode: 403, message: 'User is locked' });
  });

  it("reads apiCode (and statusCode) given as numeric strings, as GenAuth's error-code page prints them", () => {
    const error = rejectionFor({ statusCode: '403', message: 'User is locked', apiCode: '2005', requestId: 'r-2', data: null });
    expect(error).toBeInstanceOf(SignInRejectedError);
    expect(error).toMatchObject({ status: 401, apiCode: 2005, genauthStatusCode: 403 });
  });

  it('still refuses an apiCode that is not a number as an invalid response', () => {
    expect(rejectionFor({ statusCode: 403, message: 'x', apiCode: 'two thousand' })).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502 });
  });
});

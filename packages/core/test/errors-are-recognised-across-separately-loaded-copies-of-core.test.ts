import * as core from '@passport-genauth/core';
import { GenAuthError, HttpError, hasErrorCode, isGenAuthError } from '@passport-genauth/core';
import { mockRequest, runStrategy } from '@passport-genauth/testing';
import { CodeStrategy } from './support/providers';

/**
 * A second copy of core, loaded inside a test. (Excluded from `pnpm mutation`: loading every module of
 * core inside a test makes Stryker count each module-level constant as covered by these tests alone,
 * and report it as a survivor of them; see jest.stryker.config.ts.)
 */
describe('the error brand across a separately loaded copy of core', () => {
  it('recognises the errors of a second, separately loaded copy of the core module', () => {
    let second!: typeof core;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      second = require('@passport-genauth/core') as typeof core;
    });
    expect(second.GenAuthError).not.toBe(GenAuthError);
    const theirs = new second.SignInRejectedError('nope', { apiCode: 2005 });
    expect(theirs).not.toBeInstanceOf(GenAuthError);
    expect(isGenAuthError(theirs)).toBe(true);
    expect(hasErrorCode(theirs, 'GENAUTH_SIGNIN_REJECTED')).toBe(true);
    expect(second.isGenAuthError(new HttpError('x', 'network', {}))).toBe(true);
  });

  it("maps another copy's errors to the same Passport outcome", async () => {
    let second!: typeof core;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      second = require('@passport-genauth/core') as typeof core;
    });
    const client = {
      signInByMobile: async () => {
        throw new second.SignInRejectedError('User is locked', { apiCode: 2005, requestId: 'r-1', genauthStatusCode: 403 });
      },
    };
    const strategy = new CodeStrategy({ client, extIdpConnidentifier: 's' }, async () => ({ id: 'x' }));
    const result = await runStrategy(strategy, mockRequest({ body: { code: 'c' } }));
    expect(result).toEqual({
      type: 'fail',
      status: 401,
      challenge: { message: 'User is locked', code: 'GENAUTH_SIGNIN_REJECTED', status: 401, apiCode: 2005, requestId: 'r-1', genauthStatusCode: 403 },
    });
  });
});

import { ClientAuthError, SignInRejectedError, UpstreamError } from '@passport-genauth/core';
import { processSignInResponse } from '../src/sign-in-response';

/** What reading this envelope throws (it must throw). */
function refusalOf(envelope: Record<string, unknown>, status = 200): unknown {
  try {
    processSignInResponse({ status, contentType: 'application/json', text: JSON.stringify(envelope) }, 1_760_000_000);
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('sign-in rejections without a message name the status code GenAuth gave', () => {
  it('names the statusCode of a rejection whose message is blank, missing or null', () => {
    for (const message of ['   ', undefined, null, '']) {
      const error = refusalOf({ statusCode: 400, message, apiCode: 2001 });
      expect(error).toBeInstanceOf(SignInRejectedError);
      expect((error as Error).message).toBe('statusCode 400');
    }
  });

  it("uses GenAuth's own message, trimmed, when it gives one", () => {
    const error = refusalOf({ statusCode: 400, message: '  验证码错误  ', apiCode: 2001 });
    expect(error).toBeInstanceOf(SignInRejectedError);
    expect((error as Error).message).toBe('验证码错误');
  });

  it('names the statusCode inside the application and upstream sentences too', () => {
    expect((refusalOf({ statusCode: 401, message: '' }) as ClientAuthError).message).toBe(
      'GenAuth rejected the application: statusCode 401. Check appHost, appId, appSecret, tokenEndpointAuthMethod and extIdpConnidentifier.',
    );
    const upstream = refusalOf({ statusCode: 500 });
    expect(upstream).toBeInstanceOf(UpstreamError);
    expect((upstream as Error).message).toBe('GenAuth failed: statusCode 500');
  });
});

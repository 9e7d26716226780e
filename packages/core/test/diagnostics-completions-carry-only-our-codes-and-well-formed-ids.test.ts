import diagnosticsChannel from 'node:diagnostics_channel';
import { GenAuthError, diagnosticLabels } from '../src';
import { isObserved } from '../src/diagnostics/channels';
import { authMethodOf, noteClientFacts, originOf, type ClientFacts } from '../src/diagnostics/client-facts';
import { completionOfError, completionOfOutcome, isRejection } from '../src/diagnostics/completion';
import { knownErrorCode, safeRequestId } from '../src/diagnostics/labels';

const rejected = (status = 401) =>
  new GenAuthError('GENAUTH_SIGNIN_REJECTED', 'Sign-in rejected', { status, apiCode: 2005, genauthStatusCode: 403, requestId: 'req-7' });

/** The completion of `rejected()`: its code and every GenAuth id. */
const REJECTED_COMPLETION = {
  result: 'fail',
  status: 401,
  errorCode: 'GENAUTH_SIGNIN_REJECTED',
  apiCode: 2005,
  genauthStatusCode: 403,
  requestId: 'req-7',
} as const;

describe('a completion carries our code and GenAuth ids only from our own errors', () => {
  it('a success is result success, status 200, nothing else', () => {
    expect(completionOfOutcome({ type: 'success', user: { id: 'u' }, info: {} as never })).toStrictEqual({ result: 'success', status: 200 });
  });

  it('a fail whose challenge is one of our failures keeps its code, apiCode, GenAuth statusCode and requestId', () => {
    expect(
      completionOfOutcome({
        type: 'fail',
        challenge: { code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005, genauthStatusCode: 403, requestId: 'req-7' },
        status: 401,
      }),
    ).toStrictEqual(REJECTED_COMPLETION);
  });

  it('ids that are not well formed are left out: a fractional apiCode, a string statusCode, a request id with spaces', () => {
    expect(
      completionOfOutcome({
        type: 'fail',
        challenge: { code: 'GENAUTH_ID_TOKEN', apiCode: 1.5, genauthStatusCode: '403', requestId: 'has spaces' },
        status: 401,
      }),
    ).toStrictEqual({
      result: 'fail',
      status: 401,
      errorCode: 'GENAUTH_ID_TOKEN',
    });
  });

  it("an app verify refusal's info never contributes GenAuth ids, only GENAUTH_VERIFY_REFUSED", () => {
    expect(completionOfOutcome({ type: 'fail', challenge: { code: 'GENAUTH_VERIFY_REFUSED', apiCode: 2005, requestId: 'req-7' }, status: 401 })).toStrictEqual({
      result: 'fail',
      status: 401,
      errorCode: 'GENAUTH_VERIFY_REFUSED',
    });
    expect(completionOfOutcome({ type: 'fail', challenge: { code: 'MY_APP_CODE', apiCode: 2005 }, status: 403 })).toStrictEqual({
      result: 'fail',
      status: 403,
      errorCode: 'GENAUTH_VERIFY_REFUSED',
    });
    expect(completionOfOutcome({ type: 'fail', challenge: undefined as never, status: 401 })).toStrictEqual({
      result: 'fail',
      status: 401,
      errorCode: 'GENAUTH_VERIFY_REFUSED',
    });
    expect(completionOfOutcome({ type: 'fail', challenge: null as never, status: 401 })).toStrictEqual({
      result: 'fail',
      status: 401,
      errorCode: 'GENAUTH_VERIFY_REFUSED',
    });
  });

  it('an error outcome: our error gives its status and ids; an app error that merely looks like ours is a plain 500', () => {
    expect(completionOfOutcome({ type: 'error', error: rejected(502) })).toStrictEqual({ ...REJECTED_COMPLETION, result: 'error', status: 502 });
    const lookalike = Object.assign(new Error('mine'), { code: 'GENAUTH_HTTP', status: 503, apiCode: 1, requestId: 'r' });
    expect(completionOfOutcome({ type: 'error', error: lookalike })).toStrictEqual({ result: 'error', status: 500 });
    expect(completionOfOutcome({ type: 'error', error: new GenAuthError('GENAUTH_HTTP', 'no status') })).toStrictEqual({
      result: 'error',
      status: 500,
      errorCode: 'GENAUTH_HTTP',
    });
  });

  it('a thrown refusal is fail, a thrown failure an operator must see is error, anything else is error 500', () => {
    expect(completionOfError(rejected())).toStrictEqual(REJECTED_COMPLETION);
    expect(completionOfError(new GenAuthError('GENAUTH_UPSTREAM', 'down', { status: 502 }))).toStrictEqual({
      result: 'error',
      status: 502,
      errorCode: 'GENAUTH_UPSTREAM',
    });
    expect(completionOfError(Object.assign(new Error('x'), { code: 'GENAUTH_SIGNIN_REJECTED', status: 401 }))).toStrictEqual({ result: 'error', status: 500 });
    expect(completionOfError('a string')).toStrictEqual({ result: 'error', status: 500 });
  });

  it('GenAuth refusing is a rejection; a transport failure, a missing code and our own refusal of a credential are not', () => {
    expect(isRejection({ result: 'fail', errorCode: 'GENAUTH_SIGNIN_REJECTED' })).toBe(true);
    expect(isRejection({ result: 'error', errorCode: 'GENAUTH_CLIENT_AUTH' })).toBe(true);
    expect(isRejection({ result: 'error', errorCode: 'GENAUTH_HTTP' })).toBe(false);
    expect(isRejection({ result: 'fail', errorCode: 'GENAUTH_INVALID_CREDENTIALS' })).toBe(false);
    expect(isRejection({ result: 'error' })).toBe(false);
  });
});

describe('labels let through only known codes and safe request ids', () => {
  it('knownErrorCode: our codes pass, anything else (another string, a number) does not', () => {
    expect(knownErrorCode('GENAUTH_ACCESS_TOKEN')).toBe('GENAUTH_ACCESS_TOKEN');
    expect(knownErrorCode('GENAUTH_NOPE')).toBeUndefined();
    expect(knownErrorCode(401)).toBeUndefined();
  });

  it('safeRequestId: word characters, dots, colons and dashes up to 128 of them', () => {
    expect(safeRequestId('a1_b.c:d-e')).toBe('a1_b.c:d-e');
    expect(safeRequestId('x'.repeat(128))).toBe('x'.repeat(128));
    expect(safeRequestId('x'.repeat(129))).toBeUndefined();
    expect(safeRequestId('')).toBeUndefined();
    expect(safeRequestId('ok id')).toBeUndefined();
    expect(safeRequestId('!ok')).toBeUndefined();
    expect(safeRequestId('ok!')).toBeUndefined();
    expect(safeRequestId(12345)).toBeUndefined();
  });

  it('a connection label is a lower-case name of at most 64 characters starting with a letter', () => {
    expect(diagnosticLabels.connection('a')).toBe('a');
    expect(diagnosticLabels.connection('wechat_mini2')).toBe('wechat_mini2');
    expect(diagnosticLabels.connection(`a${'b'.repeat(63)}`)).toBe(`a${'b'.repeat(63)}`);
    expect(diagnosticLabels.connection(`a${'b'.repeat(64)}`)).toBe('_OTHER');
    expect(diagnosticLabels.connection('2wechat')).toBe('_OTHER');
    expect(diagnosticLabels.connection('_wechat')).toBe('_OTHER');
    expect(diagnosticLabels.connection('Wechat')).toBe('_OTHER');
    expect(diagnosticLabels.connection('wechat!')).toBe('_OTHER');
    expect(diagnosticLabels.connection('')).toBe('_OTHER');
  });
});

describe('a tracing channel is observed when any one of its five events has a subscriber', () => {
  it.each(['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const)('a subscriber to %s alone makes it observed', (event) => {
    const channel = diagnosticsChannel.tracingChannel<unknown, object>(`passport-genauth-test:observed-${event}`);
    expect(isObserved(channel)).toBe(false);
    const handler = () => undefined;
    channel[event].subscribe(handler);
    try {
      expect(isObserved(channel)).toBe(true);
    } finally {
      channel[event].unsubscribe(handler);
    }
    expect(isObserved(channel)).toBe(false);
  });
});

describe("a client's public facts are copied only when they are what they claim", () => {
  it('app id, origin and auth method of a real-looking client', () => {
    const facts: ClientFacts = {};
    noteClientFacts(facts, { appId: 'app-1', appHost: 'https://a.genauth.ai/some/path', tokenEndpointAuthMethod: 'client_secret_basic' });
    expect(facts).toStrictEqual({ appId: 'app-1', serverAddress: 'https://a.genauth.ai', clientAuthMethod: 'client_secret_basic' });
  });

  it('nothing from null, a string, or fields of the wrong type and value', () => {
    const factsOf = (client: unknown): ClientFacts => {
      const facts: ClientFacts = {};
      noteClientFacts(facts, client);
      return facts;
    };
    expect(() => factsOf(null)).not.toThrow();
    expect(factsOf(undefined)).toStrictEqual({});
    expect(factsOf('https://a.genauth.ai')).toStrictEqual({});
    expect(factsOf({ appId: 7, appHost: 'not a url', tokenEndpointAuthMethod: 'private_key_jwt' })).toStrictEqual({});
    expect(factsOf({ appHost: 42, tokenEndpointAuthMethod: 3 })).toStrictEqual({});
    expect(factsOf({})).toStrictEqual({});
    // Only a string is a configured host: a URL object is not read, though it would parse.
    expect(factsOf({ appHost: new URL('https://a.genauth.ai') })).toStrictEqual({});
  });

  it('originOf answers the same for a URL asked twice, and undefined for what is not a URL, twice too', () => {
    expect(originOf('http://127.0.0.1:4000/x')).toBe('http://127.0.0.1:4000');
    expect(originOf('http://127.0.0.1:4000/x')).toBe('http://127.0.0.1:4000');
    expect(originOf('::nope::')).toBeUndefined();
    expect(originOf('::nope::')).toBeUndefined();
  });

  it('authMethodOf knows the three methods and nothing else', () => {
    expect(authMethodOf('none')).toBe('none');
    expect(authMethodOf('client_secret_post')).toBe('client_secret_post');
    expect(authMethodOf('client_secret_basic')).toBe('client_secret_basic');
    expect(authMethodOf('client_secret_jwt')).toBeUndefined();
    expect(authMethodOf(undefined)).toBeUndefined();
  });
});

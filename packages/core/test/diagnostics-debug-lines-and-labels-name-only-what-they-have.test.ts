import { ConfigurationError, configureTelemetry, diagnosticLabels } from '../src';
import { completionOfOutcome } from '../src/diagnostics/completion';
import { debugLine } from '../src/diagnostics/debug-log';
import type { AuthenticateMessage } from '../src/diagnostics/messages';
import { formAuthMethod, oidcExchange, signInExchange } from '../src/diagnostics/observe-exchange';
import { authenticateEndAttributes, exchangeStartAttributes } from '../src/diagnostics/otel-attributes';

const request = { headers: {} };

function message(fields: Partial<AuthenticateMessage>): AuthenticateMessage {
  return { kind: 'login', strategy: 'genauth-wechat', credentialFields: [], request, ...fields };
}

describe('the NODE_DEBUG line of a login names every field it has, and only those', () => {
  it('a refused login with all of GenAuth ids: app, result, status, code, apiCode, statusCode, requestId and the rounded duration', () => {
    const line = debugLine(
      message({
        app: 'ios',
        result: 'fail',
        status: 401,
        errorCode: 'GENAUTH_SIGNIN_REJECTED',
        apiCode: 2005,
        genauthStatusCode: 403,
        requestId: 'req-1',
        durationMs: 11.6,
      }),
    );
    expect(line).toBe('login genauth-wechat app=ios result=fail status=401 code=GENAUTH_SIGNIN_REJECTED apiCode=2005 statusCode=403 requestId=req-1 12ms');
  });

  it('a bearer check with nothing known yet: only its kind, strategy, an unknown result and an unknown duration', () => {
    expect(debugLine(message({ kind: 'bearer', strategy: 'genauth-bearer' }))).toBe('bearer genauth-bearer result=unknown ?ms');
  });

  it('a success names its result and status and leaves out the ids it does not have', () => {
    expect(debugLine(message({ result: 'success', status: 200, durationMs: 3.2 }))).toBe('login genauth-wechat result=success status=200 3ms');
  });
});

describe('diagnostic labels bucket absent values as none and unknown ones as _OTHER', () => {
  it('apiCode: a known code as is, none when absent, _OTHER for an unknown one', () => {
    expect(diagnosticLabels.apiCode(2005)).toBe('2005');
    expect(diagnosticLabels.apiCode(undefined)).toBe('none');
    expect(diagnosticLabels.apiCode(1234)).toBe('_OTHER');
  });

  it('GenAuth statusCode: a known code as is, none when absent, _OTHER for an unknown one', () => {
    expect(diagnosticLabels.genauthStatusCode(602)).toBe('602');
    expect(diagnosticLabels.genauthStatusCode(undefined)).toBe('none');
    expect(diagnosticLabels.genauthStatusCode(777)).toBe('_OTHER');
  });

  it('errorCode: one of ours as is, none when absent, _OTHER for an app exception code', () => {
    expect(diagnosticLabels.errorCode('GENAUTH_HTTP')).toBe('GENAUTH_HTTP');
    expect(diagnosticLabels.errorCode(undefined)).toBe('none');
    expect(diagnosticLabels.errorCode('ECONNRESET')).toBe('_OTHER');
  });

  it('connection: a connection name as is, none when absent, _OTHER for anything that is not a name', () => {
    expect(diagnosticLabels.connection('wechat')).toBe('wechat');
    expect(diagnosticLabels.connection(undefined)).toBe('none');
    expect(diagnosticLabels.connection('We Chat!')).toBe('_OTHER');
  });
});

describe('a login refused by the app verify completes as GENAUTH_VERIFY_REFUSED', () => {
  it('a fail outcome whose challenge carries none of our codes is a verify refusal with the outcome status', () => {
    expect(completionOfOutcome({ type: 'fail', challenge: { reason: 'not today' }, status: 403 })).toEqual({
      result: 'fail',
      status: 403,
      errorCode: 'GENAUTH_VERIFY_REFUSED',
    });
  });
});

describe('exchange starts name how the app authenticated and which app it is', () => {
  it('a form with client_secret is client_secret_post, a form without is none, a Basic header is client_secret_basic', () => {
    expect(formAuthMethod(new URLSearchParams({ client_id: 'a', client_secret: 's' }), {})).toBe('client_secret_post');
    expect(formAuthMethod(new URLSearchParams({ client_id: 'a' }), {})).toBe('none');
    expect(formAuthMethod(new URLSearchParams({ client_secret: 's' }), { authorization: 'Basic YTpz' })).toBe('client_secret_basic');
    // Only the Basic scheme is the app authenticating in a header.
    expect(formAuthMethod(new URLSearchParams({ client_secret: 's' }), { authorization: 'Bearer abc' })).toBe('client_secret_post');
  });

  it('an /oidc call the diagnostics do not know is a TypeError naming the call', () => {
    const call = () => oidcExchange({ base: 'https://x.genauth.ai', headers: {} }, { what: 'logout' }, undefined);
    expect(call).toThrow(TypeError);
    expect(call).toThrow('no exchange operation for logout');
  });

  it('an /oidc call names the app id the client sends in x-authing-app-id, and the origin of its base', () => {
    expect(oidcExchange({ base: 'https://x.genauth.ai/oidc', headers: { 'x-authing-app-id': 'app-9' } }, { what: 'refresh' }, 'client_secret_basic')).toEqual({
      operation: 'refresh',
      appId: 'app-9',
      serverAddress: 'https://x.genauth.ai',
      clientAuthMethod: 'client_secret_basic',
    });
  });

  it("a sign-in names the client's origin (not its configured URL), connection, app and the payload's field names", () => {
    expect(
      signInExchange({ appId: 'app-1', appHost: 'https://a.genauth.ai/', tokenEndpointAuthMethod: 'none' }, {
        connection: 'wechat',
        app: 'ios',
        payload: { code: 'secret-code' },
      } as never),
    ).toEqual({
      operation: 'sign-in',
      appId: 'app-1',
      serverAddress: 'https://a.genauth.ai',
      clientAuthMethod: 'none',
      connection: 'wechat',
      app: 'ios',
      credentialFields: ['code'],
    });
  });

  it('an /oidc call without an x-authing-app-id header has an empty app id', () => {
    expect(oidcExchange({ base: 'https://x.genauth.ai/oidc', headers: {} }, { what: 'introspection' }, 'none')).toEqual({
      operation: 'introspect',
      appId: '',
      serverAddress: 'https://x.genauth.ai',
      clientAuthMethod: 'none',
    });
  });
});

describe('span attributes name the app and the server port a URL implies', () => {
  const success = { result: 'success', status: 200 } as const;

  it('an https origin without a port is port 443, and the app alias is named', () => {
    expect(authenticateEndAttributes(message({ app: 'ios', serverAddress: 'https://a.genauth.ai' }), success, undefined)).toEqual({
      'genauth.app': 'ios',
      'server.address': 'a.genauth.ai',
      'server.port': 443,
      'genauth.result': 'success',
    });
  });

  it('an http origin without a port is port 80; an explicit port is kept', () => {
    expect(authenticateEndAttributes(message({ serverAddress: 'http://b.genauth.ai' }), success, undefined)).toMatchObject({ 'server.port': 80 });
    expect(authenticateEndAttributes(message({ serverAddress: 'http://[::1]:8443' }), success, undefined)).toMatchObject({
      'server.address': '::1',
      'server.port': 8443,
    });
  });

  it('with recordUserId off (the default), a known subject still adds no user.id', () => {
    expect(authenticateEndAttributes(message({}), success, 'user-1')).toEqual({ 'genauth.result': 'success' });
  });

  it('an exchange start names the app alias a registry chose', () => {
    expect(exchangeStartAttributes({ operation: 'sign-in', appId: 'app-1', serverAddress: 'not a url', app: 'android', connection: 'wechat' })).toEqual({
      'genauth.operation': 'sign-in',
      'genauth.app_id': 'app-1',
      'genauth.connection': 'wechat',
      'genauth.app': 'android',
    });
  });
});

describe('configureTelemetry refuses an option it does not know', () => {
  it('throws ConfigurationError naming the unknown option under "Invalid telemetry options"', () => {
    let thrown: unknown;
    try {
      void configureTelemetry({ tracer: {} } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as ConfigurationError).message).toBe('Invalid telemetry options:\n  - tracer: unknown option');
    expect((thrown as ConfigurationError).code).toBe('GENAUTH_INVALID_OPTIONS');
  });
});

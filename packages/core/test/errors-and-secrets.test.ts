import { inspect } from 'node:util';
import * as core from '@passport-genauth/core';
import {
  ClientAuthError,
  ConfigurationError,
  CredentialsError,
  GenAuthClient,
  GenAuthError,
  HttpError,
  IdTokenError,
  InvalidResponseError,
  SignInRejectedError,
  UpstreamError,
  hasErrorCode,
  isGenAuthError,
  type GenAuthClientOptions,
} from '@passport-genauth/core';
import { APP, ISSUER, JWKS_PATH, SIGNIN_PATH, mockRequest, runStrategy, signHs256, signRs256, unsigned, type MockGenAuth } from '@passport-genauth/testing';
import { CodeStrategy, codeSignIn, startMock, successBody } from './support/providers';
import { rejectionOf } from './support/failures';

const SECRET = 'S3CRET-5f1e0c7a9b2d4e6f8a0b';
const CODE = 'C0DE-TOKEN-91b7d2e4a6c8f0a2';
const ACCESS = 'ACC3SS-TOKEN-0c2e4a6b8d0f';
const BASIC = Buffer.from(`${APP.appId}:${SECRET}`).toString('base64');
const BRAND = Symbol.for('passport-genauth.error');

/** Every string that must never show: the secret, its Basic form, the user's credential, the tokens. */
function forbidden(extra: readonly string[] = []): string[] {
  return [SECRET, BASIC, CODE, ACCESS, ...extra];
}

/** The ways an error is shown: message, JSON, String, and Node's inspect (logs). */
function renderings(error: unknown): string[] {
  return [(error as Error).message, JSON.stringify(error), String(error), inspect(error, { depth: 6 })];
}

function expectNothingSecretIn(error: unknown, extra: readonly string[] = []): void {
  for (const shown of renderings(error)) {
    for (const secret of forbidden(extra)) expect(shown).not.toContain(secret);
  }
}

describe('the error brand', () => {
  it('recognises an error from another installed copy of core by its global brand', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: 'GENAUTH_HTTP', [BRAND]: true });
    expect(foreign).not.toBeInstanceOf(GenAuthError);
    expect(isGenAuthError(foreign)).toBe(true);
    expect(hasErrorCode(foreign, 'GENAUTH_HTTP')).toBe(true);
    expect(hasErrorCode(foreign, 'GENAUTH_ID_TOKEN')).toBe(false);
  });

  it.each([null, undefined, 'GENAUTH_HTTP', { code: 'GENAUTH_HTTP' }, new Error('plain'), { [BRAND]: 'yes' }])('is false for %p', (value) => {
    expect(isGenAuthError(value)).toBe(false);
    expect(hasErrorCode(value, 'GENAUTH_HTTP')).toBe(false);
  });
});

describe('every error class', () => {
  const details = {
    apiCode: 2005,
    requestId: 'req-1',
    genauthStatusCode: 403,
    responseBody: `{"secret":"${SECRET}"}`,
    cause: new Error(`cause with ${SECRET}`),
  };
  const cases: Array<[string, GenAuthError, string, number | undefined]> = [
    ['ConfigurationError', new ConfigurationError('bad options', ['appHost: bad']), 'GENAUTH_INVALID_OPTIONS', undefined],
    ['CredentialsError', new CredentialsError('bad credential', ['code']), 'GENAUTH_INVALID_CREDENTIALS', 400],
    ['SignInRejectedError', new SignInRejectedError('rejected', details), 'GENAUTH_SIGNIN_REJECTED', 401],
    ['ClientAuthError', new ClientAuthError('bad app', details), 'GENAUTH_CLIENT_AUTH', 500],
    ['IdTokenError', new IdTokenError('bad token', new Error(`cause with ${SECRET}`)), 'GENAUTH_ID_TOKEN', 401],
    ['InvalidResponseError', new InvalidResponseError('not json', details), 'GENAUTH_INVALID_RESPONSE', 502],
    ['UpstreamError', new UpstreamError('upstream', { ...details, status: 503 }), 'GENAUTH_UPSTREAM', 503],
    ['HttpError', new HttpError('timeout', 'timeout', { ...details, status: 504 }), 'GENAUTH_HTTP', 504],
  ];

  it.each(cases)('%s serialises to code, message and status only', (name, error, code, status) => {
    expect(error).toBeInstanceOf(GenAuthError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(isGenAuthError(error)).toBe(true);
    expect(hasErrorCode(error, code as core.GenAuthErrorCode)).toBe(true);
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({ name, code, message: error.message });
    expect(json.status).toBe(status);
    expect(Object.keys(json).every((key) => ['name', 'code', 'message', 'status', 'genauthStatusCode', 'apiCode', 'requestId'].includes(key))).toBe(true);
    expect(json).not.toHaveProperty('responseBody');
    expect(json).not.toHaveProperty('cause');
    expect(json).not.toHaveProperty('stack');
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String(error)).toBe(`${name}: ${error.message}`);
    expect(Object.keys(error)).not.toContain('responseBody');
  });

  it('keeps GenAuth details and the raw body on a SignInRejectedError', () => {
    const error = new SignInRejectedError('rejected', details);
    expect(error).toMatchObject({ apiCode: 2005, requestId: 'req-1', genauthStatusCode: 403, status: 401 });
    expect(error.responseBody).toBe(details.responseBody);
    expect(error.cause).toBe(details.cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SignInRejectedError',
      code: 'GENAUTH_SIGNIN_REJECTED',
      message: 'rejected',
      status: 401,
      genauthStatusCode: 403,
      apiCode: 2005,
      requestId: 'req-1',
    });
  });
});

describe('no secret and no token in any error', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  const clientOptions = (overrides: Partial<GenAuthClientOptions> = {}): Partial<GenAuthClientOptions> => ({
    appSecret: SECRET,
    tokenEndpointAuthMethod: 'client_secret_basic',
    ...overrides,
  });

  beforeEach(async () => {
    mock = await startMock();
    client = mock.client(clientOptions());
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  /** Echoes the whole request (secret, Basic header, credential) back, as a chatty proxy page might. */
  const echo = (sent: { headers: Record<string, string>; body: Record<string, unknown> }) => JSON.stringify(sent);
  const signIn = (using: GenAuthClient = client) => rejectionOf(using.signInByMobile(codeSignIn(CODE)));
  const answerWithIdToken = (idToken: string) => mock.onSignIn(() => ({ body: successBody(idToken, { access_token: ACCESS }) }));
  const good = { iss: ISSUER, aud: APP.appId } as const;

  const paths: Array<[string, () => Promise<{ error: unknown; tokens?: string[] }>]> = [
    [
      'a rejected code (602)',
      async () => {
        mock.onSignIn((sent) => ({ body: { statusCode: 602, message: 'invalid code', requestId: 'r', data: { echo: echo(sent) } } }));
        return { error: await signIn() };
      },
    ],
    [
      'a locked user (403, 2005)',
      async () => {
        mock.reject(403, 'User is locked', 2005);
        return { error: await signIn() };
      },
    ],
    [
      'an unknown application (2011)',
      async () => {
        mock.onSignIn((sent) => ({ body: { statusCode: 400, apiCode: 2011, message: 'app not found', requestId: 'r', data: { echo: echo(sent) } } }));
        return { error: await signIn() };
      },
    ],
    [
      'bad client credentials (401)',
      async () => {
        mock.onSignIn((sent) => ({ body: { statusCode: 401, message: 'unauthorized', requestId: 'r', data: { echo: echo(sent) } } }));
        return { error: await signIn() };
      },
    ],
    [
      'an upstream failure (500)',
      async () => {
        mock.onSignIn((sent) => ({ body: { statusCode: 500, message: 'oops', requestId: 'r', data: { echo: echo(sent) } } }));
        return { error: await signIn() };
      },
    ],
    [
      'an HTML gateway page (HTTP 502)',
      async () => {
        mock.onSignIn((sent) => ({ status: 502, body: `<html><pre>${echo(sent)}</pre></html>`, headers: { 'content-type': 'text/html' } }));
        return { error: await signIn() };
      },
    ],
    [
      'a body that is not JSON',
      async () => {
        mock.onSignIn((sent) => ({ body: `not json ${echo(sent)}`, headers: { 'content-type': 'text/plain' } }));
        return { error: await signIn() };
      },
    ],
    [
      'JSON of the wrong shape',
      async () => {
        mock.onSignIn((sent) => ({ body: { unexpected: echo(sent) } }));
        return { error: await signIn() };
      },
    ],
    [
      'a success without tokens',
      async () => {
        mock.onSignIn(() => ({ body: { statusCode: 200, requestId: 'r', data: { access_token: ACCESS } } }));
        return { error: await signIn() };
      },
    ],
    [
      'an oversize body',
      async () => {
        await client.close();
        client = mock.client(clientOptions({ maxResponseBytes: 1024 }));
        mock.onSignIn((sent) => ({ body: `${echo(sent)}${'x'.repeat(4096)}`, headers: { 'content-type': 'application/json' } }));
        return { error: await signIn() };
      },
    ],
    [
      'a timeout',
      async () => {
        await client.close();
        client = mock.client(clientOptions({ timeoutMs: 30 }));
        mock.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).reply(200, '{}').delay(1_000);
        return { error: await signIn() };
      },
    ],
    [
      'a network error',
      async () => {
        mock.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).replyWithError(new Error('socket hang up'));
        return { error: await signIn() };
      },
    ],
    [
      'an abort',
      async () => {
        return { error: await rejectionOf(client.signInByMobile(codeSignIn(CODE, { signal: AbortSignal.abort() }))) };
      },
    ],
    [
      'an alg: none id_token',
      async () => {
        const idToken = unsigned(good);
        answerWithIdToken(idToken);
        return { error: await signIn(), tokens: [idToken] };
      },
    ],
    [
      'an id_token with a bad HS256 signature',
      async () => {
        const idToken = await signHs256('another-secret', good);
        answerWithIdToken(idToken);
        return { error: await signIn(), tokens: [idToken, idToken.split('.')[2]!] };
      },
    ],
    [
      'an id_token for another audience',
      async () => {
        const idToken = await signHs256(SECRET, { ...good, aud: 'other-app' });
        answerWithIdToken(idToken);
        return { error: await signIn(), tokens: [idToken, idToken.split('.')[2]!] };
      },
    ],
    [
      'an expired id_token',
      async () => {
        const idToken = await signHs256(SECRET, { ...good, issuedAtOffsetSec: -7200, expiresInSec: 60 });
        answerWithIdToken(idToken);
        return { error: await signIn(), tokens: [idToken, idToken.split('.')[2]!] };
      },
    ],
    [
      'an RS256 id_token with an unknown kid',
      async () => {
        mock.serveJwks();
        const idToken = await signRs256({ ...mock.key, kid: 'nope' }, good);
        answerWithIdToken(idToken);
        return { error: await signIn(), tokens: [idToken, idToken.split('.')[2]!] };
      },
    ],
    [
      'an unreachable JWKS',
      async () => {
        mock.pool.intercept({ path: JWKS_PATH, method: 'GET' }).replyWithError(new Error('ECONNREFUSED'));
        const idToken = await signRs256(mock.key, good);
        answerWithIdToken(idToken);
        return { error: await signIn(), tokens: [idToken, idToken.split('.')[2]!] };
      },
    ],
    [
      'an HS256 id_token on a client without appSecret',
      async () => {
        await client.close();
        client = new GenAuthClient({ appHost: APP.appHost, appId: APP.appId, dispatcher: mock.agent });
        const idToken = await signHs256(SECRET, good);
        answerWithIdToken(idToken);
        return { error: await signIn(), tokens: [idToken, idToken.split('.')[2]!] };
      },
    ],
    [
      'bad client options',
      async () => {
        try {
          new GenAuthClient({
            appHost: `http://${SECRET}.example`,
            appId: APP.appId,
            appSecret: SECRET,
            tokenEndpointAuthMethod: SECRET,
            clientSecret: SECRET,
          } as never);
        } catch (error) {
          return { error };
        }
        throw new Error('expected a ConfigurationError');
      },
    ],
    [
      'bad strategy options',
      async () => {
        try {
          new CodeStrategy(
            {
              appHost: APP.appHost,
              appId: APP.appId,
              appSecret: SECRET,
              extIdpConnidentifier: 's',
              scope: SECRET,
              name: [SECRET],
              fields: { code: [SECRET] },
            } as never,
            () => null,
          );
        } catch (error) {
          return { error };
        }
        throw new Error('expected a ConfigurationError');
      },
    ],
  ];

  it.each(paths)('for %s', async (_label, run) => {
    const { error, tokens = [] } = await run();
    expect(isGenAuthError(error)).toBe(true);
    expectNothingSecretIn(error, tokens);
  });

  it('keeps them out of what a strategy hands to Passport and the app', async () => {
    const strategy = new CodeStrategy({ client, extIdpConnidentifier: 's', options: async () => ({ scope: SECRET }) }, async () => ({ id: 'x' }));
    const badOptions = await runStrategy(strategy, mockRequest({ body: { code: CODE } }));
    expect(badOptions.type).toBe('error');
    expectNothingSecretIn((badOptions as { error: unknown }).error);

    const plain = new CodeStrategy({ client, extIdpConnidentifier: 's' }, async () => ({ id: 'x' }));
    for (const body of [{ code: CODE.repeat(300) }, { code: { value: CODE } }, { code: [CODE] }]) {
      const result = await runStrategy(plain, mockRequest({ body }));
      expect(result).toMatchObject({ type: 'fail', status: 400 });
      for (const secret of forbidden()) expect(JSON.stringify(result)).not.toContain(secret);
    }

    mock.onSignIn((sent) => ({ body: { statusCode: 602, message: 'invalid code', requestId: 'r', data: { echo: echo(sent) } } }));
    const rejected = await runStrategy(plain, mockRequest({ body: { code: CODE } }));
    expect(rejected).toMatchObject({ type: 'fail', status: 401 });
    for (const secret of forbidden()) expect(JSON.stringify(rejected)).not.toContain(secret);
  });

  it('keeps the secret out of JSON.stringify and util.inspect of the client', () => {
    expect(JSON.parse(JSON.stringify(client))).toEqual({ appHost: APP.appHost, appId: APP.appId, tokenEndpointAuthMethod: 'client_secret_basic' });
    for (const shown of [JSON.stringify(client), inspect(client), inspect(client, { showHidden: true, depth: Infinity }), `${client as unknown as string}`]) {
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(BASIC);
    }
  });

  it('keeps the secret out of JSON.stringify and util.inspect of a strategy, shared client or inline', () => {
    const shared = new CodeStrategy({ client, extIdpConnidentifier: 's' }, async () => ({ id: 'x' }));
    const inline = new CodeStrategy(
      {
        appHost: APP.appHost,
        appId: APP.appId,
        appSecret: SECRET,
        tokenEndpointAuthMethod: 'client_secret_basic',
        dispatcher: mock.agent,
        extIdpConnidentifier: 's',
      },
      async () => ({ id: 'x' }),
    );
    expect(JSON.parse(JSON.stringify(shared))).toEqual({ name: 'genauth-test-code', connection: 'test_code' });
    for (const strategy of [shared, inline]) {
      for (const shown of [JSON.stringify(strategy), inspect(strategy), inspect(strategy, { showHidden: true, depth: Infinity })]) {
        expect(shown).not.toContain(SECRET);
        expect(shown).not.toContain(BASIC);
      }
    }
  });
});

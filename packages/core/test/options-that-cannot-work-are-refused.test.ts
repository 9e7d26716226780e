import { ConfigurationError, GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import { mockRequest, runStrategy } from '@passport-genauth/testing';
import { CodeStrategy, startMock, successBody } from './support/providers';
import { APP, ISSUER, signRs256 } from '@passport-genauth/testing';

const base = { appHost: 'https://my-app.genauth.ai', appId: 'app-1', appSecret: 's' };

function problemsOf(options: Record<string, unknown>): string {
  try {
    new GenAuthClient(options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('client options that could never work are refused at construction', () => {
  it.each([
    ['timeoutMs', { timeoutMs: 2 ** 31 }],
    ['idToken.jwksTimeoutMs', { idToken: { jwksTimeoutMs: 3_000_000_000 } }],
    ['idToken.jwksMaxAgeMs', { idToken: { jwksMaxAgeMs: 2 ** 40 } }],
  ])('%s above the longest timer Node supports (it would fire at once)', (path, options) => {
    expect(problemsOf({ ...base, ...options })).toContain(`${path}: must be at most 2147483647 ms`);
  });

  it.each([
    ['appId', { appId: 'app-1\r\nx-injected: 1' }],
    ['lang', { lang: 'en-US\n' }],
  ])('%s with CR/LF (every request would fail later in undici)', (path, options) => {
    expect(problemsOf({ ...base, ...options })).toContain(`${path}: must be`);
  });

  it('an appHost with an empty query or fragment', () => {
    expect(problemsOf({ ...base, appHost: 'https://good.example?' })).toContain('appHost: must not carry a query string or fragment');
    expect(problemsOf({ ...base, appHost: 'https://good.example#' })).toContain('appHost: must not carry a query string or fragment');
  });

  it('normalises appHost the way GenAuth writes its issuer (lower-case host, default port and trailing slash dropped)', () => {
    expect(new GenAuthClient({ ...base, appHost: 'https://My-App.GenAuth.ai:443/' }).appHost).toBe('https://my-app.genauth.ai');
    expect(new GenAuthClient({ ...base, appHost: 'http://LOCALHOST:3999//' }).appHost).toBe('http://localhost:3999');
  });
});

describe('an appHost written in capitals still signs in (the issuer is compared normalised)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('logs in through http://LOCALHOST', async () => {
    const client = new GenAuthClient({
      appHost: emulator.url.replace('127.0.0.1', 'LOCALHOST'),
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    });
    try {
      // The emulator names its issuer after the Host header it was reached by.
      const signIn = await client.signInByMobile({
        connection: 'wechat',
        extIdpConnidentifier: 'wechat',
        payloadKey: 'wechatPayload',
        payload: { ...emulator.mintCredential('wechat', { user: 'caps' }) },
      });
      expect(signIn.claims.iss).toBe(`${client.appHost}/oidc`);
    } finally {
      await client.close();
    }
  });
});

describe('an issuer mismatch caused by configuration says so', () => {
  it('names both issuers and the option to fix', async () => {
    const mock = await startMock();
    mock.serveJwks();
    const client = mock.client();
    try {
      const token = await signRs256(mock.key, { iss: 'https://custom-domain.example/oidc', aud: APP.appId });
      mock.onSignIn(() => ({ body: successBody(token) }));
      const result = await runStrategy(new CodeStrategy({ client, extIdpConnidentifier: 'x' }, () => ({ id: 'u' })), mockRequest({ body: { code: 'c' } }));
      expect(result).toMatchObject({ type: 'fail', status: 401 });
      const message = result.type === 'fail' ? (result.challenge as { message: string }).message : '';
      expect(message).toBe(
        `id_token "iss" claim check failed: it is "https://custom-domain.example/oidc" but this client expects "${ISSUER}"; if that is your GenAuth application's issuer, set appHost (or idToken.issuer) to match`,
      );
    } finally {
      await client.close();
      await mock.close();
    }
  });
});

describe('verifyTimeoutMs (an async verify that forgot to return)', () => {
  it('ends the login in GENAUTH_VERIFY_TIMEOUT naming the likely mistake, and ignores a late done', async () => {
    const mock = await startMock();
    mock.serveJwks();
    await mock.succeed();
    const client = mock.client();
    let lateDone: (() => void) | undefined;
    try {
      const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'x', verifyTimeoutMs: 50 }, async (_tokens, profile, done) => {
        // The bug: the user is computed but neither returned nor passed to done in time.
        lateDone = () => done(null, { id: profile.id });
      });
      const result = await runStrategy(strategy, mockRequest({ body: { code: 'c' } }), { timeoutMs: 5_000 });
      expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_VERIFY_TIMEOUT', status: 500 }) });
      expect(result.type === 'error' && (result.error as Error).message).toMatch(/an async verify must return the user/);
      expect(() => lateDone?.()).not.toThrow();
    } finally {
      await client.close();
      await mock.close();
    }
  });

  it('is validated like every timer option', () => {
    expect(() => new CodeStrategy({ ...base, extIdpConnidentifier: 'x', verifyTimeoutMs: 0 }, () => null)).toThrow('verifyTimeoutMs: must be positive');
  });
});

describe('sign-in options', () => {
  it('says an empty tenantId is empty, and a number is not a string', () => {
    expect(() => new CodeStrategy({ ...base, extIdpConnidentifier: 'x', tenantId: '' }, () => null)).toThrow('tenantId: must not be empty');
    expect(() => new CodeStrategy({ ...base, extIdpConnidentifier: 'x', tenantId: 5 as unknown as string }, () => null)).toThrow('tenantId: must be a string');
  });
});

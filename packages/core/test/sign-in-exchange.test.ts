import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ClientAuthError,
  GenAuthClient,
  HttpError,
  InvalidResponseError,
  SignInRejectedError,
  UpstreamError,
  processSignInResponse,
} from '@passport-genauth/core';
import { APP, SIGNIN_PATH, type MockGenAuth } from '@passport-genauth/testing';
import { armRetryTrap, codeSignIn, pendingSignIns, startMock } from './support/providers';
import { rejectionOf } from './support/failures';

const json = { 'content-type': 'application/json' };

describe('processing a successful sign-in', () => {
  const ok = (data: Record<string, unknown>) => ({
    status: 200,
    contentType: 'application/json',
    text: JSON.stringify({ statusCode: 200, message: '', requestId: 'r', data }),
  });

  it('returns a camelCase token set with tokenType Bearer and expiresAt from expire_in', () => {
    const tokens = processSignInResponse(
      ok({ access_token: 'at', id_token: 'it', token_type: 'bearer', expire_in: 1209600, scope: 'openid profile' }),
      1_700_000_000,
    );
    expect(tokens).toEqual({
      accessToken: 'at',
      idToken: 'it',
      tokenType: 'Bearer',
      expiresIn: 1209600,
      expiresAt: 1_701_209_600,
      scope: 'openid profile',
    });
    expect(tokens).not.toHaveProperty('refreshToken');
  });

  it('accepts expires_in instead of expire_in, and token_type Bearer', () => {
    const tokens = processSignInResponse(ok({ access_token: 'at', id_token: 'it', token_type: 'Bearer', expires_in: 7200 }), 100);
    expect(tokens).toEqual({ accessToken: 'at', idToken: 'it', tokenType: 'Bearer', expiresIn: 7200, expiresAt: 7300 });
  });

  it('includes refreshToken only when GenAuth sent a refresh_token', () => {
    const withRefresh = processSignInResponse(
      ok({ access_token: 'at', id_token: 'it', refresh_token: 'rt', expire_in: 60, scope: 'openid offline_access' }),
      0,
    );
    expect(withRefresh.refreshToken).toBe('rt');
    const withNull = processSignInResponse(ok({ access_token: 'at', id_token: 'it', refresh_token: null, expire_in: 60 }), 0);
    expect(Object.keys(withNull)).not.toContain('refreshToken');
  });

  it('refuses a success envelope without a lifetime as an InvalidResponseError', () => {
    const error = (() => {
      try {
        processSignInResponse(ok({ access_token: 'at', id_token: 'it' }), 0);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502, requestId: 'r' });
  });
});

describe('one sign-in exchange through GenAuthClient', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    client = mock.client();
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  it('resolves with the token set, the verified claims and the profile', async () => {
    await mock.succeed({ name: 'Alice' }, { refresh_token: 'rt-1', expire_in: undefined, expires_in: 3600, token_type: 'Bearer' });
    const before = Math.floor(Date.now() / 1000);
    const result = await client.signInByMobile(codeSignIn());
    const after = Math.floor(Date.now() / 1000);
    expect(result.tokens).toEqual({
      accessToken: 'at-123',
      idToken: expect.stringMatching(/^ey/),
      refreshToken: 'rt-1',
      tokenType: 'Bearer',
      expiresIn: 3600,
      expiresAt: expect.any(Number),
      scope: 'openid profile',
    });
    expect(result.tokens.expiresAt).toBeGreaterThanOrEqual(before + 3600);
    expect(result.tokens.expiresAt).toBeLessThanOrEqual(after + 3600);
    expect(result.claims).toMatchObject({ sub: '64a0c0ffee0000000000a11c', iss: `${APP.appHost}/oidc`, aud: APP.appId, name: 'Alice' });
    expect(result.profile).toMatchObject({ provider: 'genauth', connection: 'test_code', id: '64a0c0ffee0000000000a11c', displayName: 'Alice' });
    expect(mock.requests).toHaveLength(1);
  });

  describe('GenAuth error envelopes', () => {
    it.each([
      [602, 'The authorization code is invalid or expired', undefined],
      [403, 'User is locked', 2005],
      [429, 'Too many requests', undefined],
      [400, 'wechatPayload.code is required', undefined],
      [401, 'MFA required', 1636],
      [400, 'Registration is closed', 2031],
    ])('maps statusCode %i to SignInRejectedError (401) with GenAuth details', async (statusCode, message, apiCode) => {
      mock.reject(statusCode, message, apiCode);
      await armRetryTrap(mock);
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(SignInRejectedError);
      expect(error).toMatchObject({
        name: 'SignInRejectedError',
        code: 'GENAUTH_SIGNIN_REJECTED',
        message,
        status: 401,
        genauthStatusCode: statusCode,
        requestId: `req-${statusCode}`,
      });
      expect((error as SignInRejectedError).apiCode).toBe(apiCode);
      expect(mock.requests).toHaveLength(1);
      expect(pendingSignIns(mock)).toBe(1);
    });

    it.each([
      ['apiCode 2011 (unknown application)', 400, 'Application not found', 2011],
      ['statusCode 401 (bad client credentials)', 401, 'invalid client credentials', undefined],
      ['statusCode 404 (unknown identity source)', 404, 'Identity source not found', undefined],
    ])('maps %s to ClientAuthError with status 500', async (_label, statusCode, message, apiCode) => {
      mock.reject(statusCode, message, apiCode);
      await armRetryTrap(mock);
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(ClientAuthError);
      expect(error).toMatchObject({ code: 'GENAUTH_CLIENT_AUTH', status: 500, genauthStatusCode: statusCode, requestId: `req-${statusCode}` });
      expect((error as ClientAuthError).message).toBe(
        `GenAuth rejected the application: ${message}. Check appHost, appId, appSecret, tokenEndpointAuthMethod and extIdpConnidentifier.`,
      );
      expect((error as ClientAuthError).apiCode).toBe(apiCode);
      expect(pendingSignIns(mock)).toBe(1);
    });

    it.each([
      [500, 502],
      [502, 502],
      [503, 503],
    ])('maps envelope statusCode %i to UpstreamError with status %i', async (statusCode, status) => {
      mock.reject(statusCode, 'Internal error');
      await armRetryTrap(mock);
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ code: 'GENAUTH_UPSTREAM', status, genauthStatusCode: statusCode, message: 'GenAuth failed: Internal error' });
      expect(mock.requests).toHaveLength(1);
      expect(pendingSignIns(mock)).toBe(1);
    });

    it('reads the envelope even when it arrives with a non-200 HTTP status', async () => {
      mock.onSignIn(() => ({ status: 400, body: { statusCode: 602, message: 'bad code', requestId: 'rq', data: null } }));
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(SignInRejectedError);
      expect(error).toMatchObject({ message: 'bad code', genauthStatusCode: 602, requestId: 'rq', status: 401 });
    });

    it('keeps the raw body on the error, non-enumerable', async () => {
      mock.reject(602, 'bad code');
      const error = (await rejectionOf(client.signInByMobile(codeSignIn()))) as SignInRejectedError;
      expect(JSON.parse(error.responseBody!)).toMatchObject({ statusCode: 602, message: 'bad code' });
      expect(Object.keys(error)).not.toContain('responseBody');
    });
  });

  describe('answers that are not the envelope', () => {
    it("maps HTTP 502 with a gateway's HTML page to HttpError reason 'status', status 502", async () => {
      mock.onSignIn(() => ({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } }));
      await armRetryTrap(mock);
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'status', status: 502, message: 'GenAuth answered HTTP 502 without its envelope' });
      expect(mock.requests).toHaveLength(1);
      expect(pendingSignIns(mock)).toBe(1);
    });

    it('maps HTTP 503 without the envelope to HttpError status 503', async () => {
      mock.onSignIn(() => ({ status: 503, body: 'Service Unavailable', headers: { 'content-type': 'text/plain' } }));
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'status', status: 503 });
    });

    it('maps HTTP 200 with a body that is not JSON to InvalidResponseError 502', async () => {
      mock.onSignIn(() => ({ body: '{"statusCode": 200, "data": {"access_to', headers: json }));
      await armRetryTrap(mock);
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502, message: "GenAuth's response is not JSON" });
      expect(pendingSignIns(mock)).toBe(1);
    });

    it('maps HTTP 200 JSON of the wrong shape to InvalidResponseError 502', async () => {
      mock.onSignIn(() => ({ body: { ok: true, token: 'x' } }));
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status: 502, message: "GenAuth's response is not the GenAuth envelope" });
    });

    it('maps a success envelope without tokens to InvalidResponseError 502', async () => {
      mock.onSignIn(() => ({ body: { statusCode: 200, message: '', requestId: 'r-1', data: { access_token: 'at' } } }));
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status: 502, requestId: 'r-1', message: 'GenAuth reported success without a valid token set' });
    });
  });

  describe('transport failures', () => {
    it("maps a deadline beyond timeoutMs to HttpError reason 'timeout', status 504, without a retry", async () => {
      await client.close();
      client = mock.client({ timeoutMs: 50 });
      const body = await mock.successEnvelope();
      mock.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).reply(200, JSON.stringify(body), { headers: json }).delay(1_000);
      await armRetryTrap(mock);
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'timeout', status: 504, message: 'GenAuth did not answer within 50 ms' });
      expect(pendingSignIns(mock)).toBe(1);
    });

    it("maps a network error to HttpError reason 'network', status 502, without a retry", async () => {
      mock.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).replyWithError(new Error('socket hang up'));
      await armRetryTrap(mock);
      const error = await rejectionOf(client.signInByMobile(codeSignIn()));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'network', status: 502 });
      expect((error as HttpError).message).toMatch(/^Could not reach GenAuth/);
      expect(pendingSignIns(mock)).toBe(1);
    });

    it("maps an abort through signal to HttpError reason 'aborted'", async () => {
      const body = await mock.successEnvelope();
      mock.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).reply(200, JSON.stringify(body), { headers: json }).delay(1_000);
      await armRetryTrap(mock);
      const controller = new AbortController();
      const pending = rejectionOf(client.signInByMobile(codeSignIn('c', { signal: controller.signal })));
      controller.abort();
      const error = await pending;
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'aborted', status: 499, message: 'The GenAuth request was aborted' });
      expect(pendingSignIns(mock)).toBe(1);
    });

    it("fails at once with reason 'aborted' when the signal is already aborted", async () => {
      const error = await rejectionOf(client.signInByMobile(codeSignIn('c', { signal: AbortSignal.abort() })));
      expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'aborted' });
      expect(mock.requests).toHaveLength(0);
    });
  });

  it('sends exactly one request for one sign-in, and every answer is consumed', async () => {
    await mock.succeed();
    await client.signInByMobile(codeSignIn());
    expect(mock.requests).toHaveLength(1);
    expect(pendingSignIns(mock)).toBe(0);
  });
});

describe('response size cap', () => {
  let server: Server;
  let client: GenAuthClient;
  let received: number;
  let respond: (res: ServerResponse) => void;

  beforeEach(async () => {
    received = 0;
    server = createServer((req, res) => {
      received += 1;
      req.resume();
      req.on('end', () => respond(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = new GenAuthClient({ appHost: `http://127.0.0.1:${port}`, appId: APP.appId, maxResponseBytes: 4096, timeoutMs: 5_000 });
  });

  afterEach(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses a body whose content-length exceeds maxResponseBytes before reading it', async () => {
    // Declares 10 MB but sends 10 bytes and stays open: only a check of content-length ends this quickly.
    respond = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) });
      res.write('{"statusCo');
    };
    const error = await rejectionOf(client.signInByMobile(codeSignIn()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502, message: "GenAuth's response exceeded 4096 bytes" });
    expect(received).toBe(1);
  });

  it('refuses a streamed (chunked) body once it grows beyond maxResponseBytes', async () => {
    respond = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `"${'x'.repeat(1022)}",`;
      let sent = 0;
      const pump = (): void => {
        while (sent < 1024 && !res.destroyed) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.write('[');
      pump();
    };
    const error = await rejectionOf(client.signInByMobile(codeSignIn()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502, message: "GenAuth's response exceeded 4096 bytes" });
    expect(received).toBe(1);
  });

  it('accepts a body within maxResponseBytes from a loopback http server', async () => {
    respond = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 602, message: 'bad code', requestId: 'loop', data: null }));
    };
    const error = await rejectionOf(client.signInByMobile(codeSignIn()));
    expect(error).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', requestId: 'loop' });
    expect(received).toBe(1);
  });
});

import {
  AccessTokenError,
  ClientAuthError,
  GrantRejectedError,
  HttpError,
  IdTokenError,
  InvalidResponseError,
  OAuthRequestError,
  UpstreamError,
  type GenAuthClient,
} from '@passport-genauth/core';
import { APP, ISSUER, signRs256, type MockGenAuth } from '@passport-genauth/testing';
import { startMock } from './support/providers';
import { rejectionOf } from './support/failures';
import { answerOidc, type MockAnswer } from './support/oidc-mock';

const RT = 'rt-b3BhcXVlLXJlZnJlc2gtdG9rZW4tNDMtY2hhcnNfXw';
const AT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl';

describe("what the lifecycle calls make of GenAuth's answers", () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    client = mock.client({ tokenEndpointAuthMethod: 'client_secret_post' });
  });

  afterEach(async () => {
    await client.close();
    await mock.close();
  });

  async function idToken(extra: Record<string, unknown> = {}, aud: string = APP.appId) {
    return signRs256(mock.key, { iss: ISSUER, aud, extra: { name: 'Alice Zhang', email: 'alice@example.com', email_verified: true, ...extra } });
  }

  /** The error a call ends in when the endpoint answers `answer`, with what a log or a response would show of it. */
  async function failureOf(path: string, answer: MockAnswer, call: () => Promise<unknown>, method: 'GET' | 'POST' = 'POST') {
    answerOidc(mock, method, path, answer);
    const error = await rejectionOf(call());
    const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(RT);
    expect(shown).not.toContain(AT);
    expect(shown).not.toContain(APP.appSecret);
    return error as Error & { code?: string; status?: number; error?: string };
  }

  describe('refresh', () => {
    it('returns a login-shaped { tokens, claims, profile } with the verified id_token and the rotated refresh token', async () => {
      const answer = {
        access_token: 'at-2',
        expires_in: 3600,
        id_token: await idToken(),
        refresh_token: 'rt-rotated',
        scope: 'openid profile offline_access',
        token_type: 'Bearer',
      };
      answerOidc(mock, 'POST', '/oidc/token', { body: answer, headers: { 'cache-control': 'no-store' } });
      const before = Math.floor(Date.now() / 1000);
      const { tokens, claims, profile } = await client.refresh(RT, { connection: 'wechat' });
      expect(tokens).toEqual({
        accessToken: 'at-2',
        idToken: answer.id_token,
        refreshToken: 'rt-rotated',
        tokenType: 'Bearer',
        expiresIn: 3600,
        expiresAt: expect.any(Number),
        scope: 'openid profile offline_access',
      });
      expect(tokens.expiresAt - before).toBeGreaterThanOrEqual(3600);
      expect(claims).toMatchObject({ iss: ISSUER, aud: APP.appId, name: 'Alice Zhang' });
      expect(profile).toMatchObject({
        provider: 'genauth',
        connection: 'wechat',
        id: claims.sub,
        displayName: 'Alice Zhang',
        emails: [{ value: 'alice@example.com', verified: true }],
      });
    });

    it('keeps the presented refresh token when GenAuth returns none (no rotation)', async () => {
      answerOidc(mock, 'POST', '/oidc/token', { body: { access_token: 'at-2', expires_in: 3600, id_token: await idToken(), token_type: 'Bearer' } });
      const { tokens } = await client.refresh(RT);
      expect(tokens.refreshToken).toBe(RT);
    });

    it('verifies the new id_token like a login: one for another app is an IdTokenError', async () => {
      answerOidc(mock, 'POST', '/oidc/token', {
        body: { access_token: 'at-2', expires_in: 3600, id_token: await idToken({}, 'another-app'), token_type: 'Bearer' },
      });
      await expect(client.refresh(RT)).rejects.toBeInstanceOf(IdTokenError);
    });

    it('answers invalid_grant (unknown, expired, revoked, rotated-away token) with GrantRejectedError, 401', async () => {
      const error = await failureOf(
        '/oidc/token',
        { status: 400, body: { error: 'invalid_grant', error_description: `grant request is invalid: ${RT}` } },
        () => client.refresh(RT),
      );
      expect(error).toBeInstanceOf(GrantRejectedError);
      expect({ code: error.code, status: error.status, message: error.message }).toEqual({
        code: 'GENAUTH_INVALID_GRANT',
        status: 401,
        message: 'GenAuth refused the refresh token (invalid_grant: grant request is invalid: [redacted]); sign in again',
      });
    });

    it('answers invalid_client with the existing ClientAuthError (the operator must act)', async () => {
      const error = await failureOf(
        '/oidc/token',
        {
          status: 401,
          body: { error: 'invalid_client', error_description: 'client authentication failed' },
          headers: { 'www-authenticate': 'Basic realm="x"' },
        },
        () => client.refresh(RT),
      );
      expect(error).toBeInstanceOf(ClientAuthError);
      expect([error.code, error.status]).toEqual(['GENAUTH_CLIENT_AUTH', 500]);
    });

    it.each([
      ['invalid_request', 400],
      ['invalid_scope', 400],
      ['unsupported_grant_type', 400],
    ])('answers %s with OAuthRequestError, 400, naming the OAuth error', async (oauth, status) => {
      const error = await failureOf('/oidc/token', { status, body: { error: oauth } }, () => client.refresh(RT));
      expect(error).toBeInstanceOf(OAuthRequestError);
      expect([error.code, error.status, error.error]).toEqual(['GENAUTH_OAUTH_REQUEST', 400, oauth]);
    });

    it('answers server_error with UpstreamError, and a bare 5xx or an unreachable GenAuth with HttpError', async () => {
      expect(await failureOf('/oidc/token', { status: 500, body: { error: 'server_error' } }, () => client.refresh(RT))).toBeInstanceOf(UpstreamError);
      const gateway = await failureOf('/oidc/token', { status: 503, body: '<html>busy</html>' }, () => client.refresh(RT));
      expect([gateway.constructor, gateway.status]).toEqual([HttpError, 503]);
      mock.pool.intercept({ path: '/oidc/token', method: 'POST' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      const reset = (await rejectionOf(client.refresh(RT))) as HttpError;
      expect([reset.constructor, reset.status, reset.reason]).toEqual([HttpError, 502, 'network']);
    });

    it('sends a refresh exactly once, never retried, even when GenAuth answers 503 (a rotated token must not be sent twice)', async () => {
      const sent = answerOidc(mock, 'POST', '/oidc/token', { status: 503, body: { error: 'temporarily_unavailable' } }, true);
      await expect(client.refresh(RT)).rejects.toMatchObject({ code: 'GENAUTH_UPSTREAM', status: 503 });
      expect(sent).toHaveLength(1);
    });

    it('answers a 200 that is not a token set with InvalidResponseError, without repeating its tokens', async () => {
      expect(await failureOf('/oidc/token', { body: 'not json' }, () => client.refresh(RT))).toBeInstanceOf(InvalidResponseError);
      const noIdToken = await failureOf('/oidc/token', { body: { access_token: 'at-2', expires_in: 60 } }, () => client.refresh(RT));
      expect(noIdToken.message).toBe("GenAuth's refresh answer has no id_token (the grant's scope must include openid)");
    });

    it('refuses an empty refresh token or a scope without openid before calling GenAuth', async () => {
      await expect(client.refresh('')).rejects.toMatchObject({ code: 'GENAUTH_OAUTH_REQUEST', error: 'invalid_request', status: 400 });
      await expect(client.refresh(RT, { scope: 'profile' })).rejects.toMatchObject({ code: 'GENAUTH_OAUTH_REQUEST', error: 'invalid_scope' });
      expect(mock.agent.pendingInterceptors().filter((interceptor) => interceptor.path !== '/oidc/.well-known/jwks.json')).toHaveLength(0);
    });
  });

  describe('revoke', () => {
    it('resolves on 200 with an empty body (also for unknown tokens, RFC 7009)', async () => {
      answerOidc(mock, 'POST', '/oidc/token/revocation', { status: 200, body: '' });
      await expect(client.revoke(AT, { tokenTypeHint: 'access_token' })).resolves.toBeUndefined();
    });

    it("answers another app's token (400 invalid_request) with OAuthRequestError, and invalid_client with ClientAuthError", async () => {
      expect(
        await failureOf(
          '/oidc/token/revocation',
          { status: 400, body: { error: 'invalid_request', error_description: 'this token does not belong to you' } },
          () => client.revoke(RT),
        ),
      ).toBeInstanceOf(OAuthRequestError);
      expect(await failureOf('/oidc/token/revocation', { status: 401, body: { error: 'invalid_client' } }, () => client.revoke(RT))).toBeInstanceOf(
        ClientAuthError,
      );
    });
  });

  describe('introspect', () => {
    it('maps an active answer to camelCase', async () => {
      const wire = {
        active: true,
        sub: 'u1',
        client_id: APP.appId,
        exp: 2000000000,
        iat: 1700000000,
        iss: ISSUER,
        jti: 'j'.repeat(21),
        scope: 'openid profile',
        token_type: 'Bearer',
      };
      answerOidc(mock, 'POST', '/oidc/token/introspection', { body: wire });
      await expect(client.introspect(AT)).resolves.toEqual({
        active: true,
        sub: 'u1',
        clientId: APP.appId,
        exp: 2000000000,
        iat: 1700000000,
        iss: ISSUER,
        jti: 'j'.repeat(21),
        scope: 'openid profile',
        tokenType: 'Bearer',
      });
    });

    it('leaves tokenType out for a refresh token, and answers { active: false } as is', async () => {
      answerOidc(mock, 'POST', '/oidc/token/introspection', {
        body: { active: true, sub: 'u1', client_id: APP.appId, exp: 2000000000, iat: 1700000000, iss: ISSUER, jti: 'r1', scope: 'openid offline_access' },
      });
      expect(await client.introspect(RT, { tokenTypeHint: 'refresh_token' })).not.toHaveProperty('tokenType');
      answerOidc(mock, 'POST', '/oidc/token/introspection', { body: { active: false } });
      await expect(client.introspect(AT)).resolves.toEqual({ active: false });
    });

    it('answers a half "active" answer with InvalidResponseError (never treated as active)', async () => {
      expect(await failureOf('/oidc/token/introspection', { body: { active: true, sub: 'u1' } }, () => client.introspect(AT))).toBeInstanceOf(
        InvalidResponseError,
      );
    });

    it('answers invalid_client with ClientAuthError', async () => {
      expect(await failureOf('/oidc/token/introspection', { status: 401, body: { error: 'invalid_client' } }, () => client.introspect(AT))).toBeInstanceOf(
        ClientAuthError,
      );
    });
  });

  describe('userInfo', () => {
    it('answers a bad, expired or revoked token (401 invalid_token) with AccessTokenError invalid_token', async () => {
      const error = await failureOf(
        '/oidc/me',
        {
          status: 401,
          body: { error: 'invalid_token', error_description: 'invalid token provided' },
          headers: { 'www-authenticate': `Bearer realm="${ISSUER}", error="invalid_token"` },
        },
        () => client.userInfo(AT),
        'GET',
      );
      expect(error).toBeInstanceOf(AccessTokenError);
      expect([error.code, error.status, error.error]).toEqual(['GENAUTH_ACCESS_TOKEN', 401, 'invalid_token']);
    });

    it('answers 400 invalid_request with OAuthRequestError and a 200 without sub with InvalidResponseError', async () => {
      expect(await failureOf('/oidc/me', { status: 400, body: { error: 'invalid_request' } }, () => client.userInfo(AT), 'GET')).toBeInstanceOf(
        OAuthRequestError,
      );
      expect(await failureOf('/oidc/me', { body: { name: 'x' } }, () => client.userInfo(AT), 'GET')).toBeInstanceOf(InvalidResponseError);
    });
  });
});

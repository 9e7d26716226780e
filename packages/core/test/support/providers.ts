import { defineProvider, defineStrategy, optionalString, requiredString, z } from '@passport-genauth/core';
import { MockGenAuth, SIGNIN_PATH, makeKey, type TestKey } from '@passport-genauth/testing';

/** A one-time code provider, like most connections: `{ code }`. */
export const codeProvider = defineProvider({
  connection: 'test_code',
  payloadKey: 'testCodePayload',
  title: 'Test code',
  credentials: z.object({ code: requiredString() }),
  example: { code: 'example-code' },
});

/** A token provider (like Facebook or LINE): `access_token` may also come as `Authorization: Bearer`. */
export const tokenProvider = defineProvider({
  connection: 'test_token',
  payloadKey: 'testTokenPayload',
  title: 'Test token',
  credentials: z.object({ access_token: requiredString(), id_token: optionalString() }),
  bearerField: 'access_token',
  example: { access_token: 'example-access-token' },
});

export class CodeStrategy extends defineStrategy(codeProvider) {}
export class TokenStrategy extends defineStrategy(tokenProvider) {}

/** GenAuth's success envelope around a given id_token. */
export function successBody(idToken: string, data: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    statusCode: 200,
    message: '',
    requestId: 'req-ok',
    data: { access_token: 'at-123', id_token: idToken, token_type: 'bearer', expire_in: 1209600, scope: 'openid profile', ...data },
  };
}

/** The sign-in interceptors not consumed yet. */
export function pendingSignIns(mock: MockGenAuth): number {
  return mock.agent.pendingInterceptors().filter((interceptor) => interceptor.path === SIGNIN_PATH).length;
}

/**
 * Registers one more successful sign-in answer after whatever the test set up: if the client ever
 * sent a second request (a retry), it would consume this one and `pendingSignIns` would drop to 0.
 */
export async function armRetryTrap(mock: MockGenAuth): Promise<void> {
  const body = await mock.successEnvelope();
  mock.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).reply(200, JSON.stringify(body), {
    headers: { 'content-type': 'application/json' },
  });
}

/** A sign-in request for the code provider. */
export function codeSignIn(code = 'one-time-code', extra: Record<string, unknown> = {}) {
  return {
    connection: codeProvider.connection,
    extIdpConnidentifier: 'test-source',
    payloadKey: codeProvider.payloadKey,
    payload: { code },
    ...extra,
  };
}

let sharedKey: Promise<TestKey> | undefined;

/** A fresh MockGenAuth (its own MockAgent) signing with one RSA key made once per test file (key generation is slow). */
export async function startMock(): Promise<MockGenAuth> {
  const mock = new MockGenAuth();
  mock.key = await (sharedKey ??= makeKey('key-1'));
  return mock;
}

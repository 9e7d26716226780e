import { MockAgent, type Interceptable } from 'undici';
import { GenAuthClient, type GenAuthClientOptions } from '@passport-genauth/core';
import { makeKey, signRs256, type TestKey } from './test-keys';

/** The test application. */
export const APP = {
  appHost: 'https://unit-test.genauth.ai',
  appId: 'app-under-test',
  appSecret: 'se+cr/et=with:colon',
} as const;

export const ISSUER = `${APP.appHost}/oidc`;
export const SIGNIN_PATH = '/api/v3/signin-by-mobile';
export const JWKS_PATH = '/oidc/.well-known/jwks.json';

/** A captured outgoing request. */
export interface CapturedRequest {
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

/** A MockAgent standing in for GenAuth, with a signing key and helpers to answer sign-ins. */
export class MockGenAuth {
  readonly agent = new MockAgent();
  readonly pool: Interceptable;
  readonly requests: CapturedRequest[] = [];
  key!: TestKey;

  constructor() {
    this.agent.disableNetConnect();
    this.pool = this.agent.get(APP.appHost);
  }

  static async start(): Promise<MockGenAuth> {
    const mock = new MockGenAuth();
    mock.key = await makeKey('key-1');
    return mock;
  }

  /** A client wired to this mock. */
  client(overrides: Partial<GenAuthClientOptions> = {}): GenAuthClient {
    return new GenAuthClient({
      ...APP,
      tokenEndpointAuthMethod: 'client_secret_post',
      dispatcher: this.agent,
      ...overrides,
      idToken: { jwksCooldownMs: 0, ...overrides.idToken },
    });
  }

  /** Serves the JWKS (persistently). */
  serveJwks(keys = [this.key]): void {
    this.pool
      .intercept({ path: JWKS_PATH, method: 'GET' })
      .reply(200, { keys: keys.map((key) => key.publicJwk) })
      .persist();
  }

  /** Answers the next sign-in with a body produced from the captured request. */
  onSignIn(answer: (request: CapturedRequest) => { status?: number; body: unknown; headers?: Record<string, string> }): void {
    this.pool.intercept({ path: SIGNIN_PATH, method: 'POST' }).reply((options) => {
      const request: CapturedRequest = {
        headers: normaliseHeaders(options.headers),
        body: JSON.parse(bodyText(options.body)) as Record<string, unknown>,
      };
      this.requests.push(request);
      const result = answer(request);
      const body = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
      return { statusCode: result.status ?? 200, data: body, responseOptions: { headers: result.headers ?? { 'content-type': 'application/json' } } };
    });
  }

  /** Answers the next sign-in successfully with a freshly signed RS256 id_token. */
  async succeed(extraClaims: Record<string, unknown> = {}, data: Record<string, unknown> = {}): Promise<void> {
    const body = await this.successEnvelope(extraClaims, data);
    this.onSignIn(() => ({ body }));
  }

  /** GenAuth's success envelope with a valid id_token. */
  async successEnvelope(extraClaims: Record<string, unknown> = {}, data: Record<string, unknown> = {}): Promise<object> {
    const idToken = await signRs256(this.key, { iss: ISSUER, aud: APP.appId, extra: extraClaims });
    return {
      statusCode: 200,
      message: '',
      requestId: 'req-ok',
      data: { access_token: 'at-123', id_token: idToken, token_type: 'bearer', expire_in: 1209600, scope: 'openid profile', ...data },
    };
  }

  /** Answers the next sign-in with GenAuth's error envelope. */
  reject(statusCode: number, message: string, apiCode?: number): void {
    this.onSignIn(() => ({ body: { statusCode, message, apiCode, requestId: `req-${statusCode}`, data: null } }));
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function normaliseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
  } else if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers as Record<string, unknown>)) out[key.toLowerCase()] = String(value);
  }
  return out;
}

/** The text of an intercepted request body: the client sends JSON as a string or as bytes. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  throw new TypeError(`MockGenAuth reads string or byte bodies, got ${typeof body}`);
}

import { createHmac, createPublicKey, verify } from 'node:crypto';
import { Agent, request } from 'undici';
import { startEmulator, type Emulator, type EmulatorOptions, type JsonWebKeySet } from '../../src/index';

/** An HTTP answer as the tests look at it. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  json: any;
}

/** A running emulator and an HTTP client bound to it; close() stops both. */
export interface Harness {
  emulator: Emulator;
  url: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  postRaw(path: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** POST /api/v3/signin-by-mobile as the demo app (client_secret_basic) unless headers say otherwise. */
  signin(body: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

export const SIGNIN = '/api/v3/signin-by-mobile';

/** `Basic base64(id:secret)` from the raw strings, as GenAuth's SDKs build it. */
export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;
}

export const DEMO_AUTH = { authorization: basic('demo-app', 'demo-secret'), 'x-authing-app-id': 'demo-app' };

async function toAnswer(response: Awaited<ReturnType<typeof request>>): Promise<Answer> {
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

/** Starts an emulator on a free port with a private connection pool. */
export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator(options);
  const agent = new Agent({ keepAliveTimeout: 1000 });
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    toAnswer(
      await request(emulator.url + path, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  return {
    emulator,
    url: emulator.url,
    post,
    postRaw: async (path, body, headers) => toAnswer(await request(emulator.url + path, { method: 'POST', dispatcher: agent, headers, body })),
    get: async (path, headers = {}) => toAnswer(await request(emulator.url + path, { dispatcher: agent, headers })),
    signin: (body, headers = DEMO_AUTH) => post(SIGNIN, body, headers),
    close: async () => {
      await emulator.close();
      await agent.close();
    },
  };
}

/** A decoded and verified JWT. */
export interface VerifiedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Verifies a JWT with node:crypto only: RS256 against the JWKS by kid, HS256 with the given secret. */
export function verifyJwt(token: string, jwks: JsonWebKeySet, hs256Secret?: string): VerifiedJwt {
  const [h, p, s] = token.split('.');
  if (h === undefined || p === undefined || s === undefined) throw new Error('not a JWT');
  const header = decodeSegment(h);
  const input = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  let valid = false;
  if (header['alg'] === 'RS256') {
    const jwk = jwks.keys.find((key) => key.kid === header['kid']);
    if (jwk === undefined) throw new Error(`kid ${String(header['kid'])} not in the JWKS`);
    valid = verify('sha256', input, createPublicKey({ key: { ...jwk }, format: 'jwk' }), signature);
  } else if (header['alg'] === 'HS256' && hs256Secret !== undefined) {
    valid = createHmac('sha256', hs256Secret).update(input).digest().equals(signature);
  }
  if (!valid) throw new Error(`bad ${String(header['alg'])} signature`);
  return { header, claims: decodeSegment(p) };
}

/** The body of a sign-in for `connection` through the default identity source of the same name. */
export function signinBody(connection: string, payloadKey: string, payload: unknown, extra: Record<string, unknown> = {}) {
  return { connection, extIdpConnidentifier: connection, [payloadKey]: payload, ...extra };
}

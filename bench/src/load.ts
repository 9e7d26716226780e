import autocannon from 'autocannon';

/** One load run's outcome, as the report uses it. */
export interface LoadResult {
  readonly requests: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly durationS: number;
  /** Successful responses per second. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** Stop after this many requests … */
  readonly amount?: number;
  /** … or after this many seconds. */
  readonly durationS?: number;
  /** Body of one login; gets a fresh one-time code each call. Absent: a GET (an API call). */
  readonly body?: (code: string) => string;
  /** Headers of one request, built per request (an API call's `Authorization: Bearer`). */
  readonly requestHeaders?: () => Record<string, string>;
  readonly timeoutS?: number;
  /** Extra request headers (the emulator-alone target needs the app id and client authentication). */
  readonly headers?: Record<string, string>;
  /** Called as each request is built, with how many this run has built so far. */
  readonly onRequest?: (sent: number) => void;
}

let codeSerial = 0;
const runTag = `${process.pid.toString(36)}${Date.now().toString(36)}`;

/** A code the emulator has never seen: every exchange needs a fresh one-time credential. */
export function freshCode(): string {
  codeSerial += 1;
  return `bench_${runTag}_${codeSerial.toString(36)}`;
}

/** Runs autocannon (programmatic API); every request carries a unique `code`. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let sent = 0;
  const result = await autocannon({
    url: options.url,
    method: options.body ? 'POST' : 'GET',
    connections: options.connections,
    pipelining: 1,
    timeout: options.timeoutS ?? 30,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationS ?? 5 }),
    headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers },
    requests: [
      {
        setupRequest: (request) => {
          sent += 1;
          options.onRequest?.(sent);
          const body = options.body;
          const headers = options.requestHeaders ? { ...request.headers, ...options.requestHeaders() } : request.headers;
          return body ? { ...request, headers, body: body(freshCode()) } : { ...request, headers };
        },
      },
    ],
  });
  const ok = result['2xx'];
  const durationS = result.duration;
  return {
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS,
    rps: durationS > 0 ? ok / durationS : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
  };
}

/** The body the backends read: what a mobile app posts. */
export const backendBody = (code: string): string => `{"code":"${code}"}`;

/** The body our client sends to signin-by-mobile, for the emulator-alone target. */
export const signInBody = (code: string): string => `{"connection":"wechat","extIdpConnidentifier":"wechat","wechatPayload":{"code":"${code}"}}`;

/** Headers our client sends for DEMO_APP (client_secret_basic). */
export const signInHeaders: Record<string, string> = {
  'x-authing-app-id': 'demo-app',
  authorization: `Basic ${Buffer.from('demo-app:demo-secret').toString('base64')}`,
};

/**
 * API calls: `GET` with `Authorization: Bearer <token>`, the tokens taken in turn (a client reuses its
 * access token for many calls, so each token is verified many times).
 */
export function bearerHeaders(tokens: readonly string[]): () => Record<string, string> {
  if (tokens.length === 0) throw new Error('no access tokens');
  let next = 0;
  return () => ({ authorization: `Bearer ${tokens[next++ % tokens.length]!}` });
}

/** Signs in `count` times against the emulator and returns the access tokens GenAuth issued. */
export async function mintAccessTokens(emulatorUrl: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${emulatorUrl}/api/v3/signin-by-mobile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signInHeaders },
      body: signInBody(freshCode()),
    });
    const envelope = (await response.json()) as { statusCode?: number; data?: { access_token?: string } };
    if (envelope.statusCode !== 200 || typeof envelope.data?.access_token !== 'string')
      throw new Error(`could not mint an access token: ${JSON.stringify(envelope).slice(0, 200)}`);
    tokens.push(envelope.data.access_token);
  }
  return tokens;
}

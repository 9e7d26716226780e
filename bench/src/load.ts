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
  /** Body of one login; gets a fresh one-time code each call. */
  readonly body: (code: string) => string;
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
    method: 'POST',
    connections: options.connections,
    pipelining: 1,
    timeout: options.timeoutS ?? 30,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationS ?? 5 }),
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => {
          sent += 1;
          options.onRequest?.(sent);
          return { ...request, body: options.body(freshCode()) };
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
export const signInBody = (code: string): string =>
  `{"connection":"wechat","extIdpConnidentifier":"wechat","wechatPayload":{"code":"${code}"}}`;

/** Headers our client sends for DEMO_APP (client_secret_basic). */
export const signInHeaders: Record<string, string> = {
  'x-authing-app-id': 'demo-app',
  authorization: `Basic ${Buffer.from('demo-app:demo-secret').toString('base64')}`,
};

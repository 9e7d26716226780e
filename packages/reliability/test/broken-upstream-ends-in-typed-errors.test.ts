import { GenAuthClient, isGenAuthError, type GenAuthErrorCode } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator, type FaultKind } from '@passport-genauth/emulator';
import { mockRequest, runStrategy } from '@passport-genauth/testing';
import { WechatStrategy } from '@passport-genauth/wechat';
import { Agent } from 'undici';
import { startCountingProxy, type CountingProxy } from './support/counting-proxy';
import { eventually, HttpClient, listen, type Listening } from './support/http';
import { acceptEveryone } from './support/strategies';
import { routeFor, targetApp } from './support/target-app';
import { watchUnhandledRejections, type RejectionWatch } from './support/watch-process';

/** The client's deadline for one exchange. */
const TIMEOUT_MS = 1_000;
/** Headroom over the deadline for a loaded 2-core machine: an upper bound, not a speed claim. */

interface FaultCase {
  readonly kind: FaultKind;
  readonly code: GenAuthErrorCode;
  readonly status: number;
}

/** What each upstream failure must end in (DESIGN §5; sign-in-response.ts and transport.ts). */
const FAULTS: readonly FaultCase[] = [
  { kind: 'latency', code: 'GENAUTH_HTTP', status: 504 },
  { kind: 'status-500', code: 'GENAUTH_UPSTREAM', status: 502 },
  { kind: 'status-502', code: 'GENAUTH_UPSTREAM', status: 502 },
  { kind: 'status-503', code: 'GENAUTH_UPSTREAM', status: 503 },
  { kind: 'html', code: 'GENAUTH_HTTP', status: 502 },
  { kind: 'malformed-json', code: 'GENAUTH_INVALID_RESPONSE', status: 502 },
  { kind: 'wrong-content-type', code: 'GENAUTH_INVALID_RESPONSE', status: 502 },
  { kind: 'oversize', code: 'GENAUTH_INVALID_RESPONSE', status: 502 },
  { kind: 'reset', code: 'GENAUTH_HTTP', status: 502 },
  { kind: 'hang', code: 'GENAUTH_HTTP', status: 504 },
];

let emulator: Emulator;
let proxy: CountingProxy;
let agent: Agent;
let client: GenAuthClient;
let app: Listening;
let http: HttpClient;
let rejections: RejectionWatch;
let users = 0;

beforeAll(async () => {
  rejections = watchUnhandledRejections();
  emulator = await startEmulator();
  proxy = await startCountingProxy(emulator.url);
  // Our own dispatcher (the same code path as the client's default pool) so its sockets can be inspected.
  agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  client = new GenAuthClient({
    appHost: proxy.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    timeoutMs: TIMEOUT_MS,
    dispatcher: agent,
  });
  app = await listen(targetApp({ client }));
  http = new HttpClient(app.url);
});

afterAll(async () => {
  rejections.stop();
  await http.close();
  await agent.close();
  await app.close();
  await proxy.close();
  await emulator.close();
});

afterEach(() => emulator.clearFaults());

const mint = (): { code: string } => emulator.mintCredential('wechat', { user: `user-${(users += 1)}` });
const strategy = () => new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, acceptEveryone);
const loggedWith = (code: string) =>
  emulator.requests.filter((entry) => (entry.body as { wechatPayload?: { code?: unknown } } | undefined)?.wechatPayload?.code === code);

function upstreamPool(): { connected: number; running: number; pending: number; queued: number } {
  const stats = agent.stats[proxy.url];
  if (stats === undefined) return { connected: 0, running: 0, pending: 0, queued: 0 };
  if ('queued' in stats) return { connected: stats.connected, running: stats.running, pending: stats.pending, queued: stats.queued };
  return { connected: stats.connected ? 1 : 0, running: stats.running, pending: stats.pending, queued: 0 };
}

describe.each(FAULTS)('when GenAuth answers with $kind', ({ kind, code, status }) => {
  const inject = () => emulator.injectFaults({ kind, latencyMs: TIMEOUT_MS + 1_000 });
  /** The one-time codes that met this fault. */
  const faultedCodes: string[] = [];

  it(`ends the login in Passport error ${code} (${status}) within the timeout`, async () => {
    const credential = mint();
    faultedCodes.push(credential.code);
    inject();
    const result = await runStrategy(strategy(), mockRequest({ body: credential }), { timeoutMs: TIMEOUT_MS + 10_000 });
    expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code, status }) });
    expect(result.type === 'error' && isGenAuthError(result.error)).toBe(true);
    // A 504 is the exchange's own deadline (its message names it), never another timer's.
    if (status === 504) expect(result.type === 'error' && (result.error as Error).message).toBe(`GenAuth did not answer within ${TIMEOUT_MS} ms`);
    expect(proxy.occurrencesSent(credential.code)).toBe(1);
  });

  it(`answers the app's client ${status} with code ${code}, then serves the next login`, async () => {
    const credential = mint();
    faultedCodes.push(credential.code);
    inject();
    const failed = await http.postJson(routeFor('wechat'), credential);
    expect({ status: failed.status, code: failed.json?.code }).toEqual({ status, code });

    const next = await http.postJson(routeFor('wechat'), mint());
    expect(next.status).toBe(200);
    expect(next.json).toMatchObject({ user: { id: expect.any(String), connection: 'wechat' } });
    expect(proxy.occurrencesSent(credential.code)).toBe(1);
  });

  it('sent each one-time code exactly once and left no exchange or socket open', async () => {
    expect(faultedCodes).toHaveLength(2);
    for (const sent of faultedCodes) {
      expect(proxy.occurrencesSent(sent)).toBe(1);
      // `latency` answers after the client gave up, on a closed socket: GenAuth may not log it at all.
      if (kind === 'latency') expect(loggedWith(sent).length).toBeLessThanOrEqual(1);
      else expect(loggedWith(sent)).toEqual([expect.objectContaining({ outcome: 'faulted', fault: kind })]);
    }
    await eventually(
      () => {
        const pool = upstreamPool();
        return pool.running === 0 && pool.pending === 0 && pool.queued === 0;
      },
      2_000,
      'no exchange in flight',
    );
    await eventually(() => proxy.openPairs() === upstreamPool().connected, 2_000, 'emulator-side sockets = client keep-alive sockets');
    await eventually(() => app.openSockets() === http.pool.stats.connected, 2_000, 'app-side sockets = test client sockets');
  });
});

describe('after every fault', () => {
  it('a burst of valid logins still succeeds', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => http.postJson(routeFor('wechat'), mint())));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200));
  });

  it('closing the pools leaves no socket open on the emulator or app side', async () => {
    await http.close();
    await agent.close();
    await eventually(() => proxy.openPairs() === 0, 2_000, 'emulator-side sockets closed');
    await eventually(() => app.openSockets() === 0, 2_000, 'app-side sockets closed');
    http = new HttpClient(app.url);
    agent = new Agent();
  });

  it('no promise was rejected unhandled', () => {
    expect(rejections.seen).toEqual([]);
  });
});

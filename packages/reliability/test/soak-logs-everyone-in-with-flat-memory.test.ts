import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP } from '@passport-genauth/emulator';
import { spawnEmulator, type EmulatorProcess } from './support/emulator-process';
import { HttpClient, listen, type Listening } from './support/http';
import { runLogins } from './support/load';
import { targetApp } from './support/target-app';
import { settledHeapUsed } from './support/watch-process';

/**
 * The full soak (`pnpm test:soak`, RELIABILITY_SOAK=1) runs 20,000 logins at concurrency 200; the
 * normal suite runs a bounded 2,000 at concurrency 50.
 */
const SOAK = process.env.RELIABILITY_SOAK === '1';
const TOTAL = SOAK ? 20_000 : 2_000;
const CONCURRENCY = SOAK ? 200 : 50;
const WARMUP = SOAK ? 2_000 : 1_000;
const MiB = 1024 * 1024;
/**
 * Heap growth allowed between the end of the warm-up and the end of the run, after full GCs. Nothing
 * of a login may outlive it in the app process: the emulator runs in its own process (its log and
 * used-code set do not count), and the same 990 GenAuth users log in again and again (a fresh one-time
 * code each time), all of them during the warm-up, so the app's user table stops growing before it.
 * One login's answer (access_token + id_token) is ~1.8 KB, so keeping even the token set of each login
 * would grow the heap by ≥ 34 MiB over 20,000 logins and ≥ 3.4 MiB
 * over 2,000. Measured without a leak: between -1 and +1.1 MiB (JIT code, pools, allocator noise).
 * Bounds: 4 MiB for the soak (≈ 210 B per login), 3 MiB for the short run (≈ 1.5 KB per login).
 */
const HEAP_BOUND = SOAK ? 4 * MiB : 3 * MiB;

let emulator: EmulatorProcess;
let client: GenAuthClient;
let app: Listening;
let http: HttpClient;

beforeAll(async () => {
  emulator = await spawnEmulator();
  client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  app = await listen(targetApp({ client, log: () => {} }));
  http = new HttpClient(app.url, CONCURRENCY);
}, 60_000);

afterAll(async () => {
  await http?.close();
  await client?.close();
  await app?.close();
  await emulator?.close();
});

it(
  `${TOTAL} logins at concurrency ${CONCURRENCY} over every route: none failed or lost, GenAuth accepted exactly ${TOTAL}, the heap stays flat`,
  async () => {
    const runId = `soak${Date.now().toString(36)}`;
    const warm = await runLogins(http, { total: WARMUP, concurrency: CONCURRENCY, runId, mint: emulator.mint });
    expect(warm.failures).toEqual([]);
    await emulator.reset();
    const heapAfterWarmup = await settledHeapUsed();

    const run = await runLogins(http, { total: TOTAL, concurrency: CONCURRENCY, runId, mint: emulator.mint });
    const stats = await emulator.stats();
    const heapAtEnd = await settledHeapUsed();
    const growth = heapAtEnd - heapAfterWarmup;
    process.stdout.write(
      `[soak] ${TOTAL} logins, concurrency ${CONCURRENCY}: ${run.succeeded} ok, ${run.failed} failed in ${run.elapsedMs} ms ` +
        `(${Math.round((TOTAL / run.elapsedMs) * 1000)}/s); emulator received ${stats.received}, accepted ${stats.accepted}; ` +
        `heapUsed after warm-up ${(heapAfterWarmup / MiB).toFixed(1)} MiB, at end ${(heapAtEnd / MiB).toFixed(1)} MiB ` +
        `(growth ${(growth / MiB).toFixed(2)} MiB, bound ${(HEAP_BOUND / MiB).toFixed(1)} MiB)\n`,
    );

    expect(run.failures).toEqual([]);
    expect(run.succeeded).toBe(TOTAL);
    expect({ received: stats.received, accepted: stats.accepted, rejected: stats.rejected, faulted: stats.faulted }).toEqual({
      received: TOTAL,
      accepted: TOTAL,
      rejected: 0,
      faulted: 0,
    });
    expect(growth).toBeLessThan(HEAP_BOUND);
  },
  SOAK ? 30 * 60_000 : 120_000,
);

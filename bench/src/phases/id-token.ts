import { STRATEGY, STRATEGY_NO_VERIFY, loginUrl, startBackend, type BackendSpec } from '../backends.js';
import type { Child } from '../child.js';
import { compareBackends } from '../compare.js';
import { config } from '../config.js';
import { backendBody, runLoad } from '../load.js';
import { measureWindow, warmUp, type WindowReport } from '../measure.js';
import { differences, ratios, summarize, type Summary } from '../stats.js';

export interface WarmCost {
  readonly rounds: number;
  readonly verifyOnUs: Summary;
  readonly verifyOffUs: Summary;
  /** Per round: CPU µs per login with verification minus without. */
  readonly addedUs: Summary;
  readonly addedShare: Summary;
  readonly addedKiB: Summary;
}

export interface RotationUnderLoad {
  readonly logins: number;
  readonly connections: number;
  readonly rotations: number;
  readonly jwksFetches: number;
  readonly failed: number;
  readonly cpuUsWith: number;
  readonly cpuUsWithout: number;
  readonly p99MsWith: number;
  readonly p99MsWithout: number;
  readonly maxMsWith: number;
  readonly maxMsWithout: number;
}

export interface RotationProbes {
  readonly probes: number;
  /** CPU µs per login of logins that each meet a fresh rotation (and refetch the JWKS) vs ordinary ones, all at concurrency 1. */
  readonly afterRotationUs: Summary;
  readonly ordinaryUs: Summary;
  readonly addedUs: Summary;
  readonly afterRotationMs: Summary;
  readonly ordinaryMs: Summary;
  readonly jwksFetchesPerRotation: Summary;
}

export interface CooldownProbe {
  readonly cooldownMs: number;
  readonly durationS: number;
  readonly ok: number;
  readonly failed: number;
}

export interface IdTokenPhase {
  readonly warm: WarmCost;
  readonly underLoad: RotationUnderLoad;
  readonly probes: RotationProbes;
  readonly cooldown: CooldownProbe;
}

const jwksRequests = async (emulator: Child): Promise<number> => (await emulator.rpc<{ jwksRequests: number }>('stats')).jwksRequests;

/** (a) with a JWKS refetch allowed on every unknown kid, so that each rotation can be observed. */
const ROTATING: BackendSpec = { ...STRATEGY, key: 'a-rotating', label: '(a), jwksCooldownMs 0', env: { BENCH_JWKS_COOLDOWN_MS: '0' } };

async function warmCost(emulatorUrl: string, log: (line: string) => void): Promise<WarmCost> {
  const { rounds, amount } = config.idToken;
  log(`phase 5a: id_token verification with a warm JWKS cache, ${rounds} rounds`);
  const results = await compareBackends(emulatorUrl, [STRATEGY, STRATEGY_NO_VERIFY], { rounds, amount, connections: 8, warmup: config.cpu.warmup, log });
  const on = results.get(STRATEGY.key)!;
  const off = results.get(STRATEGY_NO_VERIFY.key)!;
  const onCpu = on.map((f) => f.cpuUs);
  const offCpu = off.map((f) => f.cpuUs);
  const added = differences(onCpu, offCpu);
  return {
    rounds,
    verifyOnUs: summarize(onCpu),
    verifyOffUs: summarize(offCpu),
    addedUs: summarize(added),
    addedShare: summarize(ratios(added, onCpu)),
    addedKiB: summarize(
      differences(
        on.map((f) => f.allocatedBytes / 1024),
        off.map((f) => f.allocatedBytes / 1024),
      ),
    ),
  };
}

async function rotationUnderLoad(emulator: Child, backend: Child, log: (line: string) => void): Promise<RotationUnderLoad> {
  const { loadAmount: logins, loadRotations: rotations } = config.idToken;
  const connections = 16;
  log(`phase 5b: ${rotations} key rotations during ${logins} logins at ${connections} connections`);
  const without = await measureWindow(backend, logins, connections);
  const before = await jwksRequests(emulator);
  const pending: Array<Promise<unknown>> = [];
  const every = Math.floor(logins / (rotations + 1));
  const withRotations = await measureWindow(backend, logins, connections, {
    allowFailures: true,
    onRequest: (sent) => {
      if (sent % every === 0 && pending.length < rotations) pending.push(emulator.rpc('rotate'));
    },
  });
  await Promise.all(pending);
  const jwksFetches = (await jwksRequests(emulator)) - before;
  log(`  ${pending.length} rotations → ${jwksFetches} JWKS fetches, ${withRotations.failed} failed logins`);
  return {
    logins,
    connections,
    rotations: pending.length,
    jwksFetches,
    failed: withRotations.failed,
    cpuUsWith: withRotations.cpuUs,
    cpuUsWithout: without.cpuUs,
    p99MsWith: withRotations.load.p99Ms,
    p99MsWithout: without.load.p99Ms,
    maxMsWith: withRotations.load.maxMs,
    maxMsWithout: without.load.maxMs,
  };
}

async function rotationProbes(emulator: Child, backend: Child, log: (line: string) => void): Promise<RotationProbes> {
  const { probes } = config.idToken;
  const rounds = 3;
  log(`phase 5c: ${rounds} rounds of ${probes} single logins, each after a rotation, vs ${probes} ordinary single logins`);
  // One window holds `probes` logins at concurrency 1, each right after a rotation (the one login
  // that meets the new kid and refetches); the paired window holds as many ordinary logins, each
  // after an emulator round trip instead of a rotation. CPU per window over `probes` amplifies a
  // cost that one login alone would drown in noise.
  const login = () => runLoad({ url: loginUrl(backend), connections: 1, amount: 1, body: backendBody });
  const window = async (rotate: boolean) => {
    await backend.rpc('begin');
    const before = await jwksRequests(emulator);
    const latencies: number[] = [];
    let failed = 0;
    for (let i = 0; i < probes; i += 1) {
      await emulator.rpc(rotate ? 'rotate' : 'stats');
      const load = await login();
      latencies.push(load.maxMs);
      failed += 1 - load.ok;
    }
    const report = await backend.rpc<WindowReport>('end');
    if (failed > 0) throw new Error(`rotation probes: ${failed} logins failed`);
    return { cpuUs: (report.userUs + report.systemUs) / probes, latencies, fetches: (await jwksRequests(emulator)) - before };
  };
  const after: Array<Awaited<ReturnType<typeof window>>> = [];
  const ordinary: Array<Awaited<ReturnType<typeof window>>> = [];
  for (let round = 0; round < rounds; round += 1) {
    ordinary.push(await window(false));
    after.push(await window(true));
  }
  const afterUs = after.map((a) => a.cpuUs);
  const ordinaryUs = ordinary.map((o) => o.cpuUs);
  return {
    probes: probes * rounds,
    afterRotationUs: summarize(afterUs),
    ordinaryUs: summarize(ordinaryUs),
    addedUs: summarize(differences(afterUs, ordinaryUs)),
    afterRotationMs: summarize(after.flatMap((a) => a.latencies)),
    ordinaryMs: summarize(ordinary.flatMap((o) => o.latencies)),
    jwksFetchesPerRotation: summarize(after.map((a) => a.fetches / probes)),
  };
}

/**
 * A rotation shortly after the last JWKS fetch: the new kid is unknown, and the cache will not
 * refetch before `jwksCooldownMs` has passed since that fetch, so logins fail until then.
 */
async function cooldownProbe(emulator: Child, emulatorUrl: string, log: (line: string) => void): Promise<CooldownProbe> {
  const cooldownMs = 2_000;
  const durationS = 3;
  const backend = await startBackend({ ...STRATEGY, key: 'a-cooldown', env: { BENCH_JWKS_COOLDOWN_MS: String(cooldownMs) } }, emulatorUrl);
  try {
    await warmUp(backend, 1, 1);
    await emulator.rpc('rotate');
    const load = await runLoad({ url: loginUrl(backend), connections: 2, durationS, body: backendBody });
    log(`phase 5d: rotation right after the first JWKS fetch, cooldown ${cooldownMs} ms: ${load.ok} ok, ${load.non2xx + load.errors} failed in ${durationS} s`);
    return { cooldownMs, durationS, ok: load.ok, failed: load.non2xx + load.errors };
  } finally {
    await backend.stop();
  }
}

/** Phase 5: what verifying the id_token costs, warm and across key rotations. */
export async function runIdTokenPhase(emulator: Child, emulatorUrl: string, log: (line: string) => void): Promise<IdTokenPhase> {
  const warm = await warmCost(emulatorUrl, log);
  const backend = await startBackend(ROTATING, emulatorUrl);
  try {
    await warmUp(backend, 1, 1);
    await warmUp(backend, config.cpu.warmup, 16);
    const underLoad = await rotationUnderLoad(emulator, backend, log);
    const probes = await rotationProbes(emulator, backend, log);
    const cooldown = await cooldownProbe(emulator, emulatorUrl, log);
    return { warm, underLoad, probes, cooldown };
  } finally {
    await backend.stop();
  }
}

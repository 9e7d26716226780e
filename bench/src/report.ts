import { config } from './config.js';
import { med, mib, num, ratio, table } from './format.js';
import type { MachineInfo } from './machine.js';
import type { ColdStartPhase } from './phases/cold-start.js';
import type { CpuPhase } from './phases/cpu.js';
import type { IdTokenPhase } from './phases/id-token.js';
import type { MemoryPhase } from './phases/memory.js';
import type { ThroughputPhase } from './phases/throughput.js';

export interface BenchResults {
  readonly machine: MachineInfo;
  readonly loadAverageAtEnd: readonly number[];
  readonly seconds: number;
  readonly cpu: CpuPhase;
  readonly throughput: ThroughputPhase;
  readonly memory: MemoryPhase;
  readonly coldStart: ColdStartPhase;
  readonly idToken: IdTokenPhase;
}

function headline(r: BenchResults): string {
  const cell = (target: string, c: number) => r.throughput.cells.find((x) => x.target === target && x.connections === c)!;
  const at64 = ['a', 'b', 'c', 'emulator'].map((t) => `${t} ${num(cell(t, 64).rps.median)}/s`).join(', ');
  const esm = r.coldStart.rows.find((x) => x.key === 'ours-esm')!;
  const sdk = r.coldStart.rows.find((x) => x.key === 'sdk-cjs')!;
  return [
    `- CPU per login, (a) ours ÷ (b) official SDK: ${ratio(r.cpu.aOverB)}; (a) ÷ (c) floor: ${ratio(r.cpu.aOverC)}; (a) ÷ the same exchange inside Express 5 + passport: ${ratio(r.cpu.aOverFramework)} (median of ${r.cpu.rounds} side-by-side rounds, range in brackets).`,
    `- Heap allocated per login: ${r.cpu.rows.map((row) => `${row.key} ${num(row.allocatedKiB.median, 1)} KiB`).join(', ')}.`,
    `- Logins/s at 64 connections (the emulator's two RSA signatures per login are the ceiling on 2 cores): ${at64}.`,
    `- Memory over ${num(r.memory.total)} logins through (a): post-GC heapUsed slope **${num(r.memory.heapSlopePer1k / 1024, 2)} KiB per 1,000 logins**, range ${mib(r.memory.heapRange, 2)} over the run; ${r.memory.failed} failed logins.`,
    `- Cold start (load time of the built dist, ${r.coldStart.runs} fresh processes each): ours ESM ${num(esm.loadMs.median, 0)} ms vs authing-node-sdk ${num(sdk.loadMs.median, 0)} ms, ratio ${ratio(r.coldStart.esmOverSdk)}.`,
    `- id_token verification, warm JWKS cache: **+${num(r.idToken.warm.addedUs.median)} µs per login** (${num(r.idToken.warm.addedShare.median * 100, 0)} % of (a)); after a key rotation: ${num(r.idToken.probes.jwksFetchesPerRotation.median, 0)} JWKS fetch per rotation (${r.idToken.underLoad.jwksFetches} fetches for ${r.idToken.underLoad.rotations} rotations at ${r.idToken.underLoad.connections} connections, ${r.idToken.underLoad.failed} failed logins), and the login that refetches costs +${num(r.idToken.probes.addedUs.median)} µs CPU.`,
  ].join('\n');
}

function cpuSection(r: BenchResults): string {
  const rows = r.cpu.rows.map((row) => [
    row.label,
    med(row.cpuUs),
    row.key === 'a' ? '1' : med(row.vsStrategy, 2),
    med(row.allocatedKiB, 1),
    med(row.gcUs, 0),
  ]);
  return [
    `${r.cpu.rounds} rounds; in each, all four backends run at once, each driven by its own autocannon with ${r.cpu.connections} connections for exactly ${r.cpu.amount} logins, so every backend lives through the same moment of this shared machine. Figures: median over rounds (min–max).`,
    '',
    table(['backend', 'CPU µs / login', 'CPU ÷ (a), per round', 'heap KiB allocated / login', 'GC µs / login'], rows),
    '',
    `- a/b = ${ratio(r.cpu.aOverB)}, a/c = ${ratio(r.cpu.aOverC)}, a ÷ (Express + passport floor) = ${ratio(r.cpu.aOverFramework)}: ratios are taken round by round, then the median.`,
    '- (b) does less work than (a): `signInByMobile` in the SDK returns GenAuth\'s envelope as is and never checks the id_token (its `parseIDToken` would refetch the JWKS on every call; see PROFILE.md). (a) validates the response, verifies the id_token (RS256 via JWKS), builds the profile and runs passport.',
    '- The "Express 5 + passport" row is the floor\'s exact exchange inside a do-nothing passport strategy behind `express.json()`: what any passport strategy pays before doing anything. It is why a/c cannot reach 1.3 with Express + passport in front; see PROFILE.md for the decomposition and for the proposed core changes.',
  ].join('\n');
}

function throughputSection(r: BenchResults): string {
  const conc = config.throughput.concurrency;
  const rows = r.throughput.targets.map((t) => [
    `${t.key}: ${t.label}`,
    ...conc.map((c) => {
      const cell = r.throughput.cells.find((x) => x.target === t.key && x.connections === c)!;
      return `${num(cell.rps.median)}/s (${num(cell.rps.min)}–${num(cell.rps.max)}); p50 ${num(cell.p50Ms.median)} / p99 ${num(cell.p99Ms.median)} ms${cell.failed ? `; ${cell.failed} failed` : ''}`;
    }),
  ]);
  return [
    `autocannon (programmatic API), a fresh one-time code per request, ${r.throughput.durationS} s per cell, ${r.throughput.passes} passes over the grid (target order rotated per pass); median logins/s over passes (min–max), and the median p50/p99 latency.`,
    '',
    table(['target', ...conc.map((c) => `${c} connections`)], rows),
    '',
    '- Successful logins only (non-2xx answers are counted as failed). The load generator, the backend and the emulator share the 2 cores; the emulator signs two RS256 tokens per login, so every backend is bounded by the emulator row: these rows compare latency added at a given load more than capacity. Capacity per core follows from the CPU per login in section 1. From 64 connections on, the p99 of 1.5-2 s with a p50 under 100 ms shows in the emulator-alone row too: it is how the saturated emulator serves its connections (some wait while others are served), not the backends.',
  ].join('\n');
}

function memorySection(r: BenchResults): string {
  const rows = r.memory.samples.map((s) => [num(s.logins), mib(s.heapUsed, 2), mib(s.rss, 1), mib(s.external, 2)]);
  return [
    `A fresh (a) backend (\`--expose-gc\`), 2,000 warm-up logins, then ${num(r.memory.total)} logins at ${r.memory.connections} connections (${num(r.memory.seconds)} s); after every segment the backend runs \`gc()\` twice and reports \`process.memoryUsage()\`.`,
    '',
    table(['logins', 'heapUsed after GC', 'RSS', 'external'], rows),
    '',
    `- Least-squares slope of post-GC heapUsed: **${num(r.memory.heapSlopePer1k, 0)} bytes per 1,000 logins** (${num((r.memory.heapSlopePer1k * 100) / 2 ** 20, 2)} MiB per 100,000); RSS slope ${num(r.memory.rssSlopePer1k / 1024, 1)} KiB per 1,000 logins; heapUsed range after the first segment ${mib(r.memory.heapRange, 2)}. Failed logins: ${r.memory.failed}.`,
  ].join('\n');
}

function coldSection(r: BenchResults): string {
  const rows = r.coldStart.rows.map((row) => [row.label, med(row.loadMs, 1), med(row.processMs, 0), med(row.heapDeltaMiB, 1)]);
  return [
    `${r.coldStart.runs} fresh \`node\` processes per target, interleaved; "load" is measured inside the process around the \`import\`/\`require\` only; "process" is spawn to exit as the parent sees it.`,
    '',
    table(['target', 'load ms', 'process ms', 'heap MiB after load'], rows),
    '',
    `- Ours (ESM) ÷ SDK, per run: ${ratio(r.coldStart.esmOverSdk)}; ours (CJS) ÷ SDK: ${ratio(r.coldStart.cjsOverSdk)}.`,
  ].join('\n');
}

function idTokenSection(r: BenchResults): string {
  const { warm, underLoad: u, probes: p, cooldown: c } = r.idToken;
  return [
    `**Warm cache.** (a) with verification on vs (a) with \`idToken: { verify: false }\` (decode only), side by side, ${warm.rounds} rounds:`,
    '',
    table(
      ['', 'CPU µs / login'],
      [
        ['verify on', med(warm.verifyOnUs)],
        ['verify off', med(warm.verifyOffUs)],
        ['added by verification, per round', `${med(warm.addedUs)} = ${num(warm.addedShare.median * 100, 0)} % of (a); heap +${num(warm.addedKiB.median, 1)} KiB`],
      ],
    ),
    '',
    `**Rotation under load.** (a) with \`jwksCooldownMs: 0\` (so each rotation may refetch), ${num(u.logins)} logins at ${u.connections} connections with \`emulator.rotateKeys()\` ${u.rotations} times mid-run, next to the same window without rotation (CPU from two sequential windows: noisy):`,
    '',
    table(
      ['', 'JWKS fetches', 'failed logins', 'CPU µs / login', 'p99 ms', 'max ms'],
      [
        ['no rotation', '0', '0', num(u.cpuUsWithout), num(u.p99MsWithout), num(u.maxMsWithout)],
        [`${u.rotations} rotations`, String(u.jwksFetches), String(u.failed), num(u.cpuUsWith), num(u.p99MsWith), num(u.maxMsWith)],
      ],
    ),
    '',
    `**What one rotation adds.** ${p.probes} logins at concurrency 1, each right after \`rotateKeys()\` (so each meets an unknown kid and refetches), against as many ordinary logins at concurrency 1, in paired windows (CPU per window divided by its logins; 3 pairs):`,
    '',
    table(
      ['', 'CPU µs / login', 'latency ms (each login)', 'JWKS fetches per login'],
      [
        ['ordinary login', med(p.ordinaryUs), med(p.ordinaryMs), '0'],
        ['login right after a rotation', med(p.afterRotationUs), med(p.afterRotationMs), med(p.jwksFetchesPerRotation, 2)],
        ['added by one rotation, per pair', med(p.addedUs), '', ''],
      ],
    ),
    '',
    `**Rotation soon after a fetch.** A fresh (a) with \`jwksCooldownMs: ${c.cooldownMs}\` fetches the JWKS on its first login; the key rotates right after; then ${c.durationS} s of logins at 2 connections: **${c.ok} succeeded, ${c.failed} failed**. The cache refuses to refetch within the cooldown, so every login fails until the cooldown since the last fetch has passed. core's default is 1,000 ms since 315a303; with the former 30,000 ms, a process that fetched the JWKS less than 30 s before a rotation failed every login for the rest of those 30 s (PROFILE.md, F5).`,
  ].join('\n');
}

/** RESULTS.md. */
export function renderResults(r: BenchResults): string {
  const m = r.machine;
  return `# passport-genauth benchmarks: results

Generated by \`npx -y pnpm@10 bench\` on ${m.date.slice(0, 10)} (${m.date}); the run took ${num(r.seconds / 60, 1)} minutes.
Every figure compares implementations measured side by side in the same run; medians of several rounds, with the range (min–max) in brackets.

## Headline

${headline(r)}

## Machine

- ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node} (V8 ${m.v8}).
- A shared machine: load average ${m.loadAverage.join(' / ')} at the start and ${r.loadAverageAtEnd.join(' / ')} at the end (1 / 5 / 15 min). Other engineers' test runs add noise; CPU-time figures swing ±20-30 % between rounds, which is why everything is a ratio taken within a round.
- Packages: ${Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(', ')}.

## How to reproduce

\`\`\`sh
npx -y pnpm@10 install
npx -y pnpm@10 bench          # builds core, wechat and the emulator (tsup), then runs bench/src/main.ts and rewrites bench/RESULTS.md
BENCH_QUICK=1 npx -y pnpm@10 bench   # a 1-2 minute smoke run with tiny sample sizes
npx -y pnpm@10 --filter @passport-genauth/bench profile   # the profile and the before/after of the proposed core patches (PROFILE-RESULTS.md)
\`\`\`

Knobs (environment): \`BENCH_CPU_ROUNDS\`, \`BENCH_TP_SECONDS\`, \`BENCH_TP_PASSES\`, \`BENCH_MEMORY_LOGINS\`, \`BENCH_COLD_RUNS\`, \`BENCH_IDTOKEN_ROUNDS\`, \`BENCH_ROTATION_PROBES\`.

## How it measures

- One process tree on this machine: the orchestrator (tsx, \`bench/src/main.ts\`) forks the emulator (\`startEmulator({ port: 0 })\`, DEMO_APP: client_secret_basic, RS256 id_tokens) and each backend as its own child process with plain \`node\` (no loader), talking over IPC; the orchestrator drives the load with autocannon's programmatic API. Everything listens on 127.0.0.1 and stops at the end.
- Every request carries a fresh one-time \`code\` (\`setupRequest\` builds each body), so every login is a real exchange; a window with any failed login is rejected.
- **CPU per login**: \`process.cpuUsage()\` of the backend process (user + system, all its threads: main, libuv pool, GC helpers) over a window of exactly N logins, divided by N.
- **Heap allocated per login**: \`v8.GCProfiler\` records the heap before and after every GC inside the window; bytes allocated = (usedHeapSize at the end - at the start) + Σ(before - after) over those GCs. It counts the V8 heap (objects, strings, closures), not Buffer backing stores. Checked against known allocations (10,000 arrays of 1,000 doubles: 81.2 MB measured for 80.2 MB allocated).
- **GC µs per login**: the sum of the GCProfiler's per-GC \`cost\`.

## 1. Per-login client cost

${cpuSection(r)}

## 2. Throughput and latency

${throughputSection(r)}

## 3. Memory

${memorySection(r)}

## 4. Cold start

${coldSection(r)}

## 5. id_token verification

${idTokenSection(r)}

## What did not work, and caveats

- **The official SDK works against the emulator as its README shows** (\`new AuthenticationClient({ appId, appSecret, appHost, tokenEndPointAuthMethod: 'client_secret_basic' })\`, \`signInByMobile({ connection: 'wechat', extIdpConnidentifier, wechatPayload: { code } })\`). It needed nothing special: it posts \`x-authing-app-id\` and a Basic header built the same way. But it does **not** verify the id_token, so (b) is a lighter workload than (a); the profile run adds "(b) + parseIDToken", which refetches the JWKS on every call.
- **The 1.3× target against the bare floor (c) is out of reach with Express + passport in front**: Express 5 + \`express.json()\` + passport alone cost more than 30 % over (c) (row "Express 5 + passport" above). PROFILE.md splits (a) into framework and core, proposes core changes, and measures our client against the floor without the framework.
- **Warming several backends at once starved the JWKS fetch**: with five fresh backends warming up together, the emulator's event loop lagged (p99 250 ms, max 510 ms) and one backend's first JWKS request waited out core's 5 s \`jwksTimeoutMs\`, failing the 8 logins waiting on it. Backends are now warmed one at a time; with real GenAuth under load the same would fail a cold process's first logins.
- The emulator is the throughput ceiling (two RSA-2048 signatures per login); on 2 shared cores the throughput table measures the emulator as much as the backends.
- No timing is asserted anywhere: this is a report, not a test.
`;
}

import { config } from './config.js';
import { med, mib, num, ratio, table } from './format.js';
import type { MachineInfo } from './machine.js';
import type { ColdStartPhase } from './phases/cold-start.js';
import type { RatioFigure, SideBySide } from './phases/cpu.js';
import type { IdTokenPhase } from './phases/id-token.js';
import type { MemoryPhase } from './phases/memory.js';
import type { ThroughputPhase } from './phases/throughput.js';
import type { Summary } from './stats.js';

export interface BenchResults {
  readonly machine: MachineInfo;
  readonly loadAverageAtEnd: readonly number[];
  readonly seconds: number;
  readonly cpu: SideBySide;
  readonly api: SideBySide;
  readonly throughput: ThroughputPhase;
  readonly memory: MemoryPhase;
  readonly coldStart: ColdStartPhase;
  readonly idToken: IdTokenPhase;
}

/** "met" when the median is within the target (the range is shown beside it). */
function verdict(value: Summary, target: number | undefined): string {
  if (target === undefined) return '';
  return value.median <= target ? 'met' : '**not met**';
}

function targetRow(name: string, value: Summary, target: number | undefined): string[] {
  return [name, target === undefined ? '(reference)' : `≤ ${num(target, 2)}`, ratio(value), verdict(value, target)];
}

function targets(r: BenchResults): string {
  const rows: string[][] = [
    ...r.cpu.ratios.map((f: RatioFigure) => targetRow(`CPU per ${f.name}`, f.ratio, f.target)),
    ...r.api.ratios.map((f: RatioFigure) => targetRow(`CPU per ${f.name}`, f.ratio, f.target)),
    targetRow('cold start to the first completed login, ours (ESM) ÷ SDK, wall-clock from process start', r.coldStart.esmOverSdk, 0.8),
    targetRow('cold start to the first completed login, ours (CJS) ÷ SDK, wall-clock from process start', r.coldStart.cjsOverSdk, 0.8),
    targetRow('the same, ESM ÷ SDK, in CPU time', r.coldStart.esmOverSdkCpu, undefined),
    targetRow('the same, CJS ÷ SDK, in CPU time', r.coldStart.cjsOverSdkCpu, undefined),
    targetRow('cold start, ESM ÷ SDK, with bench/patches/08 (zod bundled into core; **not applied**), wall-clock', r.coldStart.esmOverSdkWith08, 0.8),
    targetRow('cold start, CJS ÷ SDK, with bench/patches/08 (**not applied**), wall-clock', r.coldStart.cjsOverSdkWith08, 0.8),
    targetRow('the same with 08, ESM ÷ SDK, in CPU time', r.coldStart.esmOverSdkCpuWith08, undefined),
    targetRow('the same with 08, CJS ÷ SDK, in CPU time', r.coldStart.cjsOverSdkCpuWith08, undefined),
  ];
  return table(['measure (ratios taken run by run, then the median; range in brackets)', 'target', 'result', ''], rows);
}

function headline(r: BenchResults): string {
  const heap = (phase: SideBySide) => phase.rows.map((row) => `${row.key} ${num(row.allocatedKiB.median, 1)} KiB`).join(', ');
  const cell = (target: string, c: number) => r.throughput.cells.find((x) => x.target === target && x.connections === c)!;
  const at64 = ['a', 'b', 'c', 'emulator'].map((t) => `${t} ${num(cell(t, 64).rps.median)}/s`).join(', ');
  return [
    targets(r),
    '',
    `- Heap allocated per login: ${heap(r.cpu)}.`,
    `- Heap allocated per API call: ${heap(r.api)}.`,
    `- Memory over ${num(r.memory.total)} API calls through genauth-bearer: post-GC heapUsed slope **${num(r.memory.heapSlopePer1k, 0)} bytes per 1,000 calls**, range ${mib(r.memory.heapRange, 2)} over the run; ${r.memory.failed} failed calls.`,
    `- Logins/s at 64 connections (the emulator's two RSA signatures per login are the ceiling on 2 cores): ${at64}.`,
    `- id_token verification, warm JWKS cache: **+${num(r.idToken.warm.addedUs.median)} µs per login** (${num(r.idToken.warm.addedShare.median * 100, 0)} % of (a)); after a key rotation: ${num(r.idToken.probes.jwksFetchesPerRotation.median, 0)} JWKS fetch per rotation (${r.idToken.underLoad.jwksFetches} fetches for ${r.idToken.underLoad.rotations} rotations at ${r.idToken.underLoad.connections} connections, ${r.idToken.underLoad.failed} failed logins).`,
  ].join('\n');
}

function sideBySideSection(phase: SideBySide, unit: string, what: string): string {
  const rows = phase.rows.map((row) => [
    `${row.key}: ${row.label}`,
    med(row.cpuUs),
    row.key === phase.reference ? '1' : med(row.vsReference, 2),
    med(row.allocatedKiB, 1),
    med(row.gcUs, 0),
  ]);
  return [
    `${phase.rounds} rounds; in each, all ${phase.rows.length} backends run at once, each driven by its own autocannon with ${phase.connections} connections for exactly ${num(phase.amount)} ${what}, so every backend lives through the same moment of this shared machine. Figures: median over rounds (min–max).`,
    '',
    table(['backend', `CPU µs / ${unit}`, `CPU ÷ ${phase.reference}, per round`, `heap KiB allocated / ${unit}`, `GC µs / ${unit}`], rows),
    '',
    ...phase.ratios.map(
      (f) =>
        `- ${f.name} (${f.numerator} ÷ ${f.denominator}): ${ratio(f.ratio)}${f.target === undefined ? '' : `, target ≤ ${num(f.target, 2)}: ${verdict(f.ratio, f.target)}`}.`,
    ),
  ].join('\n');
}

function loginSection(r: BenchResults): string {
  return [
    sideBySideSection(r.cpu, 'login', 'logins'),
    "- (b) does less work than (a) and (d): the SDK's `signInByMobile` returns GenAuth's envelope as is and never checks the id_token. (a) and (d) validate the response with zod, verify the id_token (RS256 via the JWKS, on this thread), build the profile and run the strategy; (a) also runs passport.",
    '- "c+express+passport" is the floor\'s exact exchange inside a do-nothing passport strategy behind `express.json()`: what any passport strategy pays before doing anything. PROFILE.md splits each step.',
    '- "c+express+passport+sig" is the same do-nothing strategy with the id_token\'s RS256 signature checked (node:crypto, key cached by kid, no claim checks, no validation, no profile): the least any passport strategy that verifies can cost.',
    "- (a) ÷ (b) ≤ 0.75 cannot be reached with Express 5 + passport in front: the verifying do-nothing strategy alone costs the ratio shown above against the SDK's route, before any validation, claim check or profile; see PROFILE.md, F7.",
  ].join('\n');
}

function apiSection(r: BenchResults): string {
  return [
    `Each call is \`GET /api/me\` with \`Authorization: Bearer <access token>\`; ${config.api.tokens} access tokens minted by the emulator (RS256, \`jti sub iat exp scope iss aud\`) are sent in turn, as clients reuse theirs. No call reaches GenAuth (offline checks; the JWKS is fetched once at warm-up).`,
    '',
    sideBySideSection(r.api, 'call', 'calls'),
    '- genauth-bearer checks more than passport-jwt is configured to (also `sub` a non-empty string, `jti`, `scope`, `iat` not in the future, one audience) and answers failures with RFC 6750 challenges; passport-jwt checks RS256, `iss`, `aud` and `exp` through jsonwebtoken.',
  ].join('\n');
}

function memorySection(r: BenchResults): string {
  const rows = r.memory.samples.map((s) => [num(s.calls), mib(s.heapUsed, 2), mib(s.rss, 1), mib(s.external, 2)]);
  return [
    `A fresh genauth-bearer backend (\`--expose-gc\`), 5,000 warm-up calls, then ${num(r.memory.total)} API calls at ${r.memory.connections} connections with ${r.memory.tokens} tokens in turn (${num(r.memory.seconds)} s); after every segment the backend runs \`gc()\` twice and reports \`process.memoryUsage()\`.`,
    '',
    table(['API calls', 'heapUsed after GC', 'RSS', 'external'], rows),
    '',
    `- Least-squares slope of post-GC heapUsed: **${num(r.memory.heapSlopePer1k, 0)} bytes per 1,000 calls** (${num((r.memory.heapSlopePer1k * 100) / 2 ** 20, 2)} MiB per 100,000); RSS slope ${num(r.memory.rssSlopePer1k / 1024, 1)} KiB per 1,000 calls; heapUsed range after the first segment ${mib(r.memory.heapRange, 2)}. Failed calls: ${r.memory.failed}.`,
  ].join('\n');
}

function coldSection(r: BenchResults): string {
  const c = r.coldStart;
  const rows = c.rows.map((row) => [
    row.label,
    `**${med(row.firstLoginMs)}**`,
    med(row.firstLoginCpuMs),
    med(row.spawnToLoginMs),
    med(row.bootMs),
    `${med(row.loadMs)} (CPU ${num(row.loadCpuMs.median)})`,
    med(row.constructMs, 1),
    `${med(row.loginMs)} (CPU ${num(row.loginCpuMs.median)})`,
    num(row.cjsModules.median),
  ]);
  return [
    `${c.runs} fresh \`node\` processes per target, all interleaved run by run, each against the emulator running in another process, with a fresh one-time code. "First login at" is \`performance.now()\` when the first login completed, i.e. milliseconds since the process started (Node's own start-up included); "CPU" is \`process.cpuUsage()\` (all threads) at that moment; "spawn to login" is what the parent saw, process creation included. Phases: Node's start-up until the script runs, loading the libraries, constructing the client (and strategy), the first login (for ours: the sign-in, the JWKS fetch and the id_token check).`,
    '',
    table(
      [
        'target',
        'first login at, ms',
        'CPU ms by then',
        'spawn to login, ms',
        'Node start-up, ms',
        'load, ms',
        'construct, ms',
        'first login, ms',
        'CommonJS modules loaded',
      ],
      rows,
    ),
    '',
    `- Ours (ESM) ÷ SDK, per run: ${ratio(c.esmOverSdk)} (CPU ${ratio(c.esmOverSdkCpu)}, as the parent saw it ${ratio(c.esmOverSdkSpawn)}); ours (CJS) ÷ SDK: ${ratio(c.cjsOverSdk)} (CPU ${ratio(c.cjsOverSdkCpu)}, parent ${ratio(c.cjsOverSdkSpawn)}).`,
    `- With bench/patches/08 (zod bundled into core's dist, built from the same sources; not applied, see PROFILE.md): ESM ÷ SDK ${ratio(c.esmOverSdkWith08)} (CPU ${ratio(c.esmOverSdkCpuWith08)}), CJS ÷ SDK ${ratio(c.cjsOverSdkWith08)} (CPU ${ratio(c.cjsOverSdkCpuWith08)}).`,
    "- Ours run from a consumer's install (`bench/src/layout.ts`): core and wechat's `dist` with core's runtime dependencies only, in a temporary folder outside the repository, so that nothing of the workspace (jose, @opentelemetry/api, other devDependencies) can load. \"CommonJS modules loaded\" counts `require.cache` (ESM modules are not in it).",
    "- Our first login does more than the SDK's: it fetches the JWKS (a second round trip) and verifies the id_token. PROFILE.md decomposes the load by dependency, before and after.",
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
        [
          'added by verification, per round',
          `${med(warm.addedUs)} = ${num(warm.addedShare.median * 100, 0)} % of (a); heap +${num(warm.addedKiB.median, 1)} KiB`,
        ],
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
    `**Rotation soon after a fetch.** A fresh (a) with \`jwksCooldownMs: ${c.cooldownMs}\` fetches the JWKS on its first login; the key rotates right after; then ${c.durationS} s of logins at 2 connections: **${c.ok} succeeded, ${c.failed} failed**. The cache refuses to refetch within the cooldown, so every login fails until the cooldown since the last fetch has passed. core's default is 1,000 ms; with the former 30,000 ms, a process that fetched the JWKS less than 30 s before a rotation failed every login for the rest of those 30 s (PROFILE.md, F5).`,
  ].join('\n');
}

/** RESULTS.md. */
export function renderResults(r: BenchResults): string {
  const m = r.machine;
  return `# passport-genauth benchmarks: results

Generated by \`npx -y pnpm@10 bench\` on ${m.date.slice(0, 10)} (${m.date}); the run took ${num(r.seconds / 60, 1)} minutes.
Every ratio compares implementations measured side by side in the same run (round by round, or run by run for cold starts), then takes the median; the range (min–max) is in brackets.

## Targets (issue 11)

${headline(r)}

## Machine

- ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node} (V8 ${m.v8}).
- A shared machine: load average ${m.loadAverage.join(' / ')} at the start and ${r.loadAverageAtEnd.join(' / ')} at the end (1 / 5 / 15 min). Other engineers' test runs add noise; CPU-time figures swing ±20-30 % between rounds, which is why everything is a ratio taken within a round.
- Packages: ${Object.entries(m.packages)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.

## How to reproduce

\`\`\`sh
npx -y pnpm@10 install
npx -y pnpm@10 bench          # builds core, wechat and the emulator (tsup), then runs bench/src/main.ts and rewrites bench/RESULTS.md
BENCH_QUICK=1 npx -y pnpm@10 bench   # a 2-3 minute smoke run with tiny sample sizes
npx -y pnpm@10 --filter @passport-genauth/bench profile   # the profile, the decomposition and the cold-start before/after (PROFILE-RESULTS.md)
\`\`\`

Knobs (environment): \`BENCH_CPU_ROUNDS\`, \`BENCH_API_ROUNDS\`, \`BENCH_TP_SECONDS\`, \`BENCH_TP_PASSES\`, \`BENCH_MEMORY_CALLS\`, \`BENCH_COLD_RUNS\`, \`BENCH_IDTOKEN_ROUNDS\`, \`BENCH_ROTATION_PROBES\`.

## How it measures

- One process tree on this machine: the orchestrator (tsx, \`bench/src/main.ts\`) forks the emulator (\`startEmulator({ port: 0 })\`, DEMO_APP: client_secret_basic, RS256 id_tokens) and each backend as its own child process with plain \`node\` (no loader), talking over IPC; the orchestrator drives the load with autocannon's programmatic API. Everything listens on 127.0.0.1 and stops at the end.
- Every login carries a fresh one-time \`code\` (\`setupRequest\` builds each body), so every login is a real exchange; a window with any failed request is rejected.
- **CPU per request**: \`process.cpuUsage()\` of the backend process (user + system, all its threads: main, libuv pool, GC helpers) over a window of exactly N requests, divided by N.
- **Heap allocated per request**: \`v8.GCProfiler\` records the heap before and after every GC inside the window; bytes allocated = (usedHeapSize at the end - at the start) + Σ(before - after) over those GCs. It counts the V8 heap (objects, strings, closures), not Buffer backing stores. Checked against known allocations (10,000 arrays of 1,000 doubles: 81.2 MB measured for 80.2 MB allocated).
- **GC µs per request**: the sum of the GCProfiler's per-GC \`cost\`.

## 1. Per-login cost

${loginSection(r)}

## 2. Per-API-call cost

${apiSection(r)}

## 3. Cold start to the first login

${coldSection(r)}

## 4. Memory over ${num(r.memory.total)} API calls

${memorySection(r)}

## 5. Throughput and latency (logins)

${throughputSection(r)}

## 6. id_token verification

${idTokenSection(r)}

## Caveats

- **The official SDK works against the emulator as its README shows** (\`new AuthenticationClient({ appId, appSecret, appHost, tokenEndPointAuthMethod: 'client_secret_basic' })\`, \`signInByMobile({ connection: 'wechat', extIdpConnidentifier, wechatPayload: { code } })\`). It does **not** verify the id_token, so (b) is a lighter workload than (a).
- The emulator is the throughput ceiling (two RSA-2048 signatures per login); on 2 shared cores the throughput table measures the emulator as much as the backends.
- Each backend's first login runs alone (it fetches the JWKS, which must not queue behind the others' load); then all backends warm up at once, side by side like a round. Warmed one after the other, the first backends sat idle while the rest warmed and paid for it over the first ~7 rounds (the first, (a), up to +60 % CPU per login: V8 shrinks an idle heap and grows it back under load); every ratio that had (a) on top looked worse than it was.
- No timing is asserted anywhere: this is a report, not a test.
`;
}

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { childScript } from '../child.js';
import { config } from '../config.js';
import { consumerLayout } from '../layout.js';
import { buildVariant } from '../scratch.js';
import { ratios, summarize, type Summary } from '../stats.js';

/** The probes: which cold-start-probe.mjs target, from which consumer layout (`dist`: the built packages; `zod-bundled`: patch 08). */
export const COLD_TARGETS = [
  {
    key: 'ours-esm',
    probe: 'ours-esm',
    layout: 'dist',
    label:
      'ours, ESM: `import` @passport-genauth/core + @passport-genauth/wechat, a client and a WechatStrategy, one `strategy.login(req)` (id_token verified)',
  },
  { key: 'ours-cjs', probe: 'ours-cjs', layout: 'dist', label: 'ours, CJS: the same with `require`' },
  { key: 'ours-esm+08', probe: 'ours-esm', layout: 'zod-bundled', label: 'ours, ESM, with bench/patches/08 (zod bundled into core; not applied)' },
  { key: 'ours-cjs+08', probe: 'ours-cjs', layout: 'zod-bundled', label: 'ours, CJS, with bench/patches/08 (not applied)' },
  {
    key: 'sdk-cjs',
    probe: 'sdk-cjs',
    layout: 'dist',
    label: '`require("authing-node-sdk")`, `new AuthenticationClient`, one `signInByMobile` (CommonJS only; no id_token check)',
  },
] as const;

/** What one fresh process reported (cold-start-probe.mjs), plus what its parent saw. */
export interface ColdSample {
  readonly firstLoginMs: number;
  readonly firstLoginCpuMs: number;
  readonly bootMs: number;
  readonly bootCpuMs: number;
  readonly phases: Record<'load' | 'construct' | 'login', { wall: number; cpu: number }>;
  readonly cjsModules: number;
  /** Spawn to the probe's line, as the parent sees it (process creation included). */
  readonly spawnToLoginMs: number;
}

export interface ColdRow {
  readonly key: string;
  readonly label: string;
  readonly firstLoginMs: Summary;
  readonly firstLoginCpuMs: Summary;
  readonly spawnToLoginMs: Summary;
  readonly bootMs: Summary;
  readonly loadMs: Summary;
  readonly loadCpuMs: Summary;
  readonly constructMs: Summary;
  readonly loginMs: Summary;
  readonly loginCpuMs: Summary;
  readonly cjsModules: Summary;
}

export interface ColdStartPhase {
  readonly runs: number;
  readonly rows: ColdRow[];
  /** Per run (interleaved), ours over the SDK: time from process start to the first completed login. */
  readonly esmOverSdk: Summary;
  readonly cjsOverSdk: Summary;
  /** The same ratios in CPU time (less sensitive to other processes on a shared machine). */
  readonly esmOverSdkCpu: Summary;
  readonly cjsOverSdkCpu: Summary;
  /** The same ratios as the parent saw them: spawn to the first completed login. */
  readonly esmOverSdkSpawn: Summary;
  readonly cjsOverSdkSpawn: Summary;
  /** With patch 08 (zod bundled into core), time and CPU. */
  readonly esmOverSdkWith08: Summary;
  readonly cjsOverSdkWith08: Summary;
  readonly esmOverSdkCpuWith08: Summary;
  readonly cjsOverSdkCpuWith08: Summary;
}

/** Runs one fresh probe process and resolves with its report as soon as it prints it. */
export function coldStartOnce(target: string, emulatorUrl: string, extraEnv: Record<string, string> = {}): Promise<ColdSample> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_EMULATOR_URL: emulatorUrl, ...extraEnv };
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [childScript('cold-start-probe.mjs'), target], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let seen: ColdSample | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (seen === undefined && out.includes('\n')) {
        seen = { ...(JSON.parse(out.slice(0, out.indexOf('\n'))) as Omit<ColdSample, 'spawnToLoginMs'>), spawnToLoginMs: performance.now() - started };
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => (seen && code === 0 ? resolve(seen) : reject(new Error(`cold-start probe ${target} exited with ${code}: ${out}`))));
  });
}

/** Medians of every figure of a target's samples. */
export function coldRow(key: string, label: string, s: readonly ColdSample[]): ColdRow {
  return {
    key,
    label,
    firstLoginMs: summarize(s.map((x) => x.firstLoginMs)),
    firstLoginCpuMs: summarize(s.map((x) => x.firstLoginCpuMs)),
    spawnToLoginMs: summarize(s.map((x) => x.spawnToLoginMs)),
    bootMs: summarize(s.map((x) => x.bootMs)),
    loadMs: summarize(s.map((x) => x.phases.load.wall)),
    loadCpuMs: summarize(s.map((x) => x.phases.load.cpu)),
    constructMs: summarize(s.map((x) => x.phases.construct.wall)),
    loginMs: summarize(s.map((x) => x.phases.login.wall)),
    loginCpuMs: summarize(s.map((x) => x.phases.login.cpu)),
    cjsModules: summarize(s.map((x) => x.cjsModules)),
  };
}

/**
 * Phase: cold start to the first completed login, ours (ESM and CJS) against the official SDK, each
 * run in a fresh process, the three targets interleaved run by run so that they share the moment.
 */
export async function runColdStartPhase(emulatorUrl: string, log: (line: string) => void): Promise<ColdStartPhase> {
  const { runs } = config.coldStart;
  log(`phase: cold start to the first login, ${runs} fresh processes per target, interleaved`);
  // (builds the patch-08 variant first: a few seconds of esbuild)
  // The built dist installed as an app gets it: only core's runtime dependencies can load. Beside it,
  // the same sources built with patch 08 (zod bundled into core), which is not applied.
  const layouts: Record<string, string> = {
    dist: consumerLayout('dist').modules,
    'zod-bundled': consumerLayout('zod-bundled', { dist: await buildVariant({ name: 'zod-bundled', bundle: ['zod'] }) }).modules,
  };
  const once = (target: (typeof COLD_TARGETS)[number]) => coldStartOnce(target.probe, emulatorUrl, { BENCH_COLD_PACKAGES: layouts[target.layout]! });
  const samples = new Map<string, ColdSample[]>(COLD_TARGETS.map((t) => [t.key, []]));
  for (const target of COLD_TARGETS) await once(target); // one unmeasured run each: file system caches
  for (let i = 0; i < runs; i += 1) {
    for (const target of COLD_TARGETS) samples.get(target.key)!.push(await once(target));
  }
  const rows = COLD_TARGETS.map((t) => coldRow(t.key, t.label, samples.get(t.key)!));
  for (const row of rows) log(`  ${row.key}: first login at ${row.firstLoginMs.median.toFixed(0)} ms (${row.firstLoginCpuMs.median.toFixed(0)} ms CPU)`);
  const series = (key: string, pick: (s: ColdSample) => number) => samples.get(key)!.map(pick);
  const over = (key: string, pick: (s: ColdSample) => number) => summarize(ratios(series(key, pick), series('sdk-cjs', pick)));
  return {
    runs,
    rows,
    esmOverSdk: over('ours-esm', (s) => s.firstLoginMs),
    cjsOverSdk: over('ours-cjs', (s) => s.firstLoginMs),
    esmOverSdkCpu: over('ours-esm', (s) => s.firstLoginCpuMs),
    cjsOverSdkCpu: over('ours-cjs', (s) => s.firstLoginCpuMs),
    esmOverSdkSpawn: over('ours-esm', (s) => s.spawnToLoginMs),
    cjsOverSdkSpawn: over('ours-cjs', (s) => s.spawnToLoginMs),
    esmOverSdkWith08: over('ours-esm+08', (s) => s.firstLoginMs),
    cjsOverSdkWith08: over('ours-cjs+08', (s) => s.firstLoginMs),
    esmOverSdkCpuWith08: over('ours-esm+08', (s) => s.firstLoginCpuMs),
    cjsOverSdkCpuWith08: over('ours-cjs+08', (s) => s.firstLoginCpuMs),
  };
}

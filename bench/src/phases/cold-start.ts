import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { childScript } from '../child.js';
import { config } from '../config.js';
import { ratios, summarize, type Summary } from '../stats.js';

const run = promisify(execFile);

export const COLD_TARGETS = [
  { key: 'ours-esm', label: 'ours, ESM: `import` @passport-genauth/core + @passport-genauth/wechat (dist/index.js)' },
  { key: 'ours-cjs', label: 'ours, CJS: `require` @passport-genauth/core + @passport-genauth/wechat (dist/index.cjs)' },
  { key: 'sdk-cjs', label: '`require("authing-node-sdk")` (CommonJS only)' },
] as const;

export interface ColdRow {
  readonly key: string;
  readonly label: string;
  /** Time inside the process around the import/require. */
  readonly loadMs: Summary;
  /** Spawn to exit, as the parent sees it (Node's own start-up included). */
  readonly processMs: Summary;
  readonly heapDeltaMiB: Summary;
}

export interface ColdStartPhase {
  readonly runs: number;
  readonly rows: ColdRow[];
  /** Per-run ratio of load time, ours (ESM) over the SDK, and ours (CJS) over the SDK. */
  readonly esmOverSdk: Summary;
  readonly cjsOverSdk: Summary;
}

/** Phase 4: load time of the built packages vs the official SDK, each in ≥10 fresh processes, interleaved. */
export async function runColdStartPhase(log: (line: string) => void): Promise<ColdStartPhase> {
  const { runs } = config.coldStart;
  log(`phase 4: cold start, ${runs} fresh processes per target`);
  const probe = childScript('cold-start-probe.mjs');
  const samples = new Map<string, Array<{ ms: number; processMs: number; heapDelta: number }>>();
  for (let i = 0; i < runs; i += 1) {
    for (const target of COLD_TARGETS) {
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      const start = performance.now();
      const { stdout } = await run(process.execPath, [probe, target.key], { env });
      const processMs = performance.now() - start;
      const line = JSON.parse(stdout.trim()) as { ms: number; heapDelta: number };
      samples.set(target.key, [...(samples.get(target.key) ?? []), { ms: line.ms, processMs, heapDelta: line.heapDelta }]);
    }
  }
  const loadMs = (key: string) => samples.get(key)!.map((s) => s.ms);
  const rows = COLD_TARGETS.map((target) => {
    const s = samples.get(target.key)!;
    log(`  ${target.key}: median ${summarize(loadMs(target.key)).median.toFixed(1)} ms`);
    return {
      key: target.key,
      label: target.label,
      loadMs: summarize(loadMs(target.key)),
      processMs: summarize(s.map((x) => x.processMs)),
      heapDeltaMiB: summarize(s.map((x) => x.heapDelta / 2 ** 20)),
    };
  });
  return {
    runs,
    rows,
    esmOverSdk: summarize(ratios(loadMs('ours-esm'), loadMs('sdk-cjs'))),
    cjsOverSdk: summarize(ratios(loadMs('ours-cjs'), loadMs('sdk-cjs'))),
  };
}

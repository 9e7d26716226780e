import { FLOOR, SDK, STRATEGY, loginUrl, startBackend } from '../backends.js';
import type { Child } from '../child.js';
import { config } from '../config.js';
import { backendBody, runLoad, signInBody, signInHeaders, type LoadResult } from '../load.js';
import { warmUp } from '../measure.js';
import { rotate, summarize, type Summary } from '../stats.js';

export interface ThroughputCell {
  readonly target: string;
  readonly connections: number;
  readonly rps: Summary;
  readonly p50Ms: Summary;
  readonly p99Ms: Summary;
  readonly failed: number;
}

export interface ThroughputPhase {
  readonly durationS: number;
  readonly passes: number;
  readonly targets: ReadonlyArray<{ key: string; label: string }>;
  readonly cells: ThroughputCell[];
}

interface Target {
  readonly key: string;
  readonly label: string;
  run(connections: number, durationS: number): Promise<LoadResult>;
}

/**
 * Phase 2: logins per second and p50/p99 latency at each concurrency for (a), (b), (c) and the
 * emulator alone (the ceiling every backend sits under). Every pass visits the whole grid; the
 * target order rotates per pass; each cell reports the median over passes.
 */
export async function runThroughputPhase(emulatorUrl: string, log: (line: string) => void): Promise<ThroughputPhase> {
  const { durationS, passes, concurrency } = config.throughput;
  log(`phase 2: throughput and latency, ${passes} passes × ${durationS} s per cell`);
  const backends: Child[] = [];
  try {
    const targets: Target[] = [];
    for (const spec of [STRATEGY, SDK, FLOOR]) {
      const child = await startBackend(spec, emulatorUrl);
      backends.push(child);
      await warmUp(child, 1, 1);
      await warmUp(child, config.cpu.warmup, 16);
      targets.push({
        key: spec.key,
        label: spec.label,
        run: (connections, duration) => runLoad({ url: loginUrl(child), connections, durationS: duration, body: backendBody }),
      });
    }
    targets.push({
      key: 'emulator',
      label: 'emulator alone (POST signin-by-mobile directly): the ceiling',
      run: (connections, duration) =>
        runLoad({ url: `${emulatorUrl}/api/v3/signin-by-mobile`, connections, durationS: duration, body: signInBody, headers: signInHeaders }),
    });
    const samples = new Map<string, LoadResult[]>();
    for (let pass = 0; pass < passes; pass += 1) {
      for (const connections of concurrency) {
        for (const target of rotate(targets, pass)) {
          const result = await target.run(connections, durationS);
          const id = `${target.key}@${connections}`;
          samples.set(id, [...(samples.get(id) ?? []), result]);
          log(
            `  pass ${pass + 1}/${passes} ${id}: ${result.rps.toFixed(0)}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms${result.non2xx + result.errors ? `, ${result.non2xx + result.errors} failed` : ''}`,
          );
        }
      }
    }
    const cells: ThroughputCell[] = [];
    for (const target of targets) {
      for (const connections of concurrency) {
        const runs = samples.get(`${target.key}@${connections}`) ?? [];
        cells.push({
          target: target.key,
          connections,
          rps: summarize(runs.map((r) => r.rps)),
          p50Ms: summarize(runs.map((r) => r.p50Ms)),
          p99Ms: summarize(runs.map((r) => r.p99Ms)),
          failed: runs.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
        });
      }
    }
    return { durationS, passes, targets: targets.map(({ key, label }) => ({ key, label })), cells };
  } finally {
    await Promise.all(backends.map((child) => child.stop()));
  }
}

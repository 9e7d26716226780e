import { EXPRESS_PASSPORT_FLOOR, FLOOR, SDK, STRATEGY } from '../backends.js';
import { compareBackends } from '../compare.js';
import { config } from '../config.js';
import type { PerLogin } from '../measure.js';
import { ratios, summarize, type Summary } from '../stats.js';

export interface CpuRow {
  readonly key: string;
  readonly label: string;
  readonly cpuUs: Summary;
  readonly allocatedKiB: Summary;
  readonly gcUs: Summary;
  /** Per-round ratio of this backend's CPU per login to (a)'s. */
  readonly vsStrategy: Summary;
}

export interface CpuPhase {
  readonly rounds: number;
  readonly amount: number;
  readonly connections: number;
  readonly rows: CpuRow[];
  /** a/b and a/c, per round, then median and range. */
  readonly aOverB: Summary;
  readonly aOverC: Summary;
  readonly aOverFramework: Summary;
}

/** Phase 1: CPU µs and V8 heap bytes per login in (a), (b), (c) and the Express+passport floor, side by side. */
export async function runCpuPhase(emulatorUrl: string, log: (line: string) => void): Promise<CpuPhase> {
  const specs = [STRATEGY, SDK, FLOOR, EXPRESS_PASSPORT_FLOOR];
  const { rounds, amount, connections, warmup } = config.cpu;
  log(`phase 1: per-login CPU and allocations, ${rounds} rounds × ${amount} logins per backend, ${connections} connections each`);
  const results = await compareBackends(emulatorUrl, specs, { rounds, amount, connections, warmup, log });
  const cpu = (key: string): number[] => results.get(key)!.map((figures: PerLogin) => figures.cpuUs);
  const a = cpu(STRATEGY.key);
  const rows = specs.map((spec) => {
    const figures = results.get(spec.key)!;
    return {
      key: spec.key,
      label: spec.label,
      cpuUs: summarize(figures.map((f) => f.cpuUs)),
      allocatedKiB: summarize(figures.map((f) => f.allocatedBytes / 1024)),
      gcUs: summarize(figures.map((f) => f.gcUs)),
      vsStrategy: summarize(ratios(cpu(spec.key), a)),
    };
  });
  return {
    rounds,
    amount,
    connections,
    rows,
    aOverB: summarize(ratios(a, cpu(SDK.key))),
    aOverC: summarize(ratios(a, cpu(FLOOR.key))),
    aOverFramework: summarize(ratios(a, cpu(EXPRESS_PASSPORT_FLOOR.key))),
  };
}

import { EXPRESS_PASSPORT_FLOOR, EXPRESS_PASSPORT_FLOOR_VERIFY, FLOOR, SDK, STRATEGY, STRATEGY_BARE, type BackendSpec } from '../backends.js';
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
  /** Per-round ratio of this backend's CPU per request to the reference's. */
  readonly vsReference: Summary;
}

/** One ratio of CPU per request, taken round by round, with its target (`undefined`: none). */
export interface RatioFigure {
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly ratio: Summary;
  readonly target: number | undefined;
}

export interface SideBySide {
  readonly rounds: number;
  readonly amount: number;
  readonly connections: number;
  readonly reference: string;
  readonly rows: CpuRow[];
  readonly ratios: RatioFigure[];
}

/** Rows and ratios of a side-by-side comparison. */
export function sideBySide(
  results: Map<string, PerLogin[]>,
  specs: readonly BackendSpec[],
  reference: string,
  wanted: ReadonlyArray<Omit<RatioFigure, 'ratio'>>,
  shape: { rounds: number; amount: number; connections: number },
): SideBySide {
  const cpu = (key: string): number[] => results.get(key)!.map((figures) => figures.cpuUs);
  const rows = specs.map((spec) => {
    const figures = results.get(spec.key)!;
    return {
      key: spec.key,
      label: spec.label,
      cpuUs: summarize(figures.map((f) => f.cpuUs)),
      allocatedKiB: summarize(figures.map((f) => f.allocatedBytes / 1024)),
      gcUs: summarize(figures.map((f) => f.gcUs)),
      vsReference: summarize(ratios(cpu(spec.key), cpu(reference))),
    };
  });
  return {
    ...shape,
    reference,
    rows,
    ratios: wanted.map((w) => ({ ...w, ratio: summarize(ratios(cpu(w.numerator), cpu(w.denominator))) })),
  };
}

/** The login ratios issue 11 sets targets for. */
const LOGIN_RATIOS = [
  { name: 'login, our client + strategy without Express ÷ the floor', numerator: STRATEGY_BARE.key, denominator: FLOOR.key, target: 1.3 },
  {
    name: 'login through Express 5 + passport ÷ the same exchange in a do-nothing strategy behind Express 5 + passport',
    numerator: STRATEGY.key,
    denominator: EXPRESS_PASSPORT_FLOOR.key,
    target: 1.15,
  },
  { name: "login ÷ the official SDK's signInByMobile behind Express", numerator: STRATEGY.key, denominator: SDK.key, target: 0.75 },
  { name: 'login through Express 5 + passport ÷ the bare floor (for reference)', numerator: STRATEGY.key, denominator: FLOOR.key, target: undefined },
  {
    name: "the floor's exchange in a do-nothing strategy behind Express 5 + passport ÷ the SDK's route: the least any passport strategy costs (for reference)",
    numerator: EXPRESS_PASSPORT_FLOOR.key,
    denominator: SDK.key,
    target: undefined,
  },
  {
    name: "the same with the id_token's RS256 signature checked ÷ the SDK's route: the least any passport strategy that verifies costs, the closest (a) ÷ (b) can come (for reference)",
    numerator: EXPRESS_PASSPORT_FLOOR_VERIFY.key,
    denominator: SDK.key,
    target: undefined,
  },
  {
    name: 'login through Express 5 + passport ÷ that verifying do-nothing strategy: what our validation, profile and verify callback add (for reference)',
    numerator: STRATEGY.key,
    denominator: EXPRESS_PASSPORT_FLOOR_VERIFY.key,
    target: undefined,
  },
] as const;

/** Phase 1: CPU µs and V8 heap bytes per login in (a), (b), (c), (c) in Express + passport (without and with the RS256 check), and (d), side by side. */
export async function runCpuPhase(emulatorUrl: string, log: (line: string) => void): Promise<SideBySide> {
  const specs = [STRATEGY, SDK, FLOOR, EXPRESS_PASSPORT_FLOOR, EXPRESS_PASSPORT_FLOOR_VERIFY, STRATEGY_BARE];
  const { rounds, amount, connections, warmup } = config.cpu;
  log(`phase 1: per-login CPU and allocations, ${rounds} rounds × ${amount} logins per backend, ${connections} connections each`);
  const results = await compareBackends(emulatorUrl, specs, { rounds, amount, connections, warmup, log });
  return sideBySide(results, specs, FLOOR.key, LOGIN_RATIOS, { rounds, amount, connections });
}

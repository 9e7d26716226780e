/**
 * The bench's knobs. Defaults keep `pnpm bench` well under 15 minutes on 2 cores; BENCH_QUICK=1
 * shrinks everything for a smoke run (figures then mean little).
 */
const quick = process.env.BENCH_QUICK === '1';

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export const config = {
  quick,
  /**
   * Phase 1: rounds of side-by-side windows, logins per backend per window, connections per backend, and
   * warm-up logins per backend (with 500, CPU and heap per login still fell in every backend over the
   * first ~1,500 measured logins: JIT and heap growth).
   */
  cpu: { rounds: int('BENCH_CPU_ROUNDS', quick ? 2 : 12), amount: quick ? 100 : 300, connections: 8, warmup: quick ? 100 : 2_000 },
  /** Phase 2: seconds per run, passes over the whole grid. */
  throughput: {
    durationS: int('BENCH_TP_SECONDS', quick ? 1 : 3),
    passes: int('BENCH_TP_PASSES', quick ? 1 : 3),
    concurrency: [1, 16, 64, 256] as const,
  },
  /** API calls: rounds of side-by-side windows, calls per backend per window, connections per backend, distinct access tokens. */
  api: { rounds: int('BENCH_API_ROUNDS', quick ? 2 : 12), amount: quick ? 500 : 3_000, connections: 8, warmup: quick ? 500 : 3_000, tokens: 32 },
  /** Memory: API calls through genauth-bearer, sampled after GC every `segment` calls. */
  memory: { total: int('BENCH_MEMORY_CALLS', quick ? 10_000 : 100_000), segment: quick ? 2_000 : 10_000, connections: 64 },
  /** Cold start: fresh processes per target. */
  coldStart: { runs: int('BENCH_COLD_RUNS', quick ? 3 : 21) },
  /** Phase 5: warm-cache rounds; rotations under load; single-login rotation probes. */
  idToken: {
    rounds: int('BENCH_IDTOKEN_ROUNDS', quick ? 2 : 10),
    amount: quick ? 100 : 300,
    loadRotations: quick ? 1 : 3,
    loadAmount: quick ? 600 : 3_000,
    probes: int('BENCH_ROTATION_PROBES', quick ? 2 : 5),
  },
} as const;

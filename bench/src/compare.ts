import { requestsFor, startBackend, type BackendSpec } from './backends.js';
import type { Child } from './child.js';
import { runLoad } from './load.js';
import { warmUp, type PerLogin, type WindowReport } from './measure.js';

export interface CompareOptions {
  readonly rounds: number;
  /** Logins per backend per measured window. */
  readonly amount: number;
  /** Concurrent connections per backend. */
  readonly connections: number;
  /** Logins each backend serves before its first window. */
  readonly warmup: number;
  readonly log?: (line: string) => void;
  /** Access tokens the API backends are called with (in turn). */
  readonly tokens?: readonly string[];
}

async function loadAll(
  started: ReadonlyArray<{ spec: BackendSpec; child: Child }>,
  amount: number,
  connections: number,
  tokens: readonly string[] | undefined,
) {
  return Promise.all(started.map(({ spec, child }) => runLoad({ ...requestsFor(spec, child, tokens), connections, amount })));
}

/**
 * Measures several backends side by side, literally: every round opens a window in each backend,
 * drives all of them at once (one autocannon per backend, same concurrency, same number of
 * logins), then closes the windows. Every backend thus runs through the same moment of this shared,
 * noisy machine, and a ratio taken within a round compares like with like. Returns each backend's
 * per-round figures in round order.
 */
export async function compareBackends(emulatorUrl: string, specs: readonly BackendSpec[], options: CompareOptions): Promise<Map<string, PerLogin[]>> {
  const started: Array<{ spec: BackendSpec; child: Child }> = [];
  try {
    for (const spec of specs) started.push({ spec, child: await startBackend(spec, emulatorUrl) });
    // A first login one backend at a time (it fetches the JWKS): a fresh backend's first JWKS fetch
    // must not wait behind the other backends' load (see RESULTS.md, "What did not work").
    for (const { spec, child } of started) await warmUp(child, 1, 1, requestsFor(spec, child, options.tokens));
    // Then the warm-up, all backends at once, exactly like a round. Warmed one after the other, the
    // first backends sat idle while the others warmed, and paid for it in the first ~7 rounds (up to
    // +60 % CPU per login for the first one: V8 shrinks an idle heap and regrows it under load).
    const warm = await loadAll(started, options.warmup, options.connections, options.tokens);
    warm.forEach((load, i) => {
      if (load.ok !== options.warmup) throw new Error(`${started[i]!.spec.key}: warm-up had ${options.warmup - load.ok} failed requests`);
    });
    const results = new Map<string, PerLogin[]>(specs.map((spec) => [spec.key, []]));
    for (let round = 0; round < options.rounds; round += 1) {
      await Promise.all(started.map(({ child }) => child.rpc('begin')));
      const loads = await loadAll(started, options.amount, options.connections, options.tokens);
      const reports = await Promise.all(started.map(({ child }) => child.rpc<WindowReport>('end')));
      const line: string[] = [];
      started.forEach(({ spec }, i) => {
        const load = loads[i]!;
        const report = reports[i]!;
        if (load.ok !== options.amount || report.logins !== options.amount) {
          throw new Error(`${spec.key}: ${options.amount - load.ok} of ${options.amount} logins failed (non2xx ${load.non2xx}, errors ${load.errors})`);
        }
        const figures: PerLogin = {
          cpuUs: (report.userUs + report.systemUs) / options.amount,
          userUs: report.userUs / options.amount,
          systemUs: report.systemUs / options.amount,
          allocatedBytes: report.allocatedBytes / options.amount,
          gcUs: report.gcCostUs / options.amount,
          load,
        };
        results.get(spec.key)!.push(figures);
        line.push(`${spec.key} ${figures.cpuUs.toFixed(0)}µs/${(figures.allocatedBytes / 1024).toFixed(0)}KiB`);
      });
      options.log?.(`  round ${round + 1}/${options.rounds}: ${line.join(', ')}`);
    }
    return results;
  } finally {
    await Promise.all(started.map(({ child }) => child.stop()));
  }
}

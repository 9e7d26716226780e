import { STRATEGY, loginUrl, startBackend } from '../backends.js';
import { config } from '../config.js';
import { backendBody, runLoad } from '../load.js';
import { warmUp } from '../measure.js';
import { linearFit } from '../stats.js';

export interface MemorySample {
  readonly logins: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
}

export interface MemoryPhase {
  readonly total: number;
  readonly connections: number;
  readonly samples: MemorySample[];
  /** Least-squares slope of post-GC heapUsed, bytes per 1,000 logins. */
  readonly heapSlopePer1k: number;
  readonly rssSlopePer1k: number;
  /** Largest minus smallest post-GC heapUsed over the run (after the first sample). */
  readonly heapRange: number;
  readonly failed: number;
  readonly seconds: number;
}

/**
 * Phase 3: 100,000 logins through (a) in a fresh process (--expose-gc); after every segment the
 * backend runs two full GCs and reports RSS and heap, so the slope is of live memory only.
 */
export async function runMemoryPhase(emulatorUrl: string, log: (line: string) => void): Promise<MemoryPhase> {
  const { total, segment, connections } = config.memory;
  log(`phase 3: memory over ${total.toLocaleString('en-US')} logins through (a), sampled after GC every ${segment.toLocaleString('en-US')}`);
  const backend = await startBackend(STRATEGY, emulatorUrl);
  const started = Date.now();
  try {
    await warmUp(backend, 1, 1);
    await warmUp(backend, 2_000, connections);
    const samples: MemorySample[] = [];
    const sample = async (logins: number) => {
      const m = await backend.rpc<{ rss: number; heapUsed: number; external: number }>('memory');
      samples.push({ logins, rss: m.rss, heapUsed: m.heapUsed, external: m.external });
      log(`  ${logins.toLocaleString('en-US')} logins: heapUsed ${(m.heapUsed / 2 ** 20).toFixed(2)} MiB, rss ${(m.rss / 2 ** 20).toFixed(1)} MiB`);
    };
    await sample(0);
    let failed = 0;
    for (let done = 0; done < total; done += segment) {
      const load = await runLoad({ url: loginUrl(backend), connections, amount: segment, body: backendBody });
      failed += segment - load.ok;
      await sample(done + segment);
    }
    const x = samples.map((s) => s.logins / 1000);
    const heap = samples.map((s) => s.heapUsed);
    const later = heap.slice(1);
    return {
      total,
      connections,
      samples,
      heapSlopePer1k: linearFit(x, heap).slope,
      rssSlopePer1k: linearFit(x, samples.map((s) => s.rss)).slope,
      heapRange: Math.max(...later) - Math.min(...later),
      failed,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await backend.stop();
  }
}

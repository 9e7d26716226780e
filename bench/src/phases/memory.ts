import { API_BEARER, requestsFor, startBackend } from '../backends.js';
import { config } from '../config.js';
import { runLoad } from '../load.js';
import { warmUp } from '../measure.js';
import { linearFit } from '../stats.js';

export interface MemorySample {
  /** API calls served so far (after the warm-up). */
  readonly calls: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
}

export interface MemoryPhase {
  readonly total: number;
  readonly connections: number;
  readonly tokens: number;
  readonly samples: MemorySample[];
  /** Least-squares slope of post-GC heapUsed, bytes per 1,000 calls. */
  readonly heapSlopePer1k: number;
  readonly rssSlopePer1k: number;
  /** Largest minus smallest post-GC heapUsed over the run (after the first sample). */
  readonly heapRange: number;
  readonly failed: number;
  readonly seconds: number;
}

/**
 * Phase: 100,000 API calls through genauth-bearer in a fresh process (--expose-gc); after every
 * segment the backend runs two full GCs and reports RSS and heap, so the slope is of live memory only.
 */
export async function runMemoryPhase(emulatorUrl: string, tokens: readonly string[], log: (line: string) => void): Promise<MemoryPhase> {
  const { total, segment, connections } = config.memory;
  log(`phase: memory over ${total.toLocaleString('en-US')} API calls through genauth-bearer, sampled after GC every ${segment.toLocaleString('en-US')}`);
  const backend = await startBackend(API_BEARER, emulatorUrl);
  const requests = requestsFor(API_BEARER, backend, tokens);
  const started = Date.now();
  try {
    await warmUp(backend, 1, 1, requests);
    await warmUp(backend, 5_000, connections, requests);
    const samples: MemorySample[] = [];
    const sample = async (calls: number) => {
      const m = await backend.rpc<{ rss: number; heapUsed: number; external: number }>('memory');
      samples.push({ calls, rss: m.rss, heapUsed: m.heapUsed, external: m.external });
      log(`  ${calls.toLocaleString('en-US')} calls: heapUsed ${(m.heapUsed / 2 ** 20).toFixed(2)} MiB, rss ${(m.rss / 2 ** 20).toFixed(1)} MiB`);
    };
    await sample(0);
    let failed = 0;
    for (let done = 0; done < total; done += segment) {
      const load = await runLoad({ ...requests, connections, amount: segment });
      failed += segment - load.ok;
      await sample(done + segment);
    }
    const x = samples.map((s) => s.calls / 1000);
    const heap = samples.map((s) => s.heapUsed);
    const later = heap.slice(1);
    return {
      total,
      connections,
      tokens: tokens.length,
      samples,
      heapSlopePer1k: linearFit(x, heap).slope,
      rssSlopePer1k: linearFit(
        x,
        samples.map((s) => s.rss),
      ).slope,
      heapRange: Math.max(...later) - Math.min(...later),
      failed,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await backend.stop();
  }
}

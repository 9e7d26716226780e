// Measures a backend from the inside: CPU time, V8 heap allocation, GC and event-loop use over a
// window the orchestrator opens and closes, plus post-GC memory snapshots.
//
// Allocation method: v8.GCProfiler reports the heap before and after every GC that runs inside the
// window. Every byte allocated in the window is either still live at its end or was freed by one of
// those GCs, so  allocated = (usedHeap(end) - usedHeap(start)) + Σ (usedHeap before GC - after GC).
// This counts the V8 heap (JS objects, strings, closures); Buffer backing stores (socket I/O) are
// external memory and are not in it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';

/** Counts completed logins; the backend calls `loggedIn()` once per successful response. */
export function createAgent() {
  let ok = 0;
  let window;
  let session;

  const usedHeap = () => v8.getHeapStatistics().used_heap_size;

  const handlers = {
    /** `gcFirst`: collect before opening the window (a one-login window must not pay for earlier garbage). */
    begin({ gcFirst = false } = {}) {
      if (gcFirst && typeof globalThis.gc === 'function') globalThis.gc();
      const profiler = new v8.GCProfiler();
      profiler.start();
      window = {
        profiler,
        used: usedHeap(),
        ok,
        cpu: process.cpuUsage(),
        wall: process.hrtime.bigint(),
        elu: performance.eventLoopUtilization(),
      };
      return null;
    },
    end() {
      if (!window) throw new Error('end without begin');
      const cpu = process.cpuUsage(window.cpu);
      const wallNs = process.hrtime.bigint() - window.wall;
      const elu = performance.eventLoopUtilization(window.elu);
      const gcs = window.profiler.stop().statistics;
      const used = usedHeap();
      let freed = 0;
      let gcCostUs = 0;
      for (const gc of gcs) {
        freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
        gcCostUs += gc.cost;
      }
      const result = {
        logins: ok - window.ok,
        userUs: cpu.user,
        systemUs: cpu.system,
        wallMs: Number(wallNs) / 1e6,
        allocatedBytes: used - window.used + freed,
        gcCount: gcs.length,
        gcCostUs,
        eventLoopUtilization: elu.utilization,
      };
      window = undefined;
      return result;
    },
    /** Memory after a full GC (needs --expose-gc). */
    memory() {
      if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
      globalThis.gc();
      globalThis.gc();
      const m = process.memoryUsage();
      return { logins: ok, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
    },
    cpu() {
      return process.cpuUsage();
    },
    /**
     * V8's sampling CPU profiler (what `node --cpu-prof` runs), started and stopped over the same
     * window as the measurements, so that start-up and warm-up stay out of the profile.
     */
    async profileStart({ intervalUs = 100 }) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
      await session.post('Profiler.start');
      return null;
    },
    async profileStop({ path }) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      writeFileSync(path, JSON.stringify(profile));
      return { path };
    },
  };

  return {
    handlers,
    loggedIn() {
      ok += 1;
    },
  };
}

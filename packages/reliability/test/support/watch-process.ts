import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The host process. Jest hands test code a copy of `process` with its own event emitter, so listeners
 * for `unhandledRejection` must go on the real one (found through the host realm).
 */
const hostProcess = vm.runInThisContext('process') as NodeJS.Process;

/** Unhandled rejections seen on the host process while the watch is on. */
export interface RejectionWatch {
  readonly seen: readonly unknown[];
  stop(): void;
}

/** Starts recording every unhandled rejection of the process (Jest also fails the test that caused it). */
export function watchUnhandledRejections(): RejectionWatch {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
  };
  hostProcess.on('unhandledRejection', listener);
  return {
    seen,
    stop: () => {
      hostProcess.off('unhandledRejection', listener);
    },
  };
}

/** `Object.prototype` and `Array.prototype` of both realms: Jest's sandbox (Express, our code) and the host (Node's own objects). */
export function prototypesToWatch(): ReadonlyArray<{ readonly name: string; readonly proto: object }> {
  return [
    { name: 'Object.prototype', proto: Object.prototype },
    { name: 'Array.prototype', proto: Array.prototype },
    { name: 'Function.prototype', proto: Function.prototype },
    { name: 'host Object.prototype', proto: vm.runInThisContext('Object.prototype') as object },
    { name: 'host Array.prototype', proto: vm.runInThisContext('Array.prototype') as object },
  ];
}

/** The own keys of each watched prototype, to compare before and after a run. */
export function prototypeKeys(): Record<string, string[]> {
  return Object.fromEntries(prototypesToWatch().map(({ name, proto }) => [name, Reflect.ownKeys(proto).map(String).sort()]));
}

/** A full garbage collection (exposes V8's `gc` when the process was not started with `--expose-gc`). */
export function collectGarbage(): void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) {
    existing();
    return;
  }
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
}

/**
 * Heap in use once full collections stop freeing memory: collects, lets the event loop turn (weak
 * callbacks, finalizers, closed sockets, Jest releasing an earlier test file's module registry), and
 * repeats until two readings agree within 256 KiB.
 */
export async function settledHeapUsed(): Promise<number> {
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 20; round += 1) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 50));
    collectGarbage();
    const current = process.memoryUsage().heapUsed;
    if (Math.abs(previous - current) < 256 * 1024) return current;
    previous = current;
  }
  return previous;
}

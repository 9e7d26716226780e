// The local GenAuth for the bench, in its own process so that its CPU (two RSA signatures per login)
// is never counted against a backend.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startEmulator } from '@passport-genauth/emulator';
import { ready, serve } from './rpc.mjs';

const emulator = await startEmulator({ port: 0, maxLogEntries: 0 });
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let elu = performance.eventLoopUtilization();

serve({
  stats: () => emulator.stats(),
  rotate: async () => ({ kid: await emulator.rotateKeys() }),
  reset: () => {
    emulator.reset();
    return null;
  },
  cpu: () => process.cpuUsage(),
  /** Event-loop health since the last call: is the emulator itself the bottleneck? */
  loop: () => {
    const result = {
      utilization: performance.eventLoopUtilization(elu).utilization,
      delayP99Ms: loopDelay.percentile(99) / 1e6,
      delayMaxMs: loopDelay.max / 1e6,
    };
    elu = performance.eventLoopUtilization();
    loopDelay.reset();
    return result;
  },
  close: async () => {
    await emulator.close();
    setImmediate(() => process.exit(0));
    return null;
  },
});
ready({ url: emulator.url });

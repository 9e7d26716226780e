/**
 * `pnpm bench`: runs the six phases against a local emulator and rewrites bench/RESULTS.md.
 * Expects the built dist of core, wechat and the emulator (the root `bench` script builds them first).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { childScript, spawnChild } from './child.js';
import { machineInfo } from './machine.js';
import { apiTokens, runApiPhase } from './phases/api.js';
import { runColdStartPhase } from './phases/cold-start.js';
import { runCpuPhase } from './phases/cpu.js';
import { runIdTokenPhase } from './phases/id-token.js';
import { runMemoryPhase } from './phases/memory.js';
import { runThroughputPhase } from './phases/throughput.js';
import { renderResults } from './report.js';

const started = Date.now();
const log = (line: string): void => {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${seconds}s] ${line}\n`);
};

const machine = machineInfo();
log(`bench on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}`);
const emulator = await spawnChild('emulator', childScript('emulator-host.mjs'));
const emulatorUrl = String(emulator.info.url);
log(`emulator at ${emulatorUrl} (pid ${emulator.pid})`);

try {
  const cpu = await runCpuPhase(emulatorUrl, log);
  const tokens = await apiTokens(emulatorUrl);
  const api = await runApiPhase(emulatorUrl, tokens, log);
  const throughput = await runThroughputPhase(emulatorUrl, log);
  await emulator.rpc('reset');
  const memory = await runMemoryPhase(emulatorUrl, tokens, log);
  const coldStart = await runColdStartPhase(emulatorUrl, log);
  await emulator.rpc('reset');
  const idToken = await runIdTokenPhase(emulator, emulatorUrl, log);
  const out = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
  writeFileSync(
    out,
    renderResults({
      machine,
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
      seconds: (Date.now() - started) / 1000,
      cpu,
      api,
      throughput,
      memory,
      coldStart,
      idToken,
    }),
  );
  log(`wrote ${out}`);
} finally {
  await emulator.stop();
}

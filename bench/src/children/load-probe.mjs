// Load time of some modules in a fresh process: `node <layout>/load-probe.mjs <esm|cjs> <specifier>...`.
// The orchestrator copies this file into a consumer's node_modules layout, so that every specifier
// resolves as it would in an app there. Loads them in order and prints one JSON line: wall-clock and
// CPU ms around the loads. Specifiers before `--after` are loaded first, untimed (to time core's own
// code with its dependencies already loaded).
import { createRequire } from 'node:module';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const [mode, ...rest] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const split = rest.indexOf('--after');
const untimed = split < 0 ? [] : rest.slice(0, split);
const timed = split < 0 ? rest : rest.slice(split + 1);
const load = (specifier) => (mode === 'cjs' ? require(specifier) : import(specifier));

for (const specifier of untimed) await load(specifier);
const start = { wall: performance.now(), cpu: cpuMs() };
for (const specifier of timed) await load(specifier);
process.stdout.write(`${JSON.stringify({ wall: performance.now() - start.wall, cpu: cpuMs() - start.cpu })}\n`);
process.exit(0);

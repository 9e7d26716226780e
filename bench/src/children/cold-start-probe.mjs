// One cold start, in a fresh process: how long loading a library takes (the built dist for ours),
// measured inside the process around the import/require only. Prints one JSON line.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const loaders = {
  'ours-esm': async () => {
    await import('@passport-genauth/core');
    await import('@passport-genauth/wechat');
  },
  'ours-cjs': async () => {
    require('@passport-genauth/core');
    require('@passport-genauth/wechat');
  },
  'sdk-cjs': async () => {
    require('authing-node-sdk');
  },
};

const target = process.argv[2];
const load = loaders[target];
if (!load) throw new Error(`unknown target ${target}`);
const heapBefore = process.memoryUsage().heapUsed;
const start = performance.now();
await load();
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ target, ms, heapDelta: process.memoryUsage().heapUsed - heapBefore })}\n`);

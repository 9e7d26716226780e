// Micro-benchmark behind PROFILE.md F12: what each part of a cold start costs to load, each case in a
// fresh `node` process, cases interleaved, in a consumer's layout (the bench's cold-start phase builds
// them under $TMPDIR/passport-genauth-bench-layouts). Run: node bench/src/micro/load-parts.mjs [layout] [runs]
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2] || join(tmpdir(), 'passport-genauth-bench-layouts', 'dist');
const runs = Number(process.argv[3] ?? 9);
const preload = "await import('zod'); await import('undici/lib/dispatcher/agent.js'); await import('passport-strategy'); mark();";
const cases = {
  'zod (ESM)': "await import('zod');",
  'zod (CJS)': "require('zod');",
  "undici's Agent": "await import('undici/lib/dispatcher/agent.js');",
  'passport-strategy': "await import('passport-strategy');",
  'core + wechat alone, dependencies loaded (ESM)': `${preload} await import('@passport-genauth/core'); await import('@passport-genauth/wechat');`,
  'core + wechat alone, dependencies loaded (CJS)': `${preload.replace(/await import/g, 'require')} require('@passport-genauth/core'); require('@passport-genauth/wechat');`,
  'core + wechat, everything (ESM)': "await import('@passport-genauth/core'); await import('@passport-genauth/wechat');",
  'core + wechat, everything (CJS)': "require('@passport-genauth/core'); require('@passport-genauth/wechat');",
  'the SDK (CJS)': "require('authing-node-sdk');",
};
const probe = join(dir, 'load-part.mjs');
const results = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
try {
  for (let run = 0; run < runs; run += 1) {
    for (const [name, code] of Object.entries(cases)) {
      writeFileSync(
        probe,
        `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
let wall0 = performance.now(); let cpu0 = cpu();
const mark = () => { wall0 = performance.now(); cpu0 = cpu(); };
${code}
process.stdout.write(JSON.stringify({ wall: performance.now() - wall0, cpu: cpu() - cpu0 }));`,
      );
      const child = spawnSync(process.execPath, [probe], { cwd: dir, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
      results[name].push(JSON.parse(child.stdout));
    }
  }
} finally {
  rmSync(probe, { force: true });
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`${runs} fresh processes per case, interleaved; median ms`);
for (const [name, samples] of Object.entries(results)) {
  console.log(
    `${name.padEnd(48)} CPU ${median(samples.map((s) => s.cpu))
      .toFixed(1)
      .padStart(6)}  wall ${median(samples.map((s) => s.wall))
      .toFixed(1)
      .padStart(6)}`,
  );
}

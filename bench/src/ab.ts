/**
 * A/B of a core change, side by side: (a) built from the current sources against (a) built with some
 * of `bench/patches/**` reverted (or applied), next to the two do-nothing passport strategies (and
 * the SDK), every backend in each round at once as in phase 1. Prints each backend's CPU per login
 * and the ratios, round by round then the median. Run (from bench/, after `npx -y pnpm@10 bench`'s
 * build): `AB_REVERT=applied/10-read-responses-in-a-dispatch-handler.patch npx tsx src/ab.ts`.
 *
 * AB_REVERT / AB_PATCH: comma-separated patch paths under bench/patches for build B. AB_SDK=1 adds (b);
 * AB_DIST=1 adds (a) from the built dist; AB_ORDER=reverse starts the backends in reverse order;
 * AB_ROUNDS (12), AB_WARMUP (2,000 logins per backend).
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { EXPRESS_PASSPORT_FLOOR, EXPRESS_PASSPORT_FLOOR_VERIFY, SDK, STRATEGY, strategyFromBundle, type BackendSpec } from './backends.js';
import { childScript, spawnChild } from './child.js';
import { compareBackends } from './compare.js';
import { buildVariant, type Variant } from './scratch.js';
import { ratios, summarize } from './stats.js';

/** One ESM file exporting the variant's GenAuthClient and WechatStrategy, as backend-strategy.mjs loads it. */
async function bundle(variant: Variant): Promise<string> {
  const dist = await buildVariant(variant);
  const out = join(dist.core, '..', '..', 'ab-bundle.mjs');
  const core = join(dist.core, 'index.js');
  await build({
    stdin: {
      contents: `export { GenAuthClient } from ${JSON.stringify(core)}; export { WechatStrategy } from ${JSON.stringify(join(dist.wechat, 'index.js'))};`,
      resolveDir: dist.core,
      loader: 'js',
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['zod', 'zod/*', 'undici', 'undici/*', 'passport-strategy'],
    plugins: [{ name: 'variant-core', setup: (b) => b.onResolve({ filter: /^@passport-genauth\/core$/ }, () => ({ path: core })) }],
  });
  return out;
}

const list = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);
const [a, b] = [await bundle({ name: 'ab-A' }), await bundle({ name: 'ab-B', reverted: list(process.env.AB_REVERT), patches: list(process.env.AB_PATCH) })];
const specs: BackendSpec[] = [
  strategyFromBundle('A', 'A: the current sources', a),
  strategyFromBundle('B', `B: reverted ${process.env.AB_REVERT ?? '-'}, applied ${process.env.AB_PATCH ?? '-'}`, b),
  EXPRESS_PASSPORT_FLOOR,
  EXPRESS_PASSPORT_FLOOR_VERIFY,
  ...(process.env.AB_DIST === '1' ? [STRATEGY] : []),
  ...(process.env.AB_SDK === '1' ? [SDK] : []),
];
if (process.env.AB_ORDER === 'reverse') specs.reverse();

const emulator = await spawnChild('emulator', childScript('emulator-host.mjs'));
try {
  const results = await compareBackends(String(emulator.info.url), specs, {
    rounds: Number(process.env.AB_ROUNDS ?? 12),
    amount: 300,
    connections: 8,
    warmup: Number(process.env.AB_WARMUP ?? 2_000),
    log: (line) => console.log(line),
  });
  const cpu = (key: string): number[] => results.get(key)!.map((round) => round.cpuUs);
  const show = (name: string, values: number[]): void => {
    const { median, min, max } = summarize(values);
    console.log(`${name}: ${median.toFixed(3)} (${min.toFixed(3)}–${max.toFixed(3)})`);
  };
  for (const key of results.keys()) show(`${key}, CPU µs per login`, cpu(key));
  const pairs: Array<[string, string]> = [
    ['A', 'B'],
    ['A', 'c+express+passport'],
    ['B', 'c+express+passport'],
    ['A', 'c+express+passport+sig'],
    ...(results.has('b')
      ? ([
          ['A', 'b'],
          ['B', 'b'],
          ['c+express+passport+sig', 'b'],
        ] as Array<[string, string]>)
      : []),
    ...(results.has('a') ? ([['a', 'c+express+passport']] as Array<[string, string]>) : []),
  ];
  for (const [top, bottom] of pairs) show(`${top} ÷ ${bottom}`, ratios(cpu(top), cpu(bottom)));
} finally {
  await emulator.stop();
}

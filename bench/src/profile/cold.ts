import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { med, num, table } from '../format.js';
import { consumerLayout, type ConsumerLayout } from '../layout.js';
import { coldRow, coldStartOnce, type ColdSample } from '../phases/cold-start.js';
import { buildVariant, coreDependencyVersion, type Variant } from '../scratch.js';
import { ratios, summarize } from '../stats.js';

/**
 * "Before" patch 06, rebuilt on today's sources: core takes its Agent from undici's whole entry. (Reverting
 * 06 and 07 themselves stopped applying once later patches changed the same lines.)
 */
const UNDICI_WHOLE_ENTRY = 'before/undici-whole-entry.patch';

const VARIANTS: ReadonlyArray<Variant & { readonly label: string; readonly otel?: boolean }> = [
  { name: 'before', patches: [UNDICI_WHOLE_ENTRY], label: 'before 06: core imports `undici` (the whole entry)' },
  { name: 'head', label: "HEAD: core loads undici's Agent by path (and reads answers with its own dispatch handler)" },
  { name: 'head+otel', otel: true, label: 'HEAD with the optional peer @opentelemetry/api installed (core loads it at import)' },
  { name: 'head+zod-bundled', bundle: ['zod'], label: "HEAD with zod bundled into core's dist (tsup `noExternal: ['zod']`; not applied)" },
];

interface LoadFigure {
  readonly wall: number;
  readonly cpu: number;
}

function loadOnce(layout: ConsumerLayout, mode: 'esm' | 'cjs', specifiers: readonly string[]): LoadFigure {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  const out = execFileSync(process.execPath, [join(layout.dir, 'load-probe.mjs'), mode, ...specifiers], { env, encoding: 'utf8' });
  return JSON.parse(out.trim()) as LoadFigure;
}

/** The load time of each dependency (and of our own code), each in fresh processes, interleaved. */
function decomposition(layouts: { head: ConsumerLayout; otel: ConsumerLayout }, runs: number): string {
  const UNDICI_PARTS_SPECIFIERS = ['undici/lib/dispatcher/agent.js'];
  const rows: Array<{ label: string; layout: ConsumerLayout; mode: 'esm' | 'cjs'; specifiers: string[] }> = [
    { label: `undici ${coreDependencyVersion('undici')}, the whole entry (\`require('undici')\`)`, layout: layouts.head, mode: 'cjs', specifiers: ['undici'] },
    {
      label: 'undici, the module core loads (`lib/dispatcher/agent.js`)',
      layout: layouts.head,
      mode: 'cjs',
      specifiers: UNDICI_PARTS_SPECIFIERS,
    },
    { label: `zod ${coreDependencyVersion('zod')}, ESM (\`import('zod')\`)`, layout: layouts.head, mode: 'esm', specifiers: ['zod'] },
    { label: 'zod, CommonJS', layout: layouts.head, mode: 'cjs', specifiers: ['zod'] },
    { label: 'passport-strategy', layout: layouts.head, mode: 'cjs', specifiers: ['passport-strategy'] },
    { label: '@opentelemetry/api (only when the app installed it)', layout: layouts.otel, mode: 'cjs', specifiers: ['@opentelemetry/api'] },
    {
      label: 'our own code, ESM: core + wechat with their dependencies already loaded',
      layout: layouts.head,
      mode: 'esm',
      specifiers: ['zod', ...UNDICI_PARTS_SPECIFIERS, 'passport-strategy', '--after', '@passport-genauth/core', '@passport-genauth/wechat'],
    },
    {
      label: 'our own code, CommonJS',
      layout: layouts.head,
      mode: 'cjs',
      specifiers: ['zod', ...UNDICI_PARTS_SPECIFIERS, 'passport-strategy', '--after', '@passport-genauth/core', '@passport-genauth/wechat'],
    },
    {
      label: '**core + wechat, ESM, everything** (`import`)',
      layout: layouts.head,
      mode: 'esm',
      specifiers: ['@passport-genauth/core', '@passport-genauth/wechat'],
    },
    {
      label: '**core + wechat, CommonJS, everything** (`require`)',
      layout: layouts.head,
      mode: 'cjs',
      specifiers: ['@passport-genauth/core', '@passport-genauth/wechat'],
    },
    { label: '**authing-node-sdk 4.0.1** (`require`)', layout: layouts.head, mode: 'cjs', specifiers: ['authing-node-sdk'] },
  ];
  const samples = rows.map(() => [] as LoadFigure[]);
  rows.forEach((row) => loadOnce(row.layout, row.mode, row.specifiers)); // unmeasured: file system caches
  for (let i = 0; i < runs; i += 1) rows.forEach((row, j) => samples[j]!.push(loadOnce(row.layout, row.mode, row.specifiers)));
  return table(
    ['what is loaded, in a fresh process', 'CPU ms', 'wall ms'],
    rows.map((row, j) => [row.label, med(summarize(samples[j]!.map((s) => s.cpu)), 1), med(summarize(samples[j]!.map((s) => s.wall)), 1)]),
  );
}

/**
 * The cold-start sections of PROFILE-RESULTS.md: the load split by dependency, and the time to the
 * first login of each packaging variant against the SDK, every target in fresh processes, interleaved.
 */
export async function coldStartSections(emulatorUrl: string, log: (line: string) => void, quick: boolean): Promise<string[]> {
  const runs = quick ? 3 : 11;
  log('cold start: building the packaging variants');
  const layouts = new Map<string, ConsumerLayout>();
  for (const variant of VARIANTS) {
    const dist = variant.name === 'head+otel' ? undefined : await buildVariant(variant);
    const source = variant.name === 'head+otel' ? await buildVariant({ name: 'head' }) : dist;
    layouts.set(variant.name, consumerLayout(variant.name, { ...(source ? { dist: source } : {}), withOpenTelemetry: variant.otel === true }));
  }
  log(`cold start: load time by dependency, ${runs} fresh processes each`);
  const split = decomposition({ head: layouts.get('head')!, otel: layouts.get('head+otel')! }, runs);

  log(`cold start: first login of each variant against the SDK, ${runs} fresh processes each`);
  const targets = [
    ...VARIANTS.flatMap((v) =>
      (['ours-esm', 'ours-cjs'] as const).map((t) => ({
        key: `${v.name} ${t.slice(5)}`,
        probe: t,
        label: `${v.label}, ${t.slice(5).toUpperCase()}`,
        layout: layouts.get(v.name)!,
      })),
    ),
    { key: 'sdk', probe: 'sdk-cjs', label: 'authing-node-sdk 4.0.1', layout: layouts.get('head')! },
  ];
  const samples = new Map<string, ColdSample[]>(targets.map((t) => [t.key, []]));
  for (const t of targets) await coldStartOnce(t.probe, emulatorUrl, { BENCH_COLD_PACKAGES: t.layout.modules });
  for (let i = 0; i < runs; i += 1) {
    for (const t of targets) samples.get(t.key)!.push(await coldStartOnce(t.probe, emulatorUrl, { BENCH_COLD_PACKAGES: t.layout.modules }));
  }
  const sdk = samples.get('sdk')!;
  const rows = targets.map((t) => {
    const s = samples.get(t.key)!;
    const row = coldRow(t.key, t.label, s);
    const over = (pick: (x: ColdSample) => number) => med(summarize(ratios(s.map(pick), sdk.map(pick))), 2);
    return [
      t.label,
      med(row.firstLoginMs),
      med(row.firstLoginCpuMs),
      `${med(row.loadMs)} (CPU ${num(row.loadCpuMs.median)})`,
      `${med(row.loginMs)} (CPU ${num(row.loginCpuMs.median)})`,
      t.key === 'sdk' ? '1' : over((x) => x.firstLoginMs),
      t.key === 'sdk' ? '1' : over((x) => x.firstLoginCpuMs),
    ];
  });
  return [
    [
      '## Cold start: load time by dependency',
      '',
      `Each row in its own fresh \`node\` process (${runs} runs, interleaved; median (min–max)), in a consumer's layout: core and wechat's \`package.json\` and \`dist\` with core's runtime dependencies only (none of its devDependencies, which a workspace run would also resolve). "Our own code" loads the dependencies first, untimed, then times core + wechat.`,
      '',
      split,
    ].join('\n'),
    [
      '## Cold start to the first login, by packaging variant',
      '',
      `Each variant built from core's sources the way tsup builds them (esbuild, one bundle per package and format), installed in a consumer's layout; fresh processes, ${runs} runs, all targets interleaved; the emulator runs in another process. "First login at" counts from the process's start (Node's own start-up included).`,
      '',
      table(['target', 'first login at, ms', 'CPU ms by then', 'load, ms', 'first login, ms', '÷ SDK (time)', '÷ SDK (CPU)'], rows),
    ].join('\n'),
  ];
}

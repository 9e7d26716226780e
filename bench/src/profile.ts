/**
 * `pnpm --filter @passport-genauth/bench profile`: where the CPU of a login and of an API call goes,
 * layer by layer from the floors up, V8 CPU profiles of the hot paths, and the cold start split by
 * dependency, before and after the packaging changes. Writes bench/PROFILE-RESULTS.md; PROFILE.md
 * discusses it. BENCH_PROFILE_SECTIONS=login,api,profiles,cold runs only the named sections.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as B from './backends.js';
import { childScript, spawnChild } from './child.js';
import { compareBackends } from './compare.js';
import { med, num, table } from './format.js';
import { mintAccessTokens } from './load.js';
import { machineInfo } from './machine.js';
import type { PerLogin } from './measure.js';
import { coldStartSections } from './profile/cold.js';
import { profileBackend, type ProfileSummary } from './profile/run.js';
import { differences, ratios, summarize } from './stats.js';

const started = Date.now();
const log = (line: string): void => {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
};
const quick = process.env.BENCH_QUICK === '1';
const wanted = new Set((process.env.BENCH_PROFILE_SECTIONS ?? 'login,api,profiles,cold').split(','));
const rounds = quick ? 2 : 10;
const loginCompare = { rounds, amount: quick ? 100 : 300, connections: 8, warmup: quick ? 100 : 2_000, log };
const apiCompare = { rounds, amount: quick ? 500 : 3_000, connections: 8, warmup: quick ? 500 : 3_000, log };

function cpuOf(figures: PerLogin[]): number[] {
  return figures.map((f) => f.cpuUs);
}

function rowsAgainst(results: Map<string, PerLogin[]>, reference: string, specs: readonly B.BackendSpec[]): string[][] {
  const ref = results.get(reference)!;
  return specs.map((spec) => {
    const figures = results.get(spec.key)!;
    return [
      `${spec.key}: ${spec.label}`,
      med(summarize(cpuOf(figures))),
      spec.key === reference ? '1' : med(summarize(ratios(cpuOf(figures), cpuOf(ref))), 2),
      spec.key === reference ? '0' : med(summarize(differences(cpuOf(figures), cpuOf(ref)))),
      med(summarize(figures.map((f) => f.allocatedBytes / 1024)), 1),
      med(summarize(figures.map((f) => f.gcUs))),
    ];
  });
}

function ratioLines(results: Map<string, PerLogin[]>, pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([a, b]) => `- ${a} ÷ ${b}: ${med(summarize(ratios(cpuOf(results.get(a)!), cpuOf(results.get(b)!))), 2)}`).join('\n');
}

const header = (unit: string) => [
  'backend',
  `CPU µs / ${unit}`,
  '÷ reference, per round',
  'Δ µs vs reference, per round',
  `heap KiB / ${unit}`,
  `GC µs / ${unit}`,
];

function profileTables(title: string, p: ProfileSummary, unit: string): string {
  return [
    `## CPU profile: ${title}`,
    '',
    `${num(p.logins)} ${unit}s profiled at ${p.connections} connections after 2,000 warm-up ${unit}s (sampling every ${p.intervalUs} µs, main thread only): ${num(p.busyUsPerLogin)} µs busy per ${unit}.`,
    '',
    table(
      ['owner (Node internals charged to the library that called them)', `µs / ${unit}`, 'share'],
      p.owners.slice(0, 16).map((o) => [o.owner, num(o.usPerLogin, 1), `${num(o.share * 100, 1)} %`]),
    ),
    '',
    table(
      [`hottest functions of core, zod and undici (self time)`, `µs / ${unit}`],
      p.ours.slice(0, 20).map((h) => [`\`${h.name}\``, num(h.usPerLogin, 2)]),
    ),
  ].join('\n');
}

const machine = machineInfo();
log(`profile on ${machine.cpu}, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}; sections ${[...wanted].join(', ')}`);
const emulator = await spawnChild('emulator', childScript('emulator-host.mjs'));
const url = String(emulator.info.url);
const sections: string[] = [];
try {
  if (wanted.has('login')) {
    log('login ladder: from the floor to (a)');
    const ladder = [
      B.FLOOR,
      B.FLOOR_VERIFY,
      B.CLIENT_ONLY,
      B.STRATEGY_BARE,
      B.EXPRESS_FLOOR,
      B.EXPRESS_PASSPORT_FLOOR,
      B.STRATEGY_NO_VERIFY,
      B.STRATEGY,
      B.SDK,
    ];
    const results = await compareBackends(url, ladder, loginCompare);
    sections.push(
      [
        '## Login ladder: from the floor (c) to (a)',
        '',
        `${rounds} rounds, all backends side by side (${loginCompare.connections} connections and ${loginCompare.amount} logins each per round); reference: (c).`,
        '',
        table(header('login'), rowsAgainst(results, B.FLOOR.key, ladder)),
        '',
        ratioLines(results, [
          [B.STRATEGY_BARE.key, B.FLOOR.key],
          [B.STRATEGY_BARE.key, B.FLOOR_VERIFY.key],
          [B.CLIENT_ONLY.key, B.FLOOR.key],
          [B.STRATEGY.key, B.EXPRESS_PASSPORT_FLOOR.key],
          [B.STRATEGY.key, B.SDK.key],
          [B.EXPRESS_PASSPORT_FLOOR.key, B.SDK.key],
        ]),
      ].join('\n'),
    );
  }
  const tokens = wanted.has('api') || wanted.has('profiles') ? await mintAccessTokens(url, 32) : [];
  if (wanted.has('api')) {
    log('API-call ladder: from crypto.verify to genauth-bearer and passport-jwt');
    const ladder = [B.API_FLOOR, B.API_CLIENT_ONLY, B.API_FRAMEWORK_FLOOR, B.API_BEARER, B.API_PASSPORT_JWT];
    const results = await compareBackends(url, ladder, { ...apiCompare, tokens });
    sections.push(
      [
        '## API-call ladder: from crypto.verify to genauth-bearer',
        '',
        `${rounds} rounds, all backends side by side (${apiCompare.connections} connections and ${num(apiCompare.amount)} calls each per round, 32 access tokens in turn); reference: the bare crypto.verify floor.`,
        '',
        table(header('call'), rowsAgainst(results, B.API_FLOOR.key, ladder)),
        '',
        ratioLines(results, [
          [B.API_CLIENT_ONLY.key, B.API_FLOOR.key],
          [B.API_BEARER.key, B.API_FRAMEWORK_FLOOR.key],
          [B.API_BEARER.key, B.API_PASSPORT_JWT.key],
          [B.API_FRAMEWORK_FLOOR.key, B.API_PASSPORT_JWT.key],
        ]),
      ].join('\n'),
    );
  }
  if (wanted.has('profiles')) {
    const n = quick ? 500 : 4_000;
    for (const [spec, unit] of [
      [B.STRATEGY, 'login'],
      [B.EXPRESS_PASSPORT_FLOOR, 'login'],
      [B.STRATEGY_BARE, 'login'],
      [B.API_BEARER, 'call'],
      [B.API_PASSPORT_JWT, 'call'],
    ] as const) {
      log(`cpu profile of ${spec.key}`);
      const calls = unit === 'call' ? n * 5 : n;
      sections.push(profileTables(`${spec.key}, ${spec.label}`, await profileBackend(url, spec, calls, tokens), unit));
    }
  }
  if (wanted.has('cold')) sections.push(...(await coldStartSections(url, log, quick)));
} finally {
  await emulator.stop();
}

const out = fileURLToPath(new URL('../PROFILE-RESULTS.md', import.meta.url));
writeFileSync(
  out,
  `# passport-genauth: profile and decomposition\n\nGenerated by \`npx -y pnpm@10 --filter @passport-genauth/bench profile\` on ${machine.date}; ${num((Date.now() - started) / 60000, 1)} minutes. ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAverage.join(' / ')} at the start, ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} at the end. Medians over rounds (min–max). Discussion: PROFILE.md.\n\n${sections.join('\n\n')}\n`,
);
log(`wrote ${out}`);

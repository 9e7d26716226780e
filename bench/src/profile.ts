/**
 * `pnpm --filter @passport-genauth/bench profile`: where (a)'s CPU goes, and what each proposed core
 * patch (bench/patches) saves, measured side by side against an unpatched scratch build of the very
 * same sources. Writes bench/PROFILE-RESULTS.md; PROFILE.md discusses it.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as B from './backends.js';
import { checkPatches } from './check-patches.js';
import { childScript, spawnChild } from './child.js';
import { compareBackends } from './compare.js';
import { med, num, table } from './format.js';
import { machineInfo } from './machine.js';
import type { PerLogin } from './measure.js';
import { profileBackend, type ProfileSummary } from './profile/run.js';
import { buildVariant } from './scratch.js';
import { differences, ratios, summarize } from './stats.js';

const started = Date.now();
const log = (line: string): void => {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
};
const quick = process.env.BENCH_QUICK === '1';
const rounds = quick ? 2 : 10;
const amount = quick ? 100 : 300;
const compare = { rounds, amount, connections: 8, warmup: quick ? 100 : 500, log };

/** Changes already in core (commit 315a303), kept so their gain stays measurable: reverted to get "before". */
const APPLIED = {
  p01: 'applied/01-jwks-resolved-key.patch',
  p02: 'applied/02-exchange-deadline-timer.patch',
  p03: 'applied/03-read-declared-body-at-once.patch',
} as const;
/** The change still proposed. */
const PENDING = { p04: '04-sync-jwt-verify.patch' } as const;
/** Reverting in reverse order of application (02 and 03 touch the same file). */
const BEFORE = [APPLIED.p03, APPLIED.p02, APPLIED.p01];
const VARIANTS = [
  { name: 'before', reverted: BEFORE, patches: [] as string[], label: 'core before 315a303 (01, 02, 03 reverted from HEAD)' },
  { name: 'before+01', reverted: BEFORE, patches: [APPLIED.p01], label: 'before + 01 (key resolved once per kid)' },
  { name: 'before+02', reverted: BEFORE, patches: [APPLIED.p02], label: 'before + 02 (one cleared deadline timer instead of AbortSignal.timeout)' },
  { name: 'before+03', reverted: BEFORE, patches: [APPLIED.p03], label: 'before + 03 (declared-length body read in one piece)' },
  { name: 'head', reverted: [] as string[], patches: [] as string[], label: 'core at HEAD (01 + 02 + 03)' },
  { name: 'head+04', reverted: [] as string[], patches: [PENDING.p04], label: 'HEAD + 04 (synchronous JWS and claims check): proposed' },
];

function cpuOf(figures: PerLogin[]): number[] {
  return figures.map((f) => f.cpuUs);
}

function rowsAgainst(results: Map<string, PerLogin[]>, reference: string, labels: Map<string, string>): string[][] {
  const ref = results.get(reference)!;
  return [...results].map(([key, figures]) => [
    `${key}: ${labels.get(key) ?? ''}`,
    med(summarize(cpuOf(figures))),
    key === reference ? '1' : med(summarize(ratios(cpuOf(figures), cpuOf(ref))), 2),
    key === reference ? '0' : med(summarize(differences(cpuOf(figures), cpuOf(ref)))),
    med(summarize(figures.map((f) => f.allocatedBytes / 1024)), 1),
    med(summarize(figures.map((f) => f.gcUs))),
  ]);
}

const HEADER = ['backend', 'CPU µs / login', '÷ reference, per round', 'Δ µs vs reference, per round', 'heap KiB / login', 'GC µs / login'];

function profileTables(p: ProfileSummary): string {
  return [
    `${num(p.logins)} logins profiled at ${p.connections} connections (sampling every ${p.intervalUs} µs, main thread only): ${num(p.busyUsPerLogin)} µs busy per login.`,
    '',
    table(
      ['owner (Node internals charged to the library that called them)', 'µs / login', 'share'],
      p.owners.slice(0, 16).map((o) => [o.owner, num(o.usPerLogin, 1), `${num(o.share * 100, 1)} %`]),
    ),
    '',
    table(['hottest functions of core, jose and zod (self time)', 'µs / login'], p.ours.slice(0, 20).map((h) => [`\`${h.name}\``, num(h.usPerLogin, 2)])),
  ].join('\n');
}

const machine = machineInfo();
log(`profile on ${machine.cpu}, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}`);
const bundles = new Map<string, string>();
for (const variant of VARIANTS) bundles.set(variant.name, await buildVariant(variant));
const emulator = await spawnChild('emulator', childScript('emulator-host.mjs'));
const url = String(emulator.info.url);
const sections: string[] = [];
try {
  // 1. The ladder: from the bare floor to (a), one layer at a time.
  log('ladder: from the floor to (a)');
  const ladder = [B.FLOOR, B.FLOOR_VERIFY, B.EXPRESS_FLOOR, B.EXPRESS_PASSPORT_FLOOR, B.CLIENT_ONLY, B.STRATEGY_NO_VERIFY, B.STRATEGY, B.SDK, B.SDK_VERIFY];
  const ladderResults = await compareBackends(url, ladder, compare);
  sections.push(
    `## Ladder: from the floor (c) to (a)\n\n${rounds} rounds, all backends side by side (${compare.connections} connections and ${amount} logins each per round); reference: (c).\n\n${table(HEADER, rowsAgainst(ladderResults, B.FLOOR.key, new Map(ladder.map((s) => [s.key, s.label]))))}`,
  );

  // 2. Each patch on our client alone (no Express, no passport): the cleanest signal.
  log('patches on our client alone');
  const clientSpecs = [B.FLOOR, B.FLOOR_VERIFY, ...VARIANTS.map((v) => B.clientFromBundle(`client:${v.name}`, v.label, bundles.get(v.name)!))];
  const clientResults = await compareBackends(url, clientSpecs, compare);
  const clientRatio = (a: string, b: string) => `${a} ÷ ${b} ${med(summarize(ratios(cpuOf(clientResults.get(a)!), cpuOf(clientResults.get(b)!))), 2)}`;
  sections.push(
    `## Patches, our client alone\n\n\`GenAuthClient.signInByMobile\` (verification on) in the bare node:http handler, built from scratch copies of packages/core/src with patches reverted or applied; reference: core before 315a303. \`c+sig\` is the floor plus a synchronous RS256 signature check: what our client would cost with no overhead of its own.\n\n${table(HEADER, rowsAgainst(clientResults, 'client:before', new Map(clientSpecs.map((s) => [s.key, s.label]))))}\n\n- ${['client:before', 'client:head', 'client:head+04'].map((k) => clientRatio(k, B.FLOOR.key)).join('; ')}\n- ${['client:before', 'client:head', 'client:head+04'].map((k) => clientRatio(k, B.FLOOR_VERIFY.key)).join('; ')}`,
  );

  // 3. All patches on the full path (a).
  log('patches on the full path (a)');
  const fullSpecs = [
    B.FLOOR,
    B.EXPRESS_PASSPORT_FLOOR,
    B.strategyFromBundle('a:before', '(a), core before 315a303', bundles.get('before')!),
    B.strategyFromBundle('a:head', '(a), core at HEAD', bundles.get('head')!),
    B.strategyFromBundle('a:head+04', '(a), HEAD + 04', bundles.get('head+04')!),
    B.SDK,
  ];
  const fullResults = await compareBackends(url, fullSpecs, compare);
  const ratioLine = (key: string) =>
    ['a:before', 'a:head', 'a:head+04']
      .map((a) => `${a} ÷ ${key} ${med(summarize(ratios(cpuOf(fullResults.get(a)!), cpuOf(fullResults.get(key)!))), 2)}`)
      .join('; ');
  sections.push(
    `## The full path (a), before and after\n\n${table(HEADER, rowsAgainst(fullResults, 'a:before', new Map(fullSpecs.map((s) => [s.key, s.label]))))}\n\n- ${ratioLine(B.FLOOR.key)}\n- ${ratioLine(B.EXPRESS_PASSPORT_FLOOR.key)}\n- ${ratioLine(B.SDK.key)}`,
  );

  // 4. CPU profiles of (a), before and after.
  const profileLogins = quick ? 500 : 4_000;
  log('cpu profile of (a), built dist (HEAD)');
  const head = await profileBackend(url, B.STRATEGY, profileLogins);
  log('cpu profile of (a), before 315a303');
  const before = await profileBackend(url, B.strategyFromBundle('a:before', '(a), core before 315a303', bundles.get('before')!), profileLogins);
  log('cpu profile of (a), HEAD + 04');
  const after = await profileBackend(url, B.strategyFromBundle('a:head+04', '(a), HEAD + 04', bundles.get('head+04')!), profileLogins);
  sections.push(`## CPU profile of (a), core before 315a303\n\n${profileTables(before)}`);
  sections.push(`## CPU profile of (a), built dist at HEAD\n\n${profileTables(head)}`);
  sections.push(`## CPU profile of (a), HEAD + 04\n\n${profileTables(after)}`);
} finally {
  await emulator.stop();
}

// 5. core's own tests against the patched sources.
log("core's test suite against the patched sources");
const checks = [checkPatches([]), checkPatches([PENDING.p04])];
sections.push(
  `## core's own tests (Jest, from source) against patched copies\n\n${table(
    ['patches', 'result', 'jest summary'],
    checks.map((c) => [c.patches.length ? c.patches.join(', ') : '(none)', c.passed ? 'pass' : '**FAIL**', c.summary]),
  )}`,
);

const out = fileURLToPath(new URL('../PROFILE-RESULTS.md', import.meta.url));
writeFileSync(
  out,
  `# passport-genauth: profile and patch measurements\n\nGenerated by \`npx -y pnpm@10 --filter @passport-genauth/bench profile\` on ${machine.date}; ${num((Date.now() - started) / 60000, 1)} minutes. ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAverage.join(' / ')} at the start, ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')} at the end. Medians over rounds (min–max). Discussion and the proposed diffs: PROFILE.md; the patches: bench/patches/.\n\n${sections.join('\n\n')}\n`,
);
log(`wrote ${out}`);

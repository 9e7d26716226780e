import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(benchDir, '..');
/** Scratch copies live under node_modules: ignored by git, by tsc and by jest. */
const scratchDir = join(benchDir, 'node_modules', '.bench-scratch');

/** A scratch build of core + wechat from source with some of `bench/patches/**.patch` reverted or applied. */
export interface Variant {
  readonly name: string;
  /** Paths under bench/patches first taken back out of the current sources, in order (`patch -R`). */
  readonly reverted?: readonly string[];
  /** Paths under bench/patches then applied, in order with `patch -p1`. */
  readonly patches: readonly string[];
}

/** Path of a patch file. */
export function patchPath(file: string): string {
  return file.startsWith('/') ? file : join(benchDir, 'patches', file);
}

/**
 * Copies packages/core/src and packages/wechat/src into a scratch folder, reverts and applies the
 * variant's patches, and bundles both into one ESM file exporting `GenAuthClient` and `WechatStrategy`, with
 * the same externals as the published build (jose, zod, undici, passport-strategy resolve to the very
 * same installed copies). Returns the bundle's path. packages/core itself is never touched.
 */
export async function buildVariant(variant: Variant): Promise<string> {
  const root = join(scratchDir, variant.name);
  rmSync(root, { recursive: true, force: true });
  for (const pkg of ['core', 'wechat']) {
    mkdirSync(join(root, 'packages', pkg), { recursive: true });
    cpSync(join(repoDir, 'packages', pkg, 'src'), join(root, 'packages', pkg, 'src'), { recursive: true });
  }
  const run = (file: string, reverse: boolean) => {
    const path = patchPath(file);
    if (!existsSync(path)) throw new Error(`missing patch ${path}`);
    execFileSync('patch', ['-p1', reverse ? '--reverse' : '--forward', '--batch', '--quiet', '-d', root, '-i', path], { stdio: 'inherit' });
  };
  for (const file of variant.reverted ?? []) run(file, true);
  for (const file of variant.patches) run(file, false);
  const coreEntry = join(root, 'packages', 'core', 'src', 'index.ts');
  const entry = join(root, 'entry.ts');
  writeFileSync(
    entry,
    "export { GenAuthClient } from './packages/core/src/index';\nexport { WechatStrategy } from './packages/wechat/src/index';\n",
  );
  const outfile = join(root, 'bundle.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['jose', 'zod', 'undici', 'passport-strategy'],
    plugins: [
      {
        name: 'scratch-core',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^@passport-genauth\/core$/ }, () => ({ path: coreEntry }));
        },
      },
    ],
  });
  return outfile;
}

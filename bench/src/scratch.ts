import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { scratchRoot } from './layout.js';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(benchDir, '..');

/** A scratch build of core + wechat from source, with some of `bench/patches/**.patch` reverted or applied. */
export interface Variant {
  readonly name: string;
  /** Paths under bench/patches first taken back out of the current sources, in order (`patch -R`). */
  readonly reverted?: readonly string[];
  /** Paths under bench/patches then applied, in order with `patch -p1`. */
  readonly patches?: readonly string[];
  /** Runtime dependencies of core to bundle into its dist instead of leaving them external (tsup's `noExternal`). */
  readonly bundle?: readonly string[];
}

/** Path of a patch file. */
export function patchPath(file: string): string {
  return file.startsWith('/') ? file : join(benchDir, 'patches', file);
}

/** Bare specifiers are external, except those of `bundle` (and their subpaths). */
function externals(bundle: readonly string[]): Plugin {
  return {
    name: 'externals',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (bundle.some((name) => args.path === name || args.path.startsWith(`${name}/`))) return undefined;
        return { external: true };
      });
    },
  };
}

/**
 * Copies packages/core/src and packages/wechat/src into a scratch folder, reverts and applies the
 * variant's patches, and builds each package the way the shared tsup config does (esbuild, one
 * bundle per package, ESM `dist/index.js` and CommonJS `dist/index.cjs`, target node20, every
 * package import external unless the variant bundles it). Returns the two `dist` folders, for
 * `consumerLayout`. packages/core itself is never touched.
 */
export async function buildVariant(variant: Variant): Promise<{ core: string; wechat: string }> {
  const root = join(scratchRoot, 'variants', variant.name);
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
  for (const file of variant.patches ?? []) run(file, false);
  const dists = { core: join(root, 'packages', 'core', 'dist'), wechat: join(root, 'packages', 'wechat', 'dist') };
  for (const pkg of ['core', 'wechat'] as const) {
    for (const format of ['esm', 'cjs'] as const) {
      await build({
        entryPoints: [join(root, 'packages', pkg, 'src', 'index.ts')],
        outfile: join(dists[pkg], format === 'esm' ? 'index.js' : 'index.cjs'),
        bundle: true,
        platform: 'node',
        format,
        target: 'node20',
        logLevel: 'warning',
        // The scratch copy has no node_modules: resolve what is bundled from core's own.
        nodePaths: [join(repoDir, 'packages', 'core', 'node_modules')],
        plugins: [externals(pkg === 'core' ? (variant.bundle ?? []) : [])],
      });
    }
  }
  return dists;
}

/** The version of a package as core resolves it. */
export function coreDependencyVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(repoDir, 'packages', 'core', 'node_modules', name, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '?';
}

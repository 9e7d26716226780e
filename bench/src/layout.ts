import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(benchDir, '..');
/** Scratch folders live under node_modules: ignored by git, by tsc and by jest. */
export const scratchRoot = join(benchDir, 'node_modules', '.bench-scratch');
/**
 * Consumer layouts live outside the repository: a module that is not found there must not be found in
 * a parent folder's node_modules either (the workspace's, or bench's own devDependencies).
 */
const layoutRoot = join(tmpdir(), 'passport-genauth-bench-layouts');

/** A folder laid out as an app that installed @passport-genauth/wechat would have it. */
export interface ConsumerLayout {
  readonly name: string;
  /** The folder holding `node_modules` (and a copy of the load probe). */
  readonly dir: string;
  /** Its `node_modules`. */
  readonly modules: string;
}

export interface LayoutOptions {
  /** Folders holding the `dist` of core and wechat to install (default: the workspace's built dist). */
  readonly dist?: { readonly core: string; readonly wechat: string };
  /** Also install the optional peer `@opentelemetry/api` (from core's devDependencies). */
  readonly withOpenTelemetry?: boolean;
}

function link(modules: string, name: string, from: string): void {
  const target = join(modules, name);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(realpathSync(from), target, 'dir');
}

/**
 * Installs core and wechat the way a consumer gets them: their `package.json` and `dist`, core's
 * runtime dependencies and nothing else (none of core's devDependencies, such as jose or
 * @opentelemetry/api, unless asked). A cold start measured in the workspace itself would resolve those
 * too. Also links authing-node-sdk, for side-by-side runs.
 */
export function consumerLayout(name: string, options: LayoutOptions = {}): ConsumerLayout {
  const dir = join(layoutRoot, name);
  const modules = join(dir, 'node_modules');
  rmSync(dir, { recursive: true, force: true });
  for (const pkg of ['core', 'wechat'] as const) {
    const target = join(modules, '@passport-genauth', pkg);
    mkdirSync(target, { recursive: true });
    cpSync(join(repoDir, 'packages', pkg, 'package.json'), join(target, 'package.json'));
    const dist = options.dist?.[pkg] ?? join(repoDir, 'packages', pkg, 'dist');
    if (!existsSync(join(dist, 'index.js'))) throw new Error(`no built dist in ${dist}`);
    cpSync(dist, join(target, 'dist'), { recursive: true, filter: (file) => !file.endsWith('.map') });
  }
  const coreManifest = JSON.parse(readFileSync(join(repoDir, 'packages', 'core', 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const coreModules = join(repoDir, 'packages', 'core', 'node_modules');
  for (const dep of Object.keys(coreManifest.dependencies ?? {})) link(modules, dep, join(coreModules, dep));
  if (options.withOpenTelemetry) link(modules, '@opentelemetry/api', join(coreModules, '@opentelemetry', 'api'));
  link(modules, 'authing-node-sdk', join(benchDir, 'node_modules', 'authing-node-sdk'));
  cpSync(fileURLToPath(new URL('./children/load-probe.mjs', import.meta.url)), join(dir, 'load-probe.mjs'));
  return { name, dir, modules };
}

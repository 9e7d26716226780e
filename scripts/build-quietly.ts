/**
 * Builds the packages something needs, silently: only the packages whose `dist` is missing or older
 * than their inputs are built (with pnpm, in dependency order), and the build's output is shown only
 * when it fails, or always with `verbose`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pnpmCommand, runCommand } from './run-command';
import { repoRoot, workspaceDependencies, workspacePackages, type WorkspacePackage } from './workspace';

/** Newest (`newest`) or oldest modification time of the files under `path`; undefined when there is none. */
function mtime(path: string, pick: 'newest' | 'oldest'): number | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const times = readdirSync(path)
    .map((name) => mtime(join(path, name), pick))
    .filter((time): time is number => time !== undefined);
  if (times.length === 0) return undefined;
  return pick === 'newest' ? Math.max(...times) : Math.min(...times);
}

/** The files a package's `main`, `module`, `types` and `exports` point to. */
function entryFiles(pkg: WorkspacePackage): string[] {
  const targets = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(targets) : [];
  const { main, module, types, exports } = pkg.manifest;
  return [main, module, types, ...targets(exports)].filter((file): file is string => typeof file === 'string' && file.startsWith('./dist/'));
}

/** Whether the package's build is complete and newer than everything it is built from. */
export function isBuilt(pkg: WorkspacePackage): boolean {
  if (!entryFiles(pkg).every((file) => existsSync(join(pkg.dir, file)))) return false;
  const built = mtime(join(pkg.dir, 'dist'), 'oldest');
  const inputs = [
    join(pkg.dir, 'src'),
    join(pkg.dir, 'package.json'),
    join(pkg.dir, 'tsconfig.json'),
    join(pkg.dir, 'tsup.config.ts'),
    join(repoRoot, 'tsup.config.ts'),
    join(repoRoot, 'tsconfig.base.json'),
  ].map((path) => mtime(path, 'newest') ?? 0);
  return built !== undefined && Math.max(...inputs) < built;
}

/** The buildable packages `names` need at run time: themselves and their dependencies, transitively. */
export function buildClosure(names: readonly string[]): WorkspacePackage[] {
  const byName = new Map(workspacePackages().map((pkg) => [pkg.manifest.name, pkg]));
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const pkg = byName.get(name);
    if (!pkg || seen.has(name)) return;
    seen.add(name);
    workspaceDependencies(pkg.manifest, ['dependencies', 'peerDependencies', 'optionalDependencies']).forEach(visit);
  };
  names.forEach(visit);
  return [...seen].map((name) => byName.get(name)).filter((pkg): pkg is WorkspacePackage => pkg?.manifest.scripts?.build !== undefined);
}

/** What a build did. */
export interface BuildResult {
  readonly ok: boolean;
  /** The packages it built (those already up to date are skipped). */
  readonly built: readonly string[];
  /** The build's output (empty when it was shown as it ran). */
  readonly output: string;
}

/** Builds those of `packages` that are not up to date, quietly unless `verbose`. */
export async function buildQuietly(packages: readonly WorkspacePackage[], verbose = false): Promise<BuildResult> {
  const stale = packages.filter((pkg) => !isBuilt(pkg)).map((pkg) => pkg.manifest.name);
  if (stale.length === 0) return { ok: true, built: [], output: '' };
  if (!verbose && process.stderr.isTTY) process.stderr.write(`Building ${stale.length} package(s) (add --verbose to see the build)…\n`);
  const filters = stale.flatMap((name) => ['--filter', name]);
  const result = await runCommand([...pnpmCommand(), '--recursive', ...filters, 'run', 'build'], { show: verbose });
  return { ok: result.code === 0, built: stale, output: result.output };
}

async function main(args: readonly string[]): Promise<void> {
  const verbose = args.includes('--verbose');
  const names = args.filter((arg) => !arg.startsWith('--'));
  const packages = names.length > 0 ? buildClosure(names) : buildClosure(workspacePackages().map((pkg) => pkg.manifest.name));
  const result = await buildQuietly(packages, verbose);
  if (!result.ok) {
    process.stderr.write(`${result.output}\nThe build failed (its output is above).\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.slice(2));

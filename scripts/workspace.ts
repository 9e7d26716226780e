/**
 * The workspace as pnpm sees it, read from `pnpm-workspace.yaml` on every call, so a package added
 * by anyone is picked up by the checks, the consumer test and the release scripts without a list to edit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The repository root. */
export const repoRoot = join(__dirname, '..');

/** The fields of a package.json the scripts read. */
export interface PackageManifest {
  readonly name: string;
  readonly version?: string;
  readonly private?: boolean;
  readonly description?: string;
  readonly keywords?: readonly string[];
  readonly license?: string;
  readonly type?: string;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly files?: readonly string[];
  readonly sideEffects?: unknown;
  readonly engines?: Readonly<Record<string, string>>;
  readonly repository?: unknown;
  readonly homepage?: unknown;
  readonly bugs?: unknown;
  readonly publishConfig?: Readonly<Record<string, unknown>>;
  readonly scripts?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/** One workspace package. */
export interface WorkspacePackage {
  /** Absolute folder. */
  readonly dir: string;
  /** Folder relative to the repository root, with `/` separators (`packages/core`). */
  readonly relativeDir: string;
  readonly manifest: PackageManifest;
}

/** The dependency fields whose `workspace:` entries make the build graph. */
export const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The `packages:` globs of pnpm-workspace.yaml (block-sequence form, as pnpm writes it). */
export function workspaceGlobs(root: string = repoRoot): string[] {
  const lines = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line));
  if (start < 0) throw new Error('pnpm-workspace.yaml has no "packages:" list');
  const globs: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(.+?)\s*$/.exec(line);
    if (!item?.[1]) break;
    globs.push(item[1].replace(/^(['"])(.*)\1$/, '$2'));
  }
  return globs;
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .map((entry) => join(dir, entry.name));
}

/** The folders a glob made of literal segments, `*` and `**` names. */
function expand(root: string, glob: string): string[] {
  let dirs = [root];
  for (const segment of glob.split('/').filter((s) => s !== '' && s !== '.')) {
    if (segment === '**') {
      const all: string[] = [];
      const walk = (dir: string): void => {
        all.push(dir);
        subfolders(dir).forEach(walk);
      };
      dirs.forEach(walk);
      dirs = all;
    } else if (segment.includes('*')) {
      const pattern = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      dirs = dirs.flatMap(subfolders).filter((dir) => pattern.test(dir.slice(dir.lastIndexOf(sep) + 1)));
    } else {
      dirs = dirs.map((dir) => join(dir, segment)).filter((dir) => existsSync(dir));
    }
  }
  return dirs;
}

/** Every workspace package (a folder matched by the globs that has a package.json), sorted by folder. */
export function workspacePackages(root: string = repoRoot): WorkspacePackage[] {
  const globs = workspaceGlobs(root);
  const excluded = new Set(globs.filter((g) => g.startsWith('!')).flatMap((g) => expand(root, g.slice(1))));
  const dirs = new Set(globs.filter((g) => !g.startsWith('!')).flatMap((g) => expand(root, g)));
  return [...dirs]
    .filter((dir) => !excluded.has(dir) && existsSync(join(dir, 'package.json')))
    .sort()
    .map((dir) => ({
      dir,
      relativeDir: relative(root, dir).split(sep).join('/'),
      manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest,
    }));
}

/** The packages that are published to npm: every workspace package not marked `private`. */
export function publishablePackages(root: string = repoRoot): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}

/** The names of the workspace packages this one depends on (`workspace:` specs), per field. */
export function workspaceDependencies(manifest: PackageManifest, fields: readonly (typeof DEPENDENCY_FIELDS)[number][] = DEPENDENCY_FIELDS): string[] {
  const names = fields.flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([, spec]) => spec.startsWith('workspace:'))
      .map(([name]) => name),
  );
  return [...new Set(names)].sort();
}

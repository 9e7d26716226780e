/**
 * What every package.json of the workspace says about where the project lives, and what every
 * published package ships besides its build. One definition, used by `pnpm sync-packages` (which
 * writes it), the provider generator, and scripts/test (which fails when a package lacks it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type PackageManifest, type WorkspacePackage } from './workspace';

/** The project's GitHub repository. */
export const REPOSITORY_URL = 'https://github.com/passport-genauth/passport-genauth';

/** `files` entries every published package has; a package may list more (the emulator's `bin`). */
export const REQUIRED_FILES = ['dist', 'README.md', 'CHANGELOG.md', 'LICENSE'] as const;

/** `repository`, `homepage` and `bugs` for the package in `relativeDir` (`''` for the root). */
export function projectLinks(relativeDir: string): { repository: Record<string, string>; homepage: string; bugs: { url: string } } {
  return {
    repository: { type: 'git', url: `git+${REPOSITORY_URL}.git`, ...(relativeDir ? { directory: relativeDir } : {}) },
    homepage: relativeDir ? `${REPOSITORY_URL}/tree/main/${relativeDir}#readme` : `${REPOSITORY_URL}#readme`,
    bugs: { url: `${REPOSITORY_URL}/issues` },
  };
}

/** The root LICENSE, which every published package ships as is. */
export function licenseText(): string {
  return readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
}

/** The CHANGELOG.md a package starts with; Changesets adds a section above the previous one at each release. */
export function seedChangelog(manifest: PackageManifest): string {
  return `# ${manifest.name}\n\n## ${manifest.version ?? '0.1.0'}\n\n### Minor Changes\n\n- Initial release${manifest.description ? `: ${manifest.description}` : '.'}\n`;
}

/** Rebuilds `manifest` with `extra` keys placed right after `after` (or at the end), keeping every other key in place. */
function insertAfter(manifest: Record<string, unknown>, after: string, extra: Record<string, unknown>): Record<string, unknown> {
  const missing = Object.entries(extra).filter(([key]) => !(key in manifest));
  if (missing.length === 0) return { ...manifest, ...extra };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(manifest)) {
    out[key] = key in extra ? extra[key] : value;
    if (key === after) for (const [k, v] of missing) out[k] = v;
  }
  if (!(after in manifest)) for (const [k, v] of missing) out[k] = v;
  return out;
}

/** The manifest with the project links, and for a published package the `files` list and public access. */
export function completeManifest(manifest: PackageManifest, relativeDir: string): Record<string, unknown> {
  let out = insertAfter({ ...manifest }, 'license', projectLinks(relativeDir));
  if (manifest.private !== true) {
    const files = [...(manifest.files ?? []), ...REQUIRED_FILES.filter((file) => !manifest.files?.includes(file))];
    out = insertAfter(out, 'exports', { files });
    out = insertAfter(out, 'files', { publishConfig: { ...manifest.publishConfig, access: 'public' } });
  }
  return out;
}

/**
 * Brings one package up to date: package.json fields, and for a published package its LICENSE and a
 * seeded CHANGELOG.md when it has none. Returns the files it changed.
 */
export function syncPackage(pkg: Pick<WorkspacePackage, 'dir' | 'relativeDir' | 'manifest'>): string[] {
  const changed: string[] = [];
  const write = (file: string, text: string): void => {
    const path = join(pkg.dir, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
    writeFileSync(path, text);
    changed.push(`${pkg.relativeDir}/${file}`);
  };
  write('package.json', `${JSON.stringify(completeManifest(pkg.manifest, pkg.relativeDir), null, 2)}\n`);
  if (pkg.manifest.private !== true) {
    write('LICENSE', licenseText());
    if (!existsSync(join(pkg.dir, 'CHANGELOG.md'))) write('CHANGELOG.md', seedChangelog(pkg.manifest));
  }
  return changed;
}

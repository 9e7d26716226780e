import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUIRED_FILES, licenseText, projectLinks } from '../package-metadata';
import { publishablePackages, repoRoot, workspacePackages, type PackageManifest, type WorkspacePackage } from '../workspace';

const all = workspacePackages();
const published = publishablePackages();
const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageManifest;

/** `<folder>: <problem>` for each package where `problem` returns one, with the command that fixes what can be fixed. */
function offenders(packages: readonly WorkspacePackage[], problem: (pkg: WorkspacePackage) => string | undefined): string[] {
  return packages.flatMap((pkg) => {
    const found = problem(pkg);
    return found === undefined ? [] : [`${pkg.relativeDir}: ${found}`];
  });
}

const fixable = (what: string, pkg: WorkspacePackage): string => `${what} (run: npx -y pnpm@10 sync-packages ${pkg.relativeDir})`;

/** Every condition object of an `exports` map: each must name `types` first. */
function conditionObjects(value: unknown): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  return [object, ...Object.values(object).flatMap(conditionObjects)];
}

/** Every file path an `exports` map points to. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(exportTargets);
}

describe('every workspace package.json', () => {
  it('has repository (with its directory), homepage and bugs', () => {
    const links = (pkg: WorkspacePackage): string | undefined => {
      const expected = projectLinks(pkg.relativeDir);
      const { repository, homepage, bugs } = pkg.manifest;
      return JSON.stringify({ repository, homepage, bugs }) === JSON.stringify(expected)
        ? undefined
        : fixable('repository, homepage or bugs missing or wrong', pkg);
    };
    expect(offenders(all, links)).toEqual([]);
    expect({ repository: rootManifest.repository, homepage: rootManifest.homepage, bugs: rootManifest.bugs }).toEqual(projectLinks(''));
  });
});

describe('every published (non-private) package', () => {
  it('is found, core among them', () => {
    expect(published.map((pkg) => pkg.manifest.name)).toContain('@passport-genauth/core');
  });

  it('ships the root MIT LICENSE, a README.md and a CHANGELOG.md', () => {
    const license = licenseText();
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} passport-genauth contributors\n/);
    expect(rootManifest.license).toBe('MIT');
    const missing = offenders(published, (pkg) => {
      const read = (file: string): string => (existsSync(join(pkg.dir, file)) ? readFileSync(join(pkg.dir, file), 'utf8') : '');
      if (pkg.manifest.license !== 'MIT') return 'license is not "MIT"';
      if (read('LICENSE') !== license) return fixable('LICENSE missing or not the root one', pkg);
      if (read('README.md').trim() === '') return 'README.md missing';
      if (!read('CHANGELOG.md').startsWith(`# ${pkg.manifest.name}\n`)) return fixable(`CHANGELOG.md missing or not titled "# ${pkg.manifest.name}"`, pkg);
      return undefined;
    });
    expect(missing).toEqual([]);
  });

  it('has a scoped name, a version, a description and keywords', () => {
    const bad = offenders(published, ({ manifest }) => {
      if (!/^@passport-genauth\/[a-z0-9-]+$/.test(manifest.name)) return `name ${manifest.name} is not @passport-genauth/<kebab-case>`;
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(manifest.version ?? '')) return `version ${manifest.version} is not semver`;
      if (!manifest.description) return 'no description';
      if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) return 'no keywords';
      return undefined;
    });
    expect(bad).toEqual([]);
  });

  it('allows only its build, README, CHANGELOG and LICENSE (and a bin folder) into the tarball', () => {
    const bad = offenders(published, (pkg) => {
      const files = pkg.manifest.files;
      if (!Array.isArray(files)) return fixable('no "files" allow-list', pkg);
      const lacking = REQUIRED_FILES.filter((file) => !files.includes(file));
      if (lacking.length > 0) return fixable(`"files" lacks ${lacking.join(', ')}`, pkg);
      const extra = files.filter((file) => !(REQUIRED_FILES as readonly string[]).includes(file) && file !== 'bin');
      return extra.length > 0 ? `"files" also lists ${extra.join(', ')}` : undefined;
    });
    expect(bad).toEqual([]);
  });

  it('is dual ESM + CJS: exports with types first in every condition, import and require, package.json exported', () => {
    const bad = offenders(published, ({ manifest }) => {
      const root = (manifest.exports as Record<string, unknown> | undefined)?.['.'] as Record<string, unknown> | undefined;
      if (!root) return 'no exports["."]';
      if (!root.import || !root.require) return 'exports["."] lacks import or require';
      const late = conditionObjects(manifest.exports).filter((object) => 'types' in object && Object.keys(object)[0] !== 'types');
      if (late.length > 0) return `"types" is not the first condition in ${JSON.stringify(late[0])}`;
      if (conditionObjects(root).some((object) => 'default' in object && !('types' in object))) return 'a condition has default but no types';
      const outside = exportTargets(root).filter((target) => !target.startsWith('./dist/'));
      if (outside.length > 0) return `exports point outside ./dist/: ${outside.join(', ')}`;
      if ((manifest.exports as Record<string, unknown>)['./package.json'] !== './package.json') return 'exports lacks "./package.json"';
      if (![manifest.main, manifest.module, manifest.types].every((field) => field?.startsWith('./dist/')))
        return 'main, module or types missing or outside ./dist/';
      return undefined;
    });
    expect(bad).toEqual([]);
  });

  it('is an ES module package without side effects, for the Node versions the root supports, built by its build script', () => {
    const bad = offenders(published, ({ manifest }) => {
      if (manifest.type !== 'module') return 'type is not "module"';
      if (manifest.sideEffects !== false) return 'sideEffects is not false';
      if (manifest.engines?.node !== rootManifest.engines?.node)
        return `engines.node ${manifest.engines?.node} is not the root's ${rootManifest.engines?.node}`;
      if (!manifest.scripts?.build) return 'no build script';
      return undefined;
    });
    expect(bad).toEqual([]);
  });

  it('is published with public access (a scoped package is private on npm by default)', () => {
    expect(
      offenders(published, (pkg) => (pkg.manifest.publishConfig?.access === 'public' ? undefined : fixable('publishConfig.access is not "public"', pkg))),
    ).toEqual([]);
  });
});

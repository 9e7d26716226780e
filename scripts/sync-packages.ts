/**
 * `pnpm sync-packages [folder …]`: gives every workspace package (or only the folders named, e.g.
 * `packages/koa`) and the root what scripts/test/published-packages-are-complete.test.ts requires:
 * `repository` with `directory`, `homepage`, `bugs`; for a published package also the `files`
 * allow-list, `publishConfig.access`, `LICENSE` and a seeded `CHANGELOG.md`. Idempotent; prints what it changed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { syncPackage } from './package-metadata';
import { repoRoot, workspacePackages, type PackageManifest } from './workspace';

const only = process.argv.slice(2).map((folder) => resolve(folder));
const packages = workspacePackages().filter((pkg) => only.length === 0 || only.includes(pkg.dir));
if (only.length > packages.length) {
  console.error(`Not workspace packages: ${only.filter((dir) => !packages.some((pkg) => pkg.dir === dir)).join(', ')}`);
  process.exit(2);
}

const changed = packages.flatMap((pkg) => syncPackage(pkg));
if (only.length === 0) {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageManifest;
  changed.push(...syncPackage({ dir: repoRoot, relativeDir: '', manifest: root }).map((file) => file.replace(/^\//, '')));
}
console.log(changed.length === 0 ? 'Every package is complete.' : `Updated:\n${changed.map((file) => `  ${file}`).join('\n')}`);

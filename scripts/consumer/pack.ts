/** Packing the published packages as `pnpm publish` would (workspace: ranges replaced by versions). */
import { statSync } from 'node:fs';
import { pnpmCommand, runCommand } from '../run-command';
import type { WorkspacePackage } from '../workspace';
import { readTarball, type TarballFile } from './tarball';

/** One packed package. */
export interface Packed {
  readonly pkg: WorkspacePackage;
  /** The `.tgz`. */
  readonly file: string;
  /** Its size in bytes. */
  readonly size: number;
  readonly files: readonly TarballFile[];
}

interface PackJson {
  readonly name: string;
  readonly filename: string;
}

/** Packs `packages` into `destination` with one `pnpm pack`; throws with pnpm's output when it fails. */
export async function packAll(packages: readonly WorkspacePackage[], destination: string): Promise<Packed[]> {
  const filters = packages.flatMap((pkg) => ['--filter', pkg.manifest.name]);
  const result = await runCommand([...pnpmCommand(), '--recursive', ...filters, 'pack', '--pack-destination', destination, '--json']);
  if (result.code !== 0) throw new Error(`pnpm pack failed:\n${result.output}`);
  const parsed = JSON.parse(result.stdout.slice(result.stdout.search(/[[{]/))) as PackJson | PackJson[];
  const byName = new Map((Array.isArray(parsed) ? parsed : [parsed]).map((entry) => [entry.name, entry.filename]));
  return packages.map((pkg) => {
    const file = byName.get(pkg.manifest.name);
    if (!file) throw new Error(`pnpm pack made no tarball for ${pkg.manifest.name}:\n${result.output}`);
    return { pkg, file, size: statSync(file).size, files: readTarball(file) };
  });
}

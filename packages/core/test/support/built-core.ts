import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CORE = join(__dirname, '../..');

/** A place outside the workspace holding core as tsup builds it (ESM and CJS) and only the packages it is given. */
export interface BuiltCore {
  readonly dir: string;
  /** `dist/index.js` (ESM) or `dist/index.cjs` (CommonJS). */
  entry(format: 'esm' | 'cjs'): string;
  /** Runs `script` (an ES module, written into the folder) with `env`; resolves to its output and exit code. */
  run(script: string, env: Readonly<Record<string, string>>): Promise<{ code: number; stdout: string; stderr: string }>;
  remove(): void;
}

/** The folder a package of core's `node_modules` really lives in. */
export function packageDir(name: string): string {
  return realpathSync(join(CORE, 'node_modules', name));
}

/**
 * Builds core with tsup as it is published (dual ESM + CJS, peers and dependencies external), into a
 * fresh folder whose `node_modules` has core's dependencies plus `extra` (e.g. `@opentelemetry/api`):
 * a package left out there is really absent, as in an app that did not install it.
 */
export async function buildCore(extra: readonly string[]): Promise<BuiltCore> {
  const dir = mkdtempSync(join(tmpdir(), 'passport-genauth-core-'));
  try {
    const tsup = join(CORE, '../../node_modules/.bin/tsup');
    await run(tsup, ['src/index.ts', '--format', 'esm,cjs', '--target', 'node20', '--out-dir', join(dir, 'dist'), '--no-config', '--silent'], { cwd: CORE });
    const manifest = JSON.parse(readFileSync(join(CORE, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of [...Object.keys(manifest.dependencies), ...extra]) {
      const target = join(dir, 'node_modules', name);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(packageDir(name), target, 'dir');
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    entry: (format) => join(dir, 'dist', format === 'esm' ? 'index.js' : 'index.cjs'),
    async run(script, env) {
      const file = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
      writeFileSync(file, script);
      try {
        const { stdout, stderr } = await run(process.execPath, [file], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patchPath } from './scratch.js';

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PatchCheck {
  readonly patches: readonly string[];
  readonly passed: boolean;
  /** Jest's summary lines ("Tests: …", "Test Suites: …"). */
  readonly summary: string;
}

/**
 * Runs packages/core's own test suite (Jest, from source, as `pnpm test` does) against a temporary
 * copy of packages/core with the given patches applied. packages/core itself is never touched.
 */
export function checkPatches(patches: readonly string[]): PatchCheck {
  const root = join(tmpdir(), `passport-genauth-patch-check-${process.pid}`);
  const core = join(root, 'packages', 'core');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(core, { recursive: true });
  try {
    for (const entry of ['src', 'test', 'README.md']) cpSync(join(repoDir, 'packages', 'core', entry), join(core, entry), { recursive: true });
    for (const file of patches) execFileSync('patch', ['-p1', '--forward', '--batch', '--quiet', '-d', root, '-i', patchPath(file)]);
    const jestConfig = {
      rootDir: core,
      testEnvironment: 'node',
      transform: {
        '^.+\\.(t|j)sx?$': [
          join(repoDir, 'node_modules', '@swc', 'jest'),
          { jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true } }, module: { type: 'commonjs' } },
        ],
      },
      moduleNameMapper: {
        '^@passport-genauth/core$': join(core, 'src', 'index.ts'),
        '^@passport-genauth/([a-z0-9-]+)$': join(repoDir, 'packages', '$1', 'src', 'index.ts'),
      },
      modulePaths: [join(repoDir, 'packages', 'core', 'node_modules'), join(repoDir, 'node_modules')],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testTimeout: 20_000,
    };
    const configPath = join(root, 'jest.config.json');
    writeFileSync(configPath, JSON.stringify(jestConfig));
    const result = spawnSync(process.execPath, [join(repoDir, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', configPath, '--ci', '--runInBand'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    const summary = output
      .split('\n')
      .filter((line) => /^(Tests|Test Suites):/.test(line.trim()))
      .map((line) => line.trim())
      .join('; ');
    return { patches, passed: result.status === 0, summary: summary || output.slice(-2000) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

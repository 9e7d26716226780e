/** @jest-config-loader esbuild-register */
import { join } from 'node:path';
import type { Config } from 'jest';
import rootConfig from './jest.config';

/**
 * Jest for `pnpm mutation` (stryker.config.mjs): packages/core's project from the root config, as a
 * single flat config. Stryker hooks its per-test coverage into the root level's test environment,
 * which it does not reach inside `projects`, and it mutates only core, so no other project needs to run.
 */
type Project = Exclude<NonNullable<Config['projects']>[number], string>;
const core = rootConfig.projects?.find((project): project is Project => typeof project === 'object' && project.displayName === 'packages/core');
if (!core) throw new Error('jest.config.ts has no packages/core project');

const config: Config = {
  ...core,
  // Left out of mutation runs: tests of the published build (test/built-*.test.ts) run tsup's output,
  // which no mutant of src reaches; the test that loads a second copy of core inside a test would make
  // Stryker count every module-level constant of core as covered by that test alone (and report each
  // one as its survivor) instead of as static, which the config ignores.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/built-', '<rootDir>/test/errors-are-recognised-across-separately-loaded-copies-of-core'],
  // Runs only the test files that hold the tests Stryker asks for (see the file).
  testSequencer: join(__dirname, 'stryker-test-sequencer.cjs'),
  // Stops at the first failing test file while a mutant is active (see the file).
  runner: join(__dirname, 'stryker-bail-runner.cjs'),
  ...(rootConfig.testTimeout === undefined ? {} : { testTimeout: rootConfig.testTimeout }),
};

export default config;

// Mutation testing of packages/core (`pnpm mutation`): slow, run by hand, not in CI.
// `pnpm mutation` reuses the last results for code and tests that did not change (incremental mode);
// `pnpm mutation --force` runs every mutant again. The report: reports/mutation/mutation.html.
// The differential JWT test (10,000 cases against jose in the suite) runs for every mutant of the
// verifier; 1,000 cases per mutant still reach every branch its generators aim at.
process.env.JWT_DIFFERENTIAL_RUNS ??= '1000';
// …with a fixed seed: every mutant meets the same cases, and seed 1's 1,000 cases reach every verdict
// the test requires (a random draw of 1,000 can miss the rarest, ERR_JWKS_INVALID, and fail the dry run).
process.env.JWT_DIFFERENTIAL_SEED ??= '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  // pnpm does not put the runner next to @stryker-mutator/core, where Stryker's default plugin glob looks.
  plugins: [import.meta.resolve('@stryker-mutator/jest-runner'), import.meta.resolve('./stryker-mutant-log.mjs')],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.ts', enableFindRelatedTests: false },
  mutate: ['packages/core/src/**/*.ts', '!packages/core/src/**/*.d.ts'],
  coverageAnalysis: 'perTest',
  // A mutant in code that runs when a module loads (module-level constants, zod schemas) needs every
  // test file re-run: about a quarter of core's mutants, three quarters of the run time. They are
  // reported as ignored and left out of the score.
  ignoreStatic: true,
  // The machine is shared: two test processes at most.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The sandbox copy holds only what core's tests load: core, the emulator, the testing kit and the
  // root configs (other folders change under concurrent work and would only slow the copy).
  ignorePatterns: [
    '/*',
    ...[
      'package.json',
      'tsconfig.json',
      'tsconfig.base.json',
      'jest.config.ts',
      'jest.stryker.config.ts',
      'stryker-test-sequencer.cjs',
      'stryker-bail-runner.cjs',
      'packages',
    ].map((name) => `!/${name}`),
    '/packages/*',
    ...['core', 'emulator', 'testing'].map((name) => `!/packages/${name}`),
    '/packages/*/dist',
    '/packages/*/test/**/scratch*',
    '/packages/emulator/test',
    '/packages/testing/test',
    '*.md',
  ],
  // mutant-log: every result as it comes, in reports/mutation/mutants.ndjson (stryker-mutant-log.mjs).
  reporters: ['clear-text', 'progress-append-only', 'html', 'json', 'mutant-log'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};

export default config;

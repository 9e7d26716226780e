// Jest test runner for `pnpm mutation` only (jest.stryker.config.ts). Stryker runs, for each mutant,
// every test file that covers it, and cannot ask Jest to bail (jestjs/jest#11766): a mutant that the
// first file kills would still load and run the twenty others that cover it. This runner stops at the
// first test file with a failure while a mutant is active. One failing test is all Stryker needs to
// mark the mutant killed; a mutant that survives still runs every covering file. The initial test
// run (no active mutant) is never cut short.
const { createRequire } = require('node:module');

const fromJest = createRequire(require.resolve('jest/package.json'));
const JestRunner = createRequire(fromJest.resolve('@jest/core'))('jest-runner').default;

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

class StrykerBailRunner extends JestRunner {
  #failed = false;

  constructor(globalConfig, context) {
    super(globalConfig, context);
    this.on('test-file-success', ([, result]) => {
      if (result.numFailingTests > 0 || result.testExecError) this.#failed = true;
    });
    this.on('test-file-failure', () => {
      this.#failed = true;
    });
  }

  async runTests(tests, watcher, options) {
    if (!options.serial || process.env[ACTIVE_MUTANT] === undefined) return super.runTests(tests, watcher, options);
    for (const test of tests) {
      if (this.#failed) return;
      await super.runTests([test], watcher, options);
    }
  }
}

module.exports = StrykerBailRunner;

// Jest test sequencer for `pnpm mutation` only (jest.stryker.config.ts). For each mutant Stryker runs
// the tests that cover it, but names them only through `testNamePattern`: Jest would still load every
// test file of core (and start their emulators) just to skip their tests, which costs most of a
// mutant's run. This keeps only the test files whose top-level `describe` titles begin one of the
// requested test names. When a file's titles cannot be read, the file is kept: a mistake here can only
// run a file too many, never skip a test Stryker asked for.
// The order serves stryker-bail-runner.cjs, which stops at the first failing file: files that failed
// last time first (the previous mutant was most likely in the same source file), then fastest first.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');

const fromJest = createRequire(require.resolve('jest/package.json'));
const Sequencer = createRequire(fromJest.resolve('@jest/core'))('@jest/test-sequencer').default;

/** Stryker's pattern: every test's full name, regex-escaped, each in parentheses, joined by `|`. */
function requestedNames(pattern) {
  if (!pattern || !pattern.startsWith('(') || !pattern.endsWith(')')) return undefined;
  return pattern
    .slice(1, -1)
    .split(')|(')
    .map((name) => name.replace(/\\(.)/g, '$1'));
}

/** The titles of the file's top-level `describe` blocks, or `undefined` when one is not a plain string. */
function topLevelTitles(path) {
  const source = readFileSync(path, 'utf8');
  const titles = [];
  for (const line of source.split('\n')) {
    if (/^(it|test)[.(]/.test(line)) return undefined;
    if (!/^describe[.(]/.test(line)) continue;
    const match = /^describe\((['"])((?:\\.|(?!\1).)*)\1,/.exec(line);
    if (!match) return undefined;
    titles.push(match[2].replace(/\\(.)/g, '$1'));
  }
  return titles.length > 0 ? titles : undefined;
}

class StrykerTestSequencer extends Sequencer {
  #names;

  constructor(options) {
    super(options);
    this.#names = requestedNames(options.globalConfig.testNamePattern);
  }

  sort(tests) {
    const names = this.#names;
    if (names === undefined) return super.sort(tests);
    const wanted = tests.filter((test) => {
      const titles = topLevelTitles(test.path);
      return titles === undefined || names.some((name) => titles.some((title) => name === title || name.startsWith(`${title} `)));
    });
    super.sort(wanted); // records each file's last duration on `test.duration`
    return wanted.sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || (a.duration ?? Infinity) - (b.duration ?? Infinity));
  }
}

module.exports = StrykerTestSequencer;

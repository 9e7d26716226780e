import { tarballProblems } from '../consumer/tarball-rules';
import type { TarballFile } from '../consumer/tarball';
import { summaryLine } from '../run-tests';
import type { PackageManifest } from '../workspace';

const manifest: PackageManifest = {
  name: '@passport-genauth/acme',
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: {
    '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' }, require: { types: './dist/index.d.cts', default: './dist/index.cjs' } },
    './package.json': './package.json',
  },
};

const file = (path: string, text = 'x'): TarballFile => ({ path, bytes: Buffer.from(text) });
const map = (path: string, sources: string[]): TarballFile => file(path, JSON.stringify({ version: 3, sources, mappings: '' }));

const good = [
  file('package.json'),
  file('README.md'),
  file('LICENSE'),
  file('CHANGELOG.md'),
  file('dist/index.js'),
  file('dist/index.cjs'),
  file('dist/index.d.ts'),
  file('dist/index.d.cts'),
  map('dist/index.js.map', ['../src/index.ts', '../src/acme.ts']),
  map('dist/index.cjs.map', ['../src/index.ts']),
];

describe("the consumer test's tarball rules", () => {
  it('accept a tarball of exactly the build, README, CHANGELOG, LICENSE and package.json', () => {
    expect(tarballProblems(good, manifest)).toEqual([]);
  });

  it('name every missing file: the LICENSE and an entry point of exports', () => {
    const lacking = good.filter((f) => f.path !== 'LICENSE' && f.path !== 'dist/index.d.cts');
    expect(tarballProblems(lacking, manifest)).toEqual(['lacks LICENSE', 'lacks dist/index.d.cts']);
  });

  it('refuse tests, sources, build-info files, env files and keys', () => {
    const extra = ['test/acme.test.ts', 'dist/acme.test.js', 'src/index.ts', 'tsconfig.tsbuildinfo', '.env', 'dist/.npmrc', 'certs/server.pem'];
    const problems = tarballProblems([...good, ...extra.map((path) => file(path))], manifest);
    expect(problems).toHaveLength(extra.length);
    extra.forEach((path) => expect(problems.some((problem) => problem.endsWith(path))).toBe(true));
  });

  it('refuse any other file, but accept the files a bin field points to', () => {
    expect(tarballProblems([...good, file('notes.txt')], manifest)).toEqual(['holds an unexpected file: notes.txt']);
    expect(tarballProblems([...good, file('bin/acme.cjs')], { ...manifest, bin: { acme: './bin/acme.cjs' } })).toEqual([]);
  });

  it('refuse source maps of anything but src/ (tests, bundled dependencies)', () => {
    const bad = [
      ...good.filter((f) => f.path !== 'dist/index.js.map'),
      map('dist/index.js.map', ['../src/index.ts', '../test/acme.test.ts', '../../../node_modules/zod/index.js']),
    ];
    expect(tarballProblems(bad, manifest)).toEqual(['dist/index.js.map maps files other than src/: ../test/acme.test.ts, ../../../node_modules/zod/index.js']);
  });

  it('refuse text that looks like a credential: a private key, an npm or GitHub token', () => {
    const secrets = [
      file('dist/index.js', '-----BEGIN PRIVATE KEY-----\nMIIE'),
      file('dist/index.cjs', `const token = "npm_${'a'.repeat(36)}";`),
      file('README.md', `ghp_${'B'.repeat(36)}`),
    ];
    const tarball = [...good.filter((f) => !secrets.some((s) => s.path === f.path)), ...secrets];
    expect(tarballProblems(tarball, manifest)).toEqual([
      'dist/index.js contains a private key',
      'dist/index.cjs contains an npm token',
      'README.md contains a GitHub token',
    ]);
  });
});

describe("the test runner's closing line", () => {
  it('is "N passed, N failed", with ", N skipped" only when something was skipped', () => {
    expect(summaryLine({ passed: 812, failed: 0, skipped: 0 })).toBe('812 passed, 0 failed');
    expect(summaryLine({ passed: 3, failed: 2, skipped: 1 })).toBe('3 passed, 2 failed, 1 skipped');
  });
});

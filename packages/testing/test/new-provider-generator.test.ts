import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeProvider, strategyClassesOf } from '../src';

// The generator runs while Jest collects this file, because `describeProvider` must see the
// generated module before the tests are declared.
const repoRoot = join(__dirname, '../../..');
const outRoot = mkdtempSync(join(tmpdir(), 'new-provider-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));
const packageDir = join(outRoot, 'packages/acme');
const output = execFileSync(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'scripts/new-provider.ts'), 'acme', 'acme_id', 'acme_mini_app'], {
  cwd: repoRoot,
  env: { ...process.env, NEW_PROVIDER_ROOT: outRoot },
  encoding: 'utf8',
});
// Synchronous on purpose: describeProvider below must see the generated module while Jest collects tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generated = require(join(packageDir, 'src/index.ts')) as Record<string, unknown>;

describe('pnpm new-provider acme acme_id acme_mini_app', () => {
  it('writes the five package files under NEW_PROVIDER_ROOT and nothing into the repository', () => {
    const files = ['package.json', 'tsconfig.json', 'src/index.ts', 'test/acme.test.ts', 'README.md'];
    expect(files.filter((file) => existsSync(join(packageDir, file)))).toEqual(files);
    expect(output).toContain('created packages/acme/src/index.ts');
    expect(existsSync(join(repoRoot, 'packages/acme'))).toBe(false);
  });

  it('names each strategy genauth- plus its connection with dashes', () => {
    const options = { appHost: 'https://acme.genauth.ai', appId: 'acme-app', extIdpConnidentifier: 'acme' };
    const names = strategyClassesOf(generated).map((Strategy) => new Strategy(options as never, (() => undefined) as never).name);
    expect(names).toEqual(['genauth-acme-id', 'genauth-acme-mini-app']);
    expect(Object.keys(generated).sort()).toEqual(['AcmeIdStrategy', 'AcmeMiniAppStrategy', 'acmeId', 'acmeMiniApp']);
  });

  it('writes a manifest that depends on core and a test that runs the conformance suite', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: '@passport-genauth/acme',
      dependencies: { '@passport-genauth/core': 'workspace:^' },
      devDependencies: { '@passport-genauth/testing': 'workspace:^' },
    });
    const test = readFileSync(join(packageDir, 'test/acme.test.ts'), 'utf8');
    expect(test).toContain('describeProvider(acme);');
    // The emulator does not know acme_id: an end-to-end suite for it could only fail.
    expect(test).not.toMatch(/^describeEndToEnd\(/m);
  });

  it('writes a README with the sections of the provider packages, in their order', () => {
    const headings = (path: string) => readFileSync(path, 'utf8').match(/^## .*$/gm);
    expect(headings(join(packageDir, 'README.md'))).toEqual([
      '## What the app sends',
      '## Example request',
      '## GenAuth console',
      '## Strategies',
      '## Express example',
    ]);
    expect(headings(join(repoRoot, 'packages/alipay/README.md'))).toEqual(headings(join(packageDir, 'README.md')));
  });
});

describe('the generated module', () => {
  describeProvider(generated);
});

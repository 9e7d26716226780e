/**
 * The consumer test (`pnpm test:consumer`, part of `pnpm test`): the published packages used the way
 * users get them. Builds, packs every published workspace package, checks each tarball's contents and
 * runs publint and attw on it; installs the tarballs with npm in a fresh folder under the OS temp dir;
 * then a CommonJS app and an ES module app log in against the installed emulator's CLI, and a
 * TypeScript app type-checks under module node16 and bundler. Everything it starts is stopped and the
 * folder removed (`--keep` keeps the folder). Needs no network but the npm registry.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClosure, buildQuietly } from './build-quietly';
import { Checks } from './consumer/checks';
import { startEmulatorCli, type EmulatorCli } from './consumer/emulator-cli';
import { packAll, type Packed } from './consumer/pack';
import { tarballProblems } from './consumer/tarball-rules';
import { typeCheckConfigs } from './consumer/type-check';
import { runCommand, workspaceBin, type CommandResult } from './run-command';
import { publishablePackages, repoRoot, type PackageManifest } from './workspace';

const checks = new Checks();
const fixtures = join(__dirname, 'consumer/fixtures');
const timings: [string, number][] = [];

async function timed<T>(phase: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await body();
  } finally {
    timings.push([phase, Date.now() - started]);
  }
}

/** Runs `jobs` with at most `limit` at a time. */
async function pool<T>(limit: number, jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (job) results[index] = await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** publint and attw on one tarball, offline. */
async function lintTarball(packed: Packed): Promise<[CommandResult, CommandResult]> {
  const publint = await runCommand([workspaceBin('publint'), '--strict', packed.file]);
  const attw = await runCommand([workspaceBin('attw'), '--no-definitely-typed', '--no-color', '--no-emoji', '--format', 'ascii', packed.file]);
  return [publint, attw];
}

/** The root's pinned range of a dev dependency, so the consumer gets the versions the workspace tests with. */
function rootRange(name: string): string {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageManifest;
  const range = root.devDependencies?.[name];
  if (!range) throw new Error(`the root package.json has no devDependency ${name}`);
  return `${name}@${range}`;
}

/** Every installed copy of a package named `@passport-genauth/*`, as `<path> <version>`. */
function installedCopies(nodeModules: string): string[] {
  const copies: string[] = [];
  const walk = (dir: string): void => {
    for (const scope of existsSync(dir) ? readdirSync(dir) : []) {
      if (scope === '@passport-genauth') {
        for (const name of readdirSync(join(dir, scope))) {
          const manifest = JSON.parse(readFileSync(join(dir, scope, name, 'package.json'), 'utf8')) as PackageManifest;
          copies.push(`${join(dir, scope, name).slice(nodeModules.length + 1)} ${manifest.version}`);
          walk(join(dir, scope, name, 'node_modules'));
        }
      } else if (scope.startsWith('@')) {
        for (const name of readdirSync(join(dir, scope))) walk(join(dir, scope, name, 'node_modules'));
      } else if (!scope.startsWith('.')) {
        walk(join(dir, scope, 'node_modules'));
      }
    }
  };
  walk(nodeModules);
  return copies.sort();
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/** The table of tarballs: size, unpacked size and files. */
function tarballTable(packed: readonly Packed[]): string {
  const rows = packed.map(({ pkg, size, files }) => {
    const unpacked = files.reduce((sum, file) => sum + file.bytes.length, 0);
    const dist = files.filter((file) => file.path.startsWith('dist/')).map((file) => file.path.slice(5));
    const others = files.filter((file) => !file.path.startsWith('dist/')).map((file) => file.path);
    return `| ${pkg.manifest.name} | ${kb(size)} | ${kb(unpacked)} | ${files.length} | ${[...others, `dist/{${dist.join(', ')}}`].join(', ')} |`;
  });
  const total = packed.reduce((sum, { size }) => sum + size, 0);
  return [
    '| package | tarball | unpacked | files | contents |',
    '|---|---|---|---|---|',
    ...rows,
    `| **${packed.length} packages** | ${kb(total)} | | | |`,
  ].join('\n');
}

async function main(keep: boolean): Promise<void> {
  const started = Date.now();
  const published = publishablePackages();
  console.log(`Consumer test: ${published.length} published packages, installed from their tarballs with npm.`);
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'passport-genauth-consumer-')));
  const tarballs = join(work, 'tarballs');
  const app = join(work, 'app');
  mkdirSync(tarballs);
  mkdirSync(app);
  let emulator: EmulatorCli | undefined;
  try {
    const build = await timed('build', () => buildQuietly(buildClosure(published.map((pkg) => pkg.manifest.name))));
    if (!checks.record(`builds the ${published.length} published packages${build.built.length === 0 ? ' (up to date)' : ''}`, build.ok, build.output)) return;

    const packed = await timed('pack', () => packAll(published, tarballs));
    checks.record(`packs ${packed.length} tarballs with pnpm pack`, packed.length === published.length);
    for (const { pkg, files } of packed)
      checks.record(
        `${pkg.manifest.name}: the tarball holds exactly its build, README, CHANGELOG, LICENSE and package.json`,
        ...problemsOf(tarballProblems(files, pkg.manifest)),
      );
    for (const { pkg, files } of packed) {
      const manifest = JSON.parse(files.find((file) => file.path === 'package.json')?.bytes.toString('utf8') ?? '{}') as PackageManifest;
      const left = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }).filter(([, range]) =>
        range.startsWith('workspace:'),
      );
      checks.record(
        `${pkg.manifest.name}: the packed package.json has versions, not workspace: ranges`,
        left.length === 0,
        left.map(([name, range]) => `${name}: ${range}`).join('\n'),
      );
    }

    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'consumer-app', version: '0.0.0', private: true }, null, 2)}\n`);
    const install = timed('npm install', () =>
      runCommand(
        [
          'npm',
          'install',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--no-package-lock',
          '--loglevel=error',
          ...packed.map(({ file }) => file),
          ...['passport', 'express', '@types/express', '@types/passport', '@types/node'].map(rootRange),
        ],
        { cwd: app },
      ),
    );
    // publint and attw (CPU) run while npm waits on the registry.
    const linted = await timed('publint + attw', () =>
      pool(
        2,
        packed.map((p) => () => lintTarball(p)),
      ),
    );
    packed.forEach(({ pkg }, index) => {
      const [publint, attw] = linted[index] ?? [];
      checks.record(`${pkg.manifest.name}: publint --strict finds nothing`, publint?.code === 0 && /All good!/.test(publint.output), publint?.output);
      checks.record(`${pkg.manifest.name}: attw finds no problem (node10, node16 CJS and ESM, bundler)`, attw?.code === 0, attw?.output);
    });
    const installed = await install;
    if (!checks.record('npm installs the tarballs with passport and express in a fresh folder', installed.code === 0, installed.output)) return;
    const copies = installedCopies(join(app, 'node_modules'));
    const expected = packed.map(({ pkg }) => `${pkg.manifest.name} ${pkg.manifest.version}`).sort();
    checks.record(
      'npm installed one copy of each package, from its tarball',
      JSON.stringify(copies) === JSON.stringify(expected),
      `installed:\n${copies.join('\n')}`,
    );
    const ls = await runCommand(['npm', 'ls', '--all', '--depth', '1'], { cwd: app });
    checks.record('npm ls finds no missing or invalid dependency', ls.code === 0, ls.output);

    for (const file of ['login-flow.cjs', 'app.cjs', 'app.mjs']) copyFileSync(join(fixtures, file), join(app, file));
    emulator = await timed('emulator CLI start', () => startEmulatorCli(app));
    const cliUrl = emulator.url;
    await checks.run(`npx genauth-emulator --port 0 --control serves GenAuth's discovery document (${cliUrl})`, async () => {
      const response = await fetch(`${cliUrl}/oidc/.well-known/openid-configuration`);
      const discovery = (await response.json()) as { issuer?: unknown };
      return response.status === 200 && discovery.issuer === `${cliUrl}/oidc` ? [] : [`HTTP ${response.status}: ${JSON.stringify(discovery)}`];
    });
    const env = { ...process.env, EMULATOR_URL: emulator.url, PACKAGES: JSON.stringify(published.map((pkg) => pkg.manifest.name)) };
    for (const [label, entry] of [
      ['CommonJS app', 'app.cjs'],
      ['ES module app', 'app.mjs'],
    ] as const) {
      const run = await timed(label, () => runCommand([process.execPath, entry], { cwd: app, env }));
      const reported = checks.recordTap(label, run.stdout);
      checks.record(`${label}: runs to its end and exits 0`, run.code === 0 && reported > 0, run.output);
    }
    const stopped = await emulator.stop();
    emulator = undefined;
    checks.record('the emulator CLI and every process npx started stop on SIGTERM', stopped);

    const typed = readFileSync(join(fixtures, 'typed-app.ts'), 'utf8');
    for (const name of ['app.cts', 'app.mts', 'app.ts']) writeFileSync(join(app, name), typed);
    const configs = typeCheckConfigs(app);
    const results = await timed('tsc node16 + bundler', () =>
      Promise.all(configs.map(({ path }) => runCommand([workspaceBin('tsc'), '-p', path], { cwd: app }))),
    );
    configs.forEach(({ label }, index) =>
      checks.record(`the TypeScript app type-checks under ${label} against the published .d.ts`, results[index]?.code === 0, results[index]?.output),
    );

    console.log(`\nTarballs (${tarballs}):\n\n${tarballTable(packed)}\n`);
  } finally {
    if (emulator) await emulator.stop();
    if (keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    timings.push(['total', Date.now() - started]);
    console.log(`Timings: ${timings.map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  }
}

/** `[ok, detail]` for `checks.record` from a list of problems. */
function problemsOf(problems: readonly string[]): [boolean, string] {
  return [problems.length === 0, problems.join('\n')];
}

main(process.argv.includes('--keep'))
  .catch((error: unknown) => checks.record('the consumer test ran to its end', false, error instanceof Error ? (error.stack ?? error.message) : String(error)))
  .finally(() => {
    const summary = { passed: checks.passed, failed: checks.failed, skipped: 0 };
    if (process.env.TEST_REPORT_FILE) writeFileSync(process.env.TEST_REPORT_FILE, JSON.stringify(summary));
    console.log(`Consumer test: ${summary.passed} passed, ${summary.failed} failed`);
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

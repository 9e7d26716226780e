/**
 * `tsx scripts/demo.ts <example>/src/demo.ts [--verbose] [demo args…]` (the root `demo` script): builds
 * what the example needs without a word (the build's output appears only when it fails, or with
 * `--verbose`), then runs the demo with the example's tsconfig, which resolves the built packages.
 */
import { join, relative, resolve, sep } from 'node:path';
import { buildClosure, buildQuietly } from './build-quietly';
import { runCommand, workspaceBin } from './run-command';
import { repoRoot, workspacePackages } from './workspace';

async function main(args: readonly string[]): Promise<number> {
  const [entry, ...rest] = args;
  if (!entry) {
    process.stderr.write('usage: tsx scripts/demo.ts <example>/src/demo.ts [--verbose] [demo args…]\n');
    return 2;
  }
  const path = resolve(repoRoot, entry);
  const example = workspacePackages().find((pkg) => path.startsWith(pkg.dir + sep));
  if (!example) {
    process.stderr.write(`${entry} is not inside a workspace package\n`);
    return 2;
  }
  const verbose = rest.includes('--verbose');
  const build = await buildQuietly(buildClosure([example.manifest.name]), verbose);
  if (!build.ok) {
    process.stderr.write(`${build.output}\nThe build failed (its output is above), so the demo did not start.\n`);
    return 1;
  }
  // Ctrl-C reaches the demo too (same process group); stay alive until it has stopped its servers.
  process.on('SIGINT', () => undefined);
  const tsconfig = join(relative(repoRoot, example.dir), 'tsconfig.json');
  const demo = await runCommand([workspaceBin('tsx'), '--tsconfig', tsconfig, relative(repoRoot, path), ...rest.filter((arg) => arg !== '--verbose')], {
    show: true,
    cwd: repoRoot,
  });
  return demo.code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = 'packages/emulator/src/cli.ts';

/** A `genauth-emulator` process run from source. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves to the URL it prints once it listens (rejects if it exits first). */
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

/** Starts the CLI with `args`; the caller kills it (see `stopAll`). */
export function runCli(args: string[], children: Set<ChildProcessWithoutNullStreams>): CliProcess {
  const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: 'pipe' });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) =>
    child.on('exit', (code) => {
      children.delete(child);
      done(code);
    }),
  );
  const url = new Promise<string>((found, fail) => {
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearInterval(poll);
        found(match[1]);
      }
    }, 20);
    void exited.then(() => {
      clearInterval(poll);
      fail(new Error(`exited before listening: ${stderr}`));
    });
  });
  url.catch(() => undefined);
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

/**
 * Running the tools the scripts need as child processes: pnpm (the one running us, else `npx -y pnpm@10`),
 * the workspace's own binaries, with output captured or shown.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workspace';

/** `[command, ...args]` that runs pnpm: the pnpm that started this script when there is one. */
export function pnpmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm(\.c?js)?$/.test(execPath)) return /\.c?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  return ['npx', '-y', 'pnpm@10'];
}

/** The path of a binary installed in the root node_modules (`tsx`, `tsc`, `publint`, …). */
export function workspaceBin(name: string): string {
  return join(repoRoot, 'node_modules', '.bin', name);
}

/** How a finished command ended. */
export interface CommandResult {
  readonly code: number;
  /** stdout and stderr interleaved as they came (empty when the output was shown instead). */
  readonly output: string;
  /** stdout alone. */
  readonly stdout: string;
}

/** Runs a command to its end; `show` streams its output to ours, otherwise it is captured. Never rejects. */
export function runCommand(command: readonly string[], options: SpawnOptions & { show?: boolean } = {}): Promise<CommandResult> {
  const [file, ...args] = command;
  if (!file) throw new Error('runCommand needs a command');
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: repoRoot, ...options, stdio: options.show ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const stdout: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      stdout.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ code: 127, output: `${command.join(' ')}: ${error.message}\n`, stdout: '' }));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8'), stdout: Buffer.concat(stdout).toString('utf8') }),
    );
  });
}

/** The installed emulator's CLI, started as a user starts it (`npx genauth-emulator`) and stopped for sure. */
import { spawn, type ChildProcess } from 'node:child_process';

/** A running `npx genauth-emulator`. */
export interface EmulatorCli {
  /** `http://127.0.0.1:<port>`, read from the CLI's first line. */
  readonly url: string;
  /** What the CLI printed so far. */
  output(): string;
  /** Sends SIGTERM to its process group; true when every process of it ended within `graceMs` (else they get SIGKILL). */
  stop(graceMs?: number): Promise<boolean>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts `npx --no-install genauth-emulator --port 0 --control` in `cwd` (its own process group). */
export async function startEmulatorCli(cwd: string, timeoutMs = 30_000): Promise<EmulatorCli> {
  const child = spawn('npx', ['--no-install', 'genauth-emulator', '--port', '0', '--control'], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const alive = (): boolean => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (name: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  const stop = async (graceMs = 5_000): Promise<boolean> => {
    // npx runs the bin under a shell: the whole group must go, or the server outlives npx.
    signal('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!alive()) return true;
    signal('SIGKILL');
    await exited(child);
    return false;
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`genauth-emulator printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const look = (): void => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`genauth-emulator exited with ${code} before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, output: () => output, stop };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { EmulatorStats } from '@passport-genauth/emulator';
import { Pool } from 'undici';

/** An emulator running in its own process (its memory and CPU stay out of the measured process). */
export interface EmulatorProcess {
  readonly url: string;
  stats(): Promise<EmulatorStats>;
  /** A fresh one-time credential for `connection`, registered to the provider user `user` (the provider simulator). */
  mint(connection: string, user: string): Promise<Record<string, unknown>>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const PACKAGE_ROOT = join(__dirname, '..', '..');
const CLI = join(PACKAGE_ROOT, '..', 'emulator', 'src', 'cli.ts');

/** Starts the emulator's CLI from source on a free loopback port, control endpoints on. */
export async function spawnEmulator(): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--host', '127.0.0.1', '--control'], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`emulator did not start within 30 s:\n${output}`)), 30_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => fail(new Error(`emulator exited with ${String(code)}:\n${output}`)));
  });
  const pool = new Pool(url, { connections: 16 });
  const control = async (method: 'GET' | 'POST', path: string, body: object = {}): Promise<unknown> => {
    const response = await pool.request({
      method,
      path: `/__emulator/${path}`,
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    if (response.statusCode !== 200) throw new Error(`emulator ${method} ${path}: HTTP ${response.statusCode} ${await response.body.text()}`);
    return response.body.json();
  };
  return {
    url,
    stats: async () => (await control('GET', 'stats')) as EmulatorStats,
    mint: async (connection, user) => (await control('POST', 'credentials', { connection, user })) as Record<string, unknown>,
    reset: async () => {
      await control('POST', 'reset');
    },
    close: async () => {
      await pool.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

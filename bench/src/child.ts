import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A bench child process (emulator host, backend, probe) driven over IPC. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  /** What the child announced when it became ready (e.g. `{ port }` or `{ url }`). */
  readonly info: Record<string, unknown>;
  rpc<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  /** Ends this child (SIGTERM, then SIGKILL after 2 s) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly env?: Record<string, string>;
  /** Node flags for the child; never the orchestrator's own (tsx's loader stays out of the measured processes). */
  readonly execArgv?: readonly string[];
  readonly readyTimeoutMs?: number;
}

/** Absolute path of a script in `src/children/`. */
export function childScript(name: string): string {
  return fileURLToPath(new URL(`./children/${name}`, import.meta.url));
}

/** Forks `script`, waits for its `ready` message, and returns an RPC handle. */
export async function spawnChild(name: string, script: string, options: SpawnOptions = {}): Promise<Child> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.NODE_OPTIONS;
  const proc: ChildProcess = fork(script, [], {
    execArgv: [...(options.execArgv ?? [])],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      exited = true;
      for (const { reject } of pending.values()) reject(new Error(`${name} exited`));
      pending.clear();
      resolve();
    }),
  );
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not become ready`)), options.readyTimeoutMs ?? 30_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready`));
    });
    proc.on('message', (message: { type?: string; id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`${name}: ${message.error}`));
    });
  });
  return {
    name,
    pid: proc.pid ?? -1,
    info,
    rpc<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
      if (exited) return Promise.reject(new Error(`${name} has exited`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        proc.send({ id, cmd, args });
      });
    },
    async stop() {
      if (exited) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 2_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';

export interface MachineInfo {
  readonly date: string;
  readonly node: string;
  readonly v8: string;
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly loadAverage: readonly number[];
  readonly packages: Record<string, string>;
}

const require = createRequire(import.meta.url);

function versionOf(name: string, from?: string): string {
  try {
    const entry = from ? require.resolve(name, { paths: [from] }) : require.resolve(name);
    // Walk up from the entry to the package's own package.json.
    for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? '?';
      } catch {
        // keep walking
      }
    }
  } catch {
    // not resolvable from here
  }
  return '?';
}

/** What the figures were measured on. */
export function machineInfo(): MachineInfo {
  const coreDir = dirname(require.resolve('@passport-genauth/core'));
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    packages: {
      express: versionOf('express'),
      passport: versionOf('passport'),
      'authing-node-sdk': versionOf('authing-node-sdk'),
      autocannon: versionOf('autocannon'),
      'undici (core)': versionOf('undici', coreDir),
      'jose (core)': versionOf('jose', coreDir),
      'zod (core)': versionOf('zod', coreDir),
    },
  };
}

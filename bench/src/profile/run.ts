import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestsFor, startBackend, type BackendSpec } from '../backends.js';
import { runLoad } from '../load.js';
import { warmUp } from '../measure.js';
import { byOwner, summarize } from './summarize.js';

export interface ProfileSummary {
  readonly logins: number;
  readonly connections: number;
  readonly intervalUs: number;
  readonly busyUsPerLogin: number;
  readonly owners: Array<{ owner: string; usPerLogin: number; share: number }>;
  readonly ours: Array<{ name: string; usPerLogin: number }>;
  readonly file: string;
}

/**
 * Profiles a warmed-up backend with V8's sampling profiler (what `node --cpu-prof` uses) over a
 * window of `logins` logins only, then summarizes it by owning package and by hot function.
 */
export async function profileBackend(emulatorUrl: string, spec: BackendSpec, logins: number, tokens?: readonly string[]): Promise<ProfileSummary> {
  const connections = 16;
  const intervalUs = 200;
  const backend = await startBackend(spec, emulatorUrl);
  const file = join(tmpdir(), `passport-genauth-${spec.key.replace(/[^a-z0-9]+/gi, '-')}-${process.pid}.cpuprofile`);
  try {
    const requests = requestsFor(spec, backend, tokens);
    await warmUp(backend, 1, 1, requests);
    await warmUp(backend, 2_000, connections, requests);
    await backend.rpc('profileStart', { intervalUs });
    const load = await runLoad({ ...requests, connections, amount: logins });
    await backend.rpc('profileStop', { path: file });
    if (load.ok !== logins) throw new Error(`${spec.key}: ${logins - load.ok} logins failed while profiling`);
  } finally {
    await backend.stop();
  }
  const owners = byOwner(file);
  const functions = summarize(file, []);
  return {
    logins,
    connections,
    intervalUs,
    busyUsPerLogin: (owners.busyMs * 1000) / logins,
    owners: owners.owners.map((o) => ({ owner: o.owner, usPerLogin: (o.ms * 1000) / logins, share: o.share })),
    ours: functions.hotspots
      .filter((h) => /packages\/core|bench-scratch|zod\/|undici\//.test(h.name))
      .map((h) => ({ name: h.name, usPerLogin: (h.selfMs * 1000) / logins })),
    file,
  };
}

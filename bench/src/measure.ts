import type { Child } from './child.js';
import { backendBody, runLoad, type LoadOptions, type LoadResult } from './load.js';
import { loginUrl } from './backends.js';

/** What the agent inside a backend reports for one window. */
export interface WindowReport {
  readonly logins: number;
  readonly userUs: number;
  readonly systemUs: number;
  readonly wallMs: number;
  readonly allocatedBytes: number;
  readonly gcCount: number;
  readonly gcCostUs: number;
  readonly eventLoopUtilization: number;
}

/** Per-login cost of one window. */
export interface PerLogin {
  readonly cpuUs: number;
  readonly userUs: number;
  readonly systemUs: number;
  readonly allocatedBytes: number;
  readonly gcUs: number;
  readonly load: LoadResult;
}

/** Sends `amount` logins (or `requests`) at `connections` concurrency without measuring (JIT warm-up, pools, JWKS). */
export async function warmUp(
  backend: Child,
  amount: number,
  connections: number,
  requests: Pick<LoadOptions, 'url' | 'body' | 'requestHeaders'> = { url: loginUrl(backend), body: backendBody },
): Promise<void> {
  const load = await runLoad({ ...requests, connections, amount });
  if (load.ok !== amount) throw new Error(`${backend.name}: warm-up had ${amount - load.ok} failed requests`);
}

/**
 * Measures one window of exactly `amount` logins: the backend's CPU time (user + system, all its
 * threads), V8 heap bytes allocated and GC time, divided by the logins it completed. Any failed
 * login makes the window invalid (thrown), so a figure never mixes in error paths.
 */
export async function measureWindow(
  backend: Child,
  amount: number,
  connections: number,
  options: {
    readonly onRequest?: (sent: number) => void;
    readonly allowFailures?: boolean;
    readonly gcFirst?: boolean;
    readonly requests?: Pick<LoadOptions, 'url' | 'body' | 'requestHeaders'>;
  } = {},
): Promise<PerLogin & { readonly failed: number; readonly wallMs: number }> {
  await backend.rpc('begin', { gcFirst: options.gcFirst === true });
  const load = await runLoad({
    ...(options.requests ?? { url: loginUrl(backend), body: backendBody }),
    connections,
    amount,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const report = await backend.rpc<WindowReport>('end');
  const failed = amount - load.ok;
  if (!options.allowFailures && (failed !== 0 || report.logins !== amount)) {
    throw new Error(`${backend.name}: ${failed} of ${amount} logins failed (non2xx ${load.non2xx}, errors ${load.errors})`);
  }
  return {
    cpuUs: (report.userUs + report.systemUs) / amount,
    userUs: report.userUs / amount,
    systemUs: report.systemUs / amount,
    allocatedBytes: report.allocatedBytes / amount,
    gcUs: report.gcCostUs / amount,
    load,
    failed,
    wallMs: report.wallMs,
  };
}

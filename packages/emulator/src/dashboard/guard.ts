import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** True for a name or address only this machine can reach: `localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host).toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1') return true;
  if (bare.startsWith('::ffff:')) return isLoopbackHost(bare.slice('::ffff:'.length));
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** The host name of a `Host` header (`127.0.0.1:3999`, `[::1]:3999`), or undefined when it is not one. */
function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (hostHeader === undefined || hostHeader === '') return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

/** Why a dashboard request is refused, or undefined when it may go on. */
export type Refusal = { readonly status: 403 | 415; readonly error: string } | undefined;

/**
 * The checks every dashboard request passes. On a loopback emulator the `Host` header must name a
 * loopback host too: a web page whose domain was re-pointed at 127.0.0.1 (DNS rebinding) sends its own
 * domain there. A request that changes something must be JSON (a cross-site page cannot send that
 * without a CORS preflight, which the emulator never answers) and must not come from another origin.
 */
export function refusal(req: IncomingMessage, allowRemote: boolean): Refusal {
  const hostname = hostnameOf(req.headers.host);
  if (!allowRemote && (hostname === undefined || !isLoopbackHost(hostname))) {
    return { status: 403, error: 'The dashboard answers only requests addressed to a loopback host' };
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return undefined;
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json[ \t]*(;|$)/i.test(contentType)) {
    return { status: 415, error: 'Dashboard requests that change something must be application/json' };
  }
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if ((site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`)) {
    return { status: 403, error: 'Dashboard requests must come from the dashboard page itself' };
  }
  return undefined;
}

import type { Dispatcher } from 'undici';
// The one part of undici core runs, loaded by path: `import 'undici'` also loads fetch, WebSocket,
// the cookie, cache and mock layers (about three quarters of its load time), none of which core uses.
// Requests go straight to `dispatch` (see response-reader.ts), so not even `request()` is loaded.
// test/undici-parts.test.ts holds it to be the very Agent undici's entry exports.
import UndiciAgent from 'undici/lib/dispatcher/agent.js';

/** A keep-alive connection pool: undici's `Agent`. */
export function createAgent(options: { readonly keepAliveTimeout: number; readonly connections: number }): Dispatcher {
  return new UndiciAgent(options);
}

/** What `dispatchTo` sends. */
export interface Outgoing {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Origin and path of the URLs sent to: configuration (the app's endpoints), so few; parsed once each. */
const targets = new Map<string, { readonly origin: string; readonly path: string }>();

function targetOf(url: string): { readonly origin: string; readonly path: string } {
  let target = targets.get(url);
  if (target === undefined) {
    const { origin, pathname, search } = new URL(url);
    target = { origin, path: `${pathname}${search}` };
    if (targets.size < 1_000) targets.set(url, target);
  }
  return target;
}

/**
 * Sends one request to `url` through `dispatcher`, which may be any undici (7 or later) `Dispatcher`:
 * the client's `Agent`, a `ProxyAgent`, a `MockAgent`, a composed one. `handler` receives the response.
 */
export function dispatchTo(dispatcher: Dispatcher, url: string, outgoing: Outgoing, handler: Dispatcher.DispatchHandler): void {
  const { origin, path } = targetOf(url);
  dispatcher.dispatch({ origin, path, method: outgoing.method, headers: outgoing.headers, body: outgoing.body ?? null }, handler);
}

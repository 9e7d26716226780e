import type { Dispatcher } from 'undici';
import type { RequestDeadline } from './request-deadline';
// The two parts of undici core runs, loaded by path: `import 'undici'` also loads fetch, WebSocket,
// the cookie, cache and mock layers (about three quarters of its load time), none of which core uses.
// test/undici-parts.test.ts holds them to be the very Agent and request that undici's entry exports.
import UndiciAgent from 'undici/lib/dispatcher/agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';

/** A keep-alive connection pool: undici's `Agent`. */
export function createAgent(options: { readonly keepAliveTimeout: number; readonly connections: number }): Dispatcher {
  return new UndiciAgent(options);
}

/** What `sendRequest` sends: undici's request options, with an EventEmitter-shaped `signal` (see request-deadline.ts). */
export type SendOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'signal'> & { readonly signal?: RequestDeadline };

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
 * `undici.request(url, options)` sent through `dispatcher`, which may be any undici `Dispatcher` (the
 * client's `Agent`, a `ProxyAgent`, a `MockAgent`): undici's own request, called on it.
 */
export function sendRequest(dispatcher: Dispatcher, url: string, options: SendOptions): Promise<Dispatcher.ResponseData> {
  const { origin, path } = targetOf(url);
  // undici takes an EventEmitter as `signal` (`on`/`once`/`removeListener`); its types name Node's whole EventEmitter.
  return dispatchRequest.call(dispatcher, { ...options, origin, path });
}

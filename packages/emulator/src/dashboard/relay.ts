import { isLoopbackHost } from './guard';

/** What the backend answered a login the page sent through the emulator. */
export type RelayAnswer =
  | { readonly ok: true; readonly status: number; readonly contentType: string | null; readonly body: unknown; readonly ms: number }
  | { readonly ok: false; readonly error: string };

const TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * Where the page may send a login: a loopback URL (the developer's own backend), or the backend the
 * emulator was started with. The page cannot post across origins itself (the backend has no reason to
 * allow CORS), so the emulator posts for it; it is never an open relay.
 */
export function checkTarget(target: unknown, configured: string | undefined): URL | string {
  if (typeof target !== 'string' || target === '') return 'url is required';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must be an absolute http(s) URL';
  if (url.username !== '' || url.password !== '') return 'url must not carry credentials';
  const configuredOrigin = configured === undefined ? undefined : new URL(configured).origin;
  if (!isLoopbackHost(url.hostname) && url.origin !== configuredOrigin) {
    return 'url must be on a loopback host, or on the backend the emulator was started with (backendUrl)';
  }
  return url;
}

/** Posts `body` as JSON to the backend, as the mobile app would, and reads its answer. */
export async function relayLogin(url: URL, body: unknown): Promise<RelayAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.subarray(0, MAX_ANSWER_BYTES).toString('utf8');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: shown as text.
    }
    return { ok: true, status: response.status, contentType: response.headers.get('content-type'), body: parsed, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return {
      ok: false,
      error: name === 'TimeoutError' ? `The backend did not answer within ${TIMEOUT_MS / 1000} s` : `The backend could not be reached (${url.origin})`,
    };
  }
}

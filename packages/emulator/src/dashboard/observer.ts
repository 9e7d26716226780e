import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/** What the dashboard saw of an answer on the wire, beside what the request log keeps. */
export interface Observation {
  readonly startedAt: number;
  finishedAt?: number;
  httpStatus?: number;
  contentType?: string;
  /** The answer's text, when it was written in one piece of at most 256 KiB. */
  text?: string;
}

const MAX_CAPTURE_BYTES = 256 * 1024;

function contentTypeIn(headers: OutgoingHttpHeaders | undefined): string | undefined {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-type' && value !== undefined) return String(value);
  }
  return undefined;
}

/**
 * Watches answers as they are written, so that an exchange in the dashboard can show its latency and
 * what GenAuth answered (the tokens to decode). The request log keeps `req.headers` itself, and Node
 * hands out the same headers object for the whole request, so that object is the key that joins a log
 * entry to what was observed, whichever route wrote it.
 */
export class Observer {
  readonly #seen = new WeakMap<IncomingHttpHeaders, Observation>();

  /** Starts watching one answer. */
  watch(headers: IncomingHttpHeaders, res: ServerResponse): void {
    const seen: Observation = { startedAt: performance.now() };
    this.#seen.set(headers, seen);
    let streamed = false;
    // Captured unbound and re-applied with the response as `this` below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { writeHead, write, end } = res;
    // Wrapped per response, so that every route (and every future one) is watched the same way.
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const type = contentTypeIn((typeof args[1] === 'string' ? args[2] : args[1]) as OutgoingHttpHeaders | undefined);
      if (type !== undefined) seen.contentType = type;
      return (writeHead as (...all: unknown[]) => ServerResponse).apply(this, args);
    };
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      streamed = true;
      return (write as (...all: unknown[]) => boolean).apply(this, args);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      const chunk = args[0];
      if (!streamed && (typeof chunk === 'string' || Buffer.isBuffer(chunk)) && Buffer.byteLength(chunk) <= MAX_CAPTURE_BYTES) {
        seen.text = chunk.toString();
      }
      seen.finishedAt = performance.now();
      seen.httpStatus = this.statusCode;
      const type = this.getHeader('content-type');
      if (seen.contentType === undefined && type !== undefined) seen.contentType = String(type);
      return (end as (...all: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['end'];
  }

  /** What was observed of the request whose headers these are (and forgets it). */
  take(headers: IncomingHttpHeaders): Observation | undefined {
    const seen = this.#seen.get(headers);
    this.#seen.delete(headers);
    return seen;
  }
}

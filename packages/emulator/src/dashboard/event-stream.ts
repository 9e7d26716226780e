import type { IncomingMessage, ServerResponse } from 'node:http';

/** A client that reads this much slower than events arrive is dropped (its browser reconnects). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

function frame(event: string, data: unknown): string {
  // JSON never holds a raw line break, so one `data:` line carries the whole event.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Server-Sent Events to every open dashboard. A page that connects (or reconnects) first gets a
 * `snapshot` of everything, then each change as it happens: nothing is polled, and a reconnect can
 * never miss an event between a fetch and the stream.
 */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();

  /** Opens a stream on `res` and sends `snapshot` first. */
  open(req: IncomingMessage, res: ServerResponse, snapshot: unknown): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    res.write(`retry: 1000\n\n${frame('snapshot', snapshot)}`);
    this.#clients.add(res);
    const drop = () => this.#clients.delete(res);
    req.once('close', drop);
    res.once('close', drop);
  }

  /** Sends one event to every open stream. */
  send(event: string, data: unknown): void {
    if (this.#clients.size === 0) return;
    const text = frame(event, data);
    for (const res of this.#clients) {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        this.#clients.delete(res);
        res.destroy();
      } else res.write(text);
    }
  }

  /** How many pages are connected. */
  get size(): number {
    return this.#clients.size;
  }

  /** Ends every stream. */
  close(): void {
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }
}

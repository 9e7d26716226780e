import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestListener } from 'node:http';
import { Pool } from 'undici';

/** A server listening on loopback, with its open sockets counted. */
export interface Listening {
  readonly url: string;
  readonly server: Server;
  /** Sockets currently open on the server side. */
  openSockets(): number;
  /** Stops listening and destroys any socket left. */
  close(): Promise<void>;
}

/** Serves a request handler (an Express app) on 127.0.0.1 and a free port. */
export async function listen(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An answer as the tests read it. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: Record<string, unknown> | undefined;
  readonly contentType: string;
}

/** What one request sends: raw bytes, so that tests control exactly what goes on the wire. */
export interface Outgoing {
  readonly path: string;
  readonly body?: string | Buffer;
  readonly headers?: Record<string, string>;
}

/** A keep-alive HTTP client bound to one server. */
export class HttpClient {
  readonly pool: Pool;

  constructor(url: string, connections = 8) {
    this.pool = new Pool(url, { connections, keepAliveTimeout: 2_000, headersTimeout: 30_000, bodyTimeout: 30_000 });
  }

  async post(outgoing: Outgoing): Promise<Answer> {
    const response = await this.pool.request({
      method: 'POST',
      path: outgoing.path,
      headers: outgoing.headers ?? {},
      body: outgoing.body ?? null,
    });
    const text = await response.body.text();
    const contentType = String(response.headers['content-type'] ?? '');
    return { status: response.statusCode, text, json: parseJson(text), contentType };
  }

  /** POSTs a JSON body. */
  postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.post({ path, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves once `condition` holds, or rejects after `withinMs`. */
export async function eventually(condition: () => boolean, withinMs = 2_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP relay in front of the emulator that sees what our client really sends and how many sockets
 * stay open: an upstream socket is opened per client socket and closed with it, so `openPairs()` counts
 * the connections alive on the emulator's side.
 */
export interface CountingProxy {
  /** `http://127.0.0.1:<port>`: use it as the client's `appHost`. */
  readonly url: string;
  /** Client↔emulator connection pairs that still have a socket open. */
  openPairs(): number;
  /** How many times `needle` appears in the bytes clients sent since the last `clearRecording()`. */
  occurrencesSent(needle: string): number;
  clearRecording(): void;
  close(): Promise<void>;
}

/** Starts a relay on 127.0.0.1 to `target` (`http://host:port`). */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  const pairs = new Set<Socket>();
  let sent: Buffer[] = [];
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    pairs.add(client);
    let closedSides = 0;
    const closed = (): void => {
      closedSides += 1;
      if (closedSides === 2) pairs.delete(client);
    };
    client.once('close', closed);
    upstream.once('close', closed);
    client.on('data', (chunk: Buffer) => {
      sent.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    // A reset on one side is passed on as a reset on the other.
    client.on('error', () => upstream.resetAndDestroy());
    upstream.on('error', () => client.resetAndDestroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    openPairs: () => pairs.size,
    occurrencesSent: (needle) => {
      const text = Buffer.concat(sent).toString('latin1');
      let count = 0;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count += 1;
      return count;
    },
    clearRecording: () => {
      sent = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of pairs) socket.destroy();
      }),
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GenAuth stand-in on loopback answering every sign-in with the envelope `answer()` returns (apiCodes the emulator never sends). */
export async function startOddGenAuth(answer: () => Record<string, unknown>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

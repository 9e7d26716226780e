import { createServer } from 'node:net';
import { GenAuthClient, type GenAuthClientOptions } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';

/** A client for the emulator's demo app at `appHost`, with overrides (a short timeout …). */
export function demoClient(appHost: string, overrides: Partial<GenAuthClientOptions> = {}): GenAuthClient {
  return new GenAuthClient({
    appHost,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    ...overrides,
  });
}

/** An emulator on a free loopback port and a client for it; `close` stops both. */
export interface TestGenAuth {
  readonly emulator: Emulator;
  readonly client: GenAuthClient;
  close(): Promise<void>;
}

/** Starts the emulator and a client for its demo app. */
export async function startGenAuth(): Promise<TestGenAuth> {
  const emulator = await startEmulator({ port: 0 });
  const client = demoClient(emulator.url);
  return {
    emulator,
    client,
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}

/** A loopback URL where nothing listens (a port that was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Request init for a JSON POST (a string body is sent as is). */
export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

import { createServer } from 'node:net';
import { GenAuthClient, type GenAuthClientOptions } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';

/** A client for the emulator's demo app, with overrides (a short timeout, another host …). */
export function demoClient(emulator: Emulator, overrides: Partial<GenAuthClientOptions> = {}): GenAuthClient {
  return new GenAuthClient({
    appHost: emulator.url,
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

/** Starts the emulator on a free loopback port (faults are queued with `emulator.injectFaults`). */
export async function startGenAuth(): Promise<TestGenAuth> {
  const emulator = await startEmulator({ port: 0 });
  const client = demoClient(emulator);
  return {
    emulator,
    client,
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}

/** A loopback URL nothing listens on: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

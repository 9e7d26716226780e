import { createServer } from 'node:net';
import { GenAuthClient, type GenAuthClientOptions } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator, type EmulatorOptions } from '@passport-genauth/emulator';

/** A client for the emulator's demo app (at the emulator, or at `appHost`), with overrides: a short timeout, a wrong secret … */
export function demoClient(target: Emulator | string, overrides: Partial<GenAuthClientOptions> = {}): GenAuthClient {
  return new GenAuthClient({
    appHost: typeof target === 'string' ? target : target.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    ...overrides,
  });
}

/** An emulator on a free loopback port and a client for its demo app; `close` stops both. */
export interface TestGenAuth {
  readonly emulator: Emulator;
  readonly client: GenAuthClient;
  close(): Promise<void>;
}

/** Starts the emulator on a free loopback port and a client for its demo app (call `close` in afterAll). */
export async function startGenAuth(options: EmulatorOptions = {}): Promise<TestGenAuth> {
  const emulator = await startEmulator({ port: 0, ...options });
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

/** A loopback URL nothing listens on: a port that was free a moment ago (GenAuth unreachable). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

import { GenAuthClient, type GenAuthClientOptions } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator, type EmulatorOptions } from '@passport-genauth/emulator';

/** A client for the emulator's demo app, with overrides (a wrong secret, a short timeout …). */
export function demoClient(emulator: Emulator, overrides: Partial<GenAuthClientOptions> = {}): GenAuthClient {
  return new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    ...overrides,
  });
}

/** An emulator and a client for it; `close` stops both (call it in afterAll). */
export interface TestGenAuth {
  readonly emulator: Emulator;
  readonly client: GenAuthClient;
  close(): Promise<void>;
}

/** Starts an emulator on a free loopback port and a client for its demo app. */
export async function startGenAuth(options: EmulatorOptions = {}): Promise<TestGenAuth> {
  const emulator = await startEmulator(options);
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

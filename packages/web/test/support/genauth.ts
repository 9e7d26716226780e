import { createServer } from 'node:net';
import { GenAuthClient, type GenAuthClientOptions, type GenAuthProfile, type TokenSet } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, subjectFor, type Emulator } from '@passport-genauth/emulator';

/** A client for the emulator's demo app, with overrides (a wrong secret, a short timeout …). */
export function demoClient(appHost: string, overrides: Partial<GenAuthClientOptions> = {}): GenAuthClient {
  return new GenAuthClient({
    appHost,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    ...overrides,
  });
}

/** An emulator and a client for it; `close` stops both. */
export interface TestGenAuth {
  readonly emulator: Emulator;
  readonly client: GenAuthClient;
  close(): Promise<void>;
}

/** Starts an emulator on a free loopback port and a client for its demo app. */
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

/** The provider user the test app's verify refuses. */
export const REFUSED_USER = 'mallory';

/** What the test app keeps of a user. */
export interface TestUser {
  readonly id: string;
  readonly name: string;
}

/** The test app's verify: everybody but `REFUSED_USER` (through WeChat) is let in. */
export function verify(_tokens: TokenSet, profile: GenAuthProfile): TestUser | false {
  if (profile.id === subjectFor('wechat', REFUSED_USER)) return false;
  return { id: profile.id, name: profile.displayName };
}

/** A POST `Request` to the backend with a JSON body (a string is sent as is). */
export function postJson(body: unknown, init: { url?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(init.url ?? 'http://backend.test/auth/wechat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import type { Express } from 'express';
import { HttpClient, listen, type Listening } from './http';
import { watchUnhandledRejections, type RejectionWatch } from './watch-process';

/** What a test file drives: the emulator, a client on it, the app under test on loopback, and HTTP to it. */
export interface Harness {
  readonly emulator: Emulator;
  readonly client: GenAuthClient;
  readonly app: Listening;
  readonly http: HttpClient;
  readonly rejections: RejectionWatch;
}

/**
 * Starts the emulator and the app built by `build` before the file's tests and stops everything after
 * them; the returned object is filled in by `beforeAll`.
 */
export function useHarness(build: (options: { client: GenAuthClient }) => Express): Harness {
  const harness = {} as { -readonly [K in keyof Harness]: Harness[K] };
  beforeAll(async () => {
    harness.rejections = watchUnhandledRejections();
    harness.emulator = await startEmulator();
    harness.client = new GenAuthClient({
      appHost: harness.emulator.url,
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    });
    harness.app = await listen(build({ client: harness.client }));
    harness.http = new HttpClient(harness.app.url);
  });
  afterAll(async () => {
    harness.rejections.stop();
    await harness.http.close();
    await harness.client.close();
    await harness.app.close();
    await harness.emulator.close();
  });
  return harness;
}

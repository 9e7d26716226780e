import { join } from 'node:path';
import { close, createApp } from '@midwayjs/mock';
import type { Application, Framework } from '@midwayjs/koa';
import type { GenAuthClientOptions } from '@passport-genauth/core';
import { DEMO_APP, type Emulator } from '@passport-genauth/emulator';

/** The example's folder: Midway loads `src/configuration.ts` from here and scans `src/`. */
export const APP_DIR = join(__dirname, '..', '..');

/** Client options for the emulator's demo app, with overrides (a short timeout …). */
export function demoClientOptions(emulator: Emulator, overrides: Partial<GenAuthClientOptions> = {}): GenAuthClientOptions {
  return {
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
    ...overrides,
  };
}

/** Options of `startMidwayApp`. */
export interface MidwayAppOptions {
  /** Components to add to the app (the `@midwayjs/passport` variant, a test-only controller). */
  readonly imports?: readonly object[];
  /** More configuration, merged over the example's (e.g. `passport: { session: false }`). */
  readonly config?: Readonly<Record<string, unknown>>;
}

/**
 * Boots the example with `@midwayjs/mock` against a GenAuth at `client.appHost`, with file logging off
 * and console logging off (no `logs/` folder in the repo, no expected errors in the test output).
 */
export function startMidwayApp(client: GenAuthClientOptions, options: MidwayAppOptions = {}): Promise<Application> {
  return createApp<Framework>(APP_DIR, {
    imports: [...(options.imports ?? [])],
    globalConfig: {
      genauth: { client },
      midwayLogger: { default: { transports: { console: false, file: false, error: false } } },
      ...options.config,
    },
  });
}

/** Stops the app (and with it the GenAuth client it owns). */
export async function stopMidwayApp(app: Application | undefined): Promise<void> {
  if (app) await close(app);
}

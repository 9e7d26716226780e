/**
 * Runs the Midway example: `PORT` (default 3000), `HOST` (default 127.0.0.1). With `GENAUTH_APP_HOST`
 * and `GENAUTH_APP_ID` (plus `GENAUTH_APP_SECRET`, `GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD`) it signs in
 * with that GenAuth app; without them it starts the embedded emulator and says so first.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { Bootstrap } from '@midwayjs/bootstrap';
import { DEMO_APP, startEmulator } from '@passport-genauth/emulator';
import { genauthConfigFromEnv, type GenAuthConfig } from './genauth/genauth-config';

async function genauthConfig(): Promise<GenAuthConfig> {
  const fromEnv = genauthConfigFromEnv(process.env);
  if (fromEnv) {
    console.log(`GenAuth: signing in with application ${fromEnv.client.appId} at ${fromEnv.client.appHost}`);
    return fromEnv;
  }
  // Stopped with the process (Bootstrap exits on SIGINT/SIGTERM).
  const emulator = await startEmulator();
  console.log(`GenAuth: no GENAUTH_APP_* variables set, so using the embedded GenAuth emulator at ${emulator.url}`);
  return { client: { appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod } };
}

async function main(): Promise<void> {
  const genauth = await genauthConfig();
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? '127.0.0.1';
  await Bootstrap.configure({
    appDir: join(__dirname, '..'),
    baseDir: __dirname,
    globalConfig: { genauth, koa: { port, hostname } },
  }).run();
  console.log(`Midway example listening on http://${hostname}:${port} (POST /auth/wechat, /auth/apple, /auth/mobile)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

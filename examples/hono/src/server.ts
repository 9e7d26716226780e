import { serve } from '@hono/node-server';
import { GenAuthClient, type GenAuthClientOptions, type TokenEndpointAuthMethod } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import { createApp } from './app';

/** The application from `GENAUTH_*` variables (the client checks them and names each problem). */
function clientOptionsFromEnv(env: NodeJS.ProcessEnv, appHost: string): GenAuthClientOptions {
  return {
    appHost,
    appId: env.GENAUTH_APP_ID ?? '',
    ...(env.GENAUTH_APP_SECRET ? { appSecret: env.GENAUTH_APP_SECRET } : {}),
    ...(env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD ? { tokenEndpointAuthMethod: env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD as TokenEndpointAuthMethod } : {}),
  };
}

/** The emulator's demo application. */
function demoClientOptions(emulator: Emulator): GenAuthClientOptions {
  return { appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod };
}

/**
 * The runnable backend: `GENAUTH_APP_HOST`, `GENAUTH_APP_ID`, `GENAUTH_APP_SECRET` and
 * `GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD` name the GenAuth application; without `GENAUTH_APP_HOST` an
 * emulator runs in-process. Listens on `HOST`:`PORT` (default 127.0.0.1:3000).
 */
async function main(): Promise<void> {
  const env = process.env;
  const emulator = env.GENAUTH_APP_HOST ? undefined : await startEmulator({ port: 0 });
  const client = new GenAuthClient(emulator ? demoClientOptions(emulator) : clientOptionsFromEnv(env, env.GENAUTH_APP_HOST as string));
  const app = createApp({ client, log: (line) => console.log(line) });
  const hostname = env.HOST ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: Number(env.PORT ?? 3000), hostname }, (info) => {
    console.log(`GenAuth: ${emulator ? `emulator at ${emulator.url}` : (env.GENAUTH_APP_HOST as string)}; listening on http://${hostname}:${info.port}`);
  });
  const stop = () => {
    server.close();
    void client.close().then(() => emulator?.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();

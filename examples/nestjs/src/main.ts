/**
 * Runs the NestJS example: `PORT` (default 3000). With `GENAUTH_APP_HOST` and `GENAUTH_APP_ID` (plus
 * `GENAUTH_APP_SECRET`, `GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD`) it signs in with that GenAuth app; without
 * them it starts the embedded emulator and says so first.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GenAuthClient, type TokenEndpointAuthMethod } from '@passport-genauth/core';
import { DEMO_APP, startEmulator } from '@passport-genauth/emulator';
import { AuthModule, configureApp } from './auth.module';

async function connect(): Promise<{ client: GenAuthClient; close: () => Promise<void> }> {
  const env = process.env;
  if (env.GENAUTH_APP_HOST || env.GENAUTH_APP_ID) {
    const client = new GenAuthClient({
      appHost: env.GENAUTH_APP_HOST ?? '',
      appId: env.GENAUTH_APP_ID ?? '',
      ...(env.GENAUTH_APP_SECRET ? { appSecret: env.GENAUTH_APP_SECRET } : {}),
      ...(env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD ? { tokenEndpointAuthMethod: env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD as TokenEndpointAuthMethod } : {}),
    });
    console.log(`GenAuth: signing in with application ${client.appId} at ${client.appHost}`);
    return { client, close: () => client.close() };
  }
  const emulator = await startEmulator();
  const client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  console.log(`GenAuth: no GENAUTH_APP_* variables set, so using the embedded GenAuth emulator at ${emulator.url}`);
  return { client, close: async () => (await client.close(), await emulator.close()) };
}

async function main(): Promise<void> {
  const genauth = await connect();
  const app = await NestFactory.create(AuthModule.forRoot({ client: genauth.client }), { bodyParser: false });
  configureApp(app);
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
  console.log(`NestJS example listening on ${await app.getUrl()} (POST /auth/wechat, POST /auth/apple, GET /api/me, GET /api/orders)`);
  const stop = () =>
    void app
      .close()
      .then(genauth.close)
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

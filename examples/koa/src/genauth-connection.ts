import { GenAuthClient, type TokenEndpointAuthMethod } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';

/** The GenAuth application the server signs in with, and how to let go of it. */
export interface GenAuthConnection {
  readonly client: GenAuthClient;
  /** The embedded emulator, when no real application was configured. */
  readonly emulator: Emulator | undefined;
  /** One line saying where logins go. */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * `GENAUTH_APP_HOST`, `GENAUTH_APP_ID`, `GENAUTH_APP_SECRET`, `GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD` name a
 * real GenAuth application; without them the embedded emulator is started on a free loopback port.
 */
export async function connectGenAuth(env: NodeJS.ProcessEnv = process.env): Promise<GenAuthConnection> {
  if (env.GENAUTH_APP_HOST) {
    const client = new GenAuthClient({
      appHost: env.GENAUTH_APP_HOST,
      appId: env.GENAUTH_APP_ID ?? '',
      ...(env.GENAUTH_APP_SECRET ? { appSecret: env.GENAUTH_APP_SECRET } : {}),
      ...(env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD ? { tokenEndpointAuthMethod: env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD as TokenEndpointAuthMethod } : {}),
    });
    return { client, emulator: undefined, description: `GenAuth: application ${client.appId} at ${client.appHost}`, close: () => client.close() };
  }
  const emulator = await startEmulator({ port: 0 });
  const client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  return {
    client,
    emulator,
    description: `GenAuth: the embedded emulator at ${emulator.url} (set GENAUTH_APP_HOST and GENAUTH_APP_ID for a real app)`,
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}

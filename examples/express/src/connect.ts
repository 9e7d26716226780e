import { GenAuthClient, type GenAuthApps } from '@passport-genauth/core';
import { DEMO_APP, isConnection, startEmulator, type Emulator, type IdentitySource } from '@passport-genauth/emulator';
import { clientApps, EMULATOR_APPS, singleApp } from './client-apps';
import type { BackendConfig } from './config';
import { CONNECTIONS, type IdentitySources } from './strategies';

/** A GenAuth application to sign in with, and the emulator behind it when there is one. */
export interface GenAuthConnection {
  readonly client: GenAuthClient;
  /**
   * The applications requests select from with `x-client-app`: against the emulator the demo app
   * (default) and the iOS, Android and mini-program apps; against a real GenAuth, the one configured.
   */
  readonly apps: GenAuthApps;
  readonly identitySources: IdentitySources;
  /** The in-process emulator, in emulator mode. */
  readonly emulator: Emulator | undefined;
  /** One line saying where logins go (the server's first log line). */
  readonly description: string;
  /** Closes the client's connection pool and the emulator. */
  close(): Promise<void>;
}

/** The emulator's identity sources: one per connection, named as the backend names them. */
function emulatorSources(identitySources: IdentitySources): IdentitySource[] {
  return CONNECTIONS.filter(isConnection).map((connection) => ({
    connection,
    extIdpConnidentifier: identitySources[connection] ?? connection,
  }));
}

/**
 * Connects to what `config` says: a real GenAuth application, or an emulator started in-process
 * (loopback, a free port unless `emulatorPort` is given) serving `DEMO_APP`, the embedded default.
 */
export async function connectGenAuth(config: BackendConfig, options: { emulatorPort?: number } = {}): Promise<GenAuthConnection> {
  const { identitySources } = config;
  if (config.mode === 'genauth') {
    const client = new GenAuthClient(config.client);
    const apps = singleApp(client);
    return {
      client,
      apps,
      identitySources,
      emulator: undefined,
      description: `GenAuth: signing in with application ${client.appId} at ${client.appHost} (${client.tokenEndpointAuthMethod})`,
      close: async () => {
        await apps.close();
        await client.close();
      },
    };
  }
  const emulator = await startEmulator({ port: options.emulatorPort ?? 0, apps: EMULATOR_APPS, identitySources: emulatorSources(identitySources) });
  const client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  const apps = clientApps(client, emulator.url);
  return {
    client,
    apps,
    identitySources,
    emulator,
    description:
      `GenAuth: no GENAUTH_APP_* variables set, so using the embedded GenAuth emulator at ${emulator.url} ` +
      `(app ${DEMO_APP.appId}, ${DEMO_APP.tokenEndpointAuthMethod}); set GENAUTH_APP_HOST and GENAUTH_APP_ID to use a real GenAuth app`,
    async close() {
      await apps.close();
      await client.close();
      await emulator.close();
    },
  };
}

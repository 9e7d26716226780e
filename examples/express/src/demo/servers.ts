import { createServer, type Server } from 'node:http';
import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator } from '@passport-genauth/emulator';
import { createApp } from '../app';
import { clientApps, EMULATOR_APPS } from '../client-apps';
import { startMetrics } from '../metrics';

/** The emulator and the example backend, both on free loopback ports. */
export interface DemoServers {
  readonly emulatorUrl: string;
  readonly appUrl: string;
  /** The emulator's dashboard page, when it was asked for. */
  readonly dashboardUrl: string | undefined;
  /** One line describing the GenAuth side. */
  readonly description: string;
  /** Stops both servers and closes every connection. */
  close(): Promise<void>;
}

/** Options of `startDemoServers`. */
export interface DemoServerOptions {
  /** Serve the emulator's dashboard, sending its logins to the backend's `/auth/mobile` (`--keep`). */
  readonly dashboard?: boolean;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/**
 * Starts the embedded emulator (serving `DEMO_APP`) and the example app; `log` receives the backend's
 * lines. The backend's socket listens first, so that the emulator's dashboard knows where to send a
 * login; the app handles requests once the emulator is up.
 */
export async function startDemoServers(log: (line: string) => void, options: DemoServerOptions = {}): Promise<DemoServers> {
  const server = createServer();
  const appUrl = `http://127.0.0.1:${await listen(server)}`;
  const stopServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  let emulator;
  try {
    emulator = await startEmulator({ apps: EMULATOR_APPS, dashboard: options.dashboard === true ? { backendUrl: `${appUrl}/auth/mobile` } : false });
  } catch (error) {
    await stopServer();
    throw error;
  }
  const client = new GenAuthClient({
    appHost: emulator.url,
    appId: DEMO_APP.appId,
    appSecret: DEMO_APP.appSecret,
    tokenEndpointAuthMethod: DEMO_APP.tokenEndpointAuthMethod,
  });
  const apps = clientApps(client, emulator.url);
  const metrics = startMetrics();
  server.on('request', createApp({ client: apps, log, metrics: metrics.registry }));
  return {
    emulatorUrl: emulator.url,
    appUrl,
    dashboardUrl: emulator.dashboardUrl,
    description: `app ${DEMO_APP.appId}, ${DEMO_APP.tokenEndpointAuthMethod}, ${DEMO_APP.idTokenSigningAlg} id_tokens`,
    async close() {
      await stopServer();
      metrics.close();
      await apps.close();
      await client.close();
      await emulator.close();
    },
  };
}

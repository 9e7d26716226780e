import type { Server } from 'node:http';
import { DEMO_APP } from '@passport-genauth/emulator';
import { createApp } from '../app';
import { connectGenAuth } from '../connect';

/** The emulator and the example backend, both on free loopback ports. */
export interface DemoServers {
  readonly emulatorUrl: string;
  readonly appUrl: string;
  /** One line describing the GenAuth side. */
  readonly description: string;
  /** Stops both servers and closes every connection. */
  close(): Promise<void>;
}

/** Starts the embedded emulator (serving `DEMO_APP`) and the example app; `log` receives the backend's lines. */
export async function startDemoServers(log: (line: string) => void): Promise<DemoServers> {
  const genauth = await connectGenAuth({ mode: 'emulator', identitySources: {} });
  const app = createApp({ client: genauth.client, log });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
    });
  } catch (error) {
    await genauth.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    emulatorUrl: genauth.emulator?.url ?? genauth.client.appHost,
    appUrl: `http://127.0.0.1:${port}`,
    description: `app ${DEMO_APP.appId}, ${DEMO_APP.tokenEndpointAuthMethod}, ${DEMO_APP.idTokenSigningAlg} id_tokens`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await genauth.close();
    },
  };
}

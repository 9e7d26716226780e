/**
 * Runs the example backend: `PORT` (default 3000) on `HOST` (default 127.0.0.1), GenAuth settings
 * from the environment (see `config.ts`), the embedded emulator when none are set. `--session` runs
 * the session variant. Stops cleanly on SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import { createApp } from './app';
import { readConfig } from './config';
import { connectGenAuth } from './connect';
import { createSessionApp } from './session-app';

function readPort(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0-65535 (got '${value}')`);
  return port;
}

async function main(): Promise<void> {
  const port = readPort(process.env.PORT);
  const host = process.env.HOST ?? '127.0.0.1';
  const genauth = await connectGenAuth(readConfig());
  const log = (line: string) => console.log(line);
  log(genauth.description);
  const options = { client: genauth.client, identitySources: genauth.identitySources, log };
  const sessions = process.argv.includes('--session');
  const app = sessions ? createSessionApp(options) : createApp(options);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const routes = `POST /auth/<provider>, POST /auth/mobile, GET /healthz${sessions ? ', GET /me, POST /logout' : ''}`;
  log(`Mobile backend${sessions ? ' (sessions)' : ''} listening on http://${host}:${actualPort} (${routes})`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void genauth.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * Runs the example backend: `PORT` (default 3000) on `HOST` (default 127.0.0.1), GenAuth settings
 * from the environment (see `config.ts`), the embedded emulator when none are set. `--session` runs
 * the session variant. Stops cleanly on SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import { createApp } from './app';
import { readConfig } from './config';
import { connectGenAuth } from './connect';
import { startMetrics } from './metrics';
import { createSessionApp } from './session-app';
import { startTracing } from './tracing';

function readPort(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0-65535 (got '${value}')`);
  return port;
}

async function main(): Promise<void> {
  const port = readPort(process.env.PORT);
  const host = process.env.HOST ?? '127.0.0.1';
  // Before anything calls GenAuth: OTLP traces when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = await startTracing();
  const metrics = startMetrics();
  const genauth = await connectGenAuth(readConfig());
  const log = (line: string) => console.log(line);
  log(genauth.description);
  if (tracing) log(`Tracing: OTLP to ${tracing.endpoint}`);
  const options = { identitySources: genauth.identitySources, log };
  const sessions = process.argv.includes('--session');
  // The stateless API serves several client apps (x-client-app); the session variant, one web app.
  const app = sessions ? createSessionApp({ ...options, client: genauth.client }) : createApp({ ...options, client: genauth.apps, metrics: metrics.registry });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const routes = `POST /auth/<provider>, POST /auth/mobile, GET /healthz${sessions ? ', GET /me, POST /logout' : ', GET /api/me, POST /auth/refresh, POST /auth/logout, GET /metrics'}`;
  log(`Mobile backend${sessions ? ' (sessions)' : ''} listening on http://${host}:${actualPort} (${routes})`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    metrics.close();
    void Promise.all([genauth.close(), tracing?.shutdown()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

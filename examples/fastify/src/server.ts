/**
 * Runs the Fastify example: `PORT` (default 3000) on `HOST` (default 127.0.0.1), a real GenAuth app
 * from the environment or the embedded emulator. Stops cleanly on SIGINT/SIGTERM.
 */
import { createApp } from './app';
import { connectGenAuth } from './genauth-connection';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const genauth = await connectGenAuth();
  const log = (line: string) => console.log(line);
  log(genauth.description);
  const app = createApp({ client: genauth.client, log });
  const url = await app.listen({ port, host });
  log(`Fastify mobile backend on ${url} (POST /auth/wechat, /auth/apple, /auth/yidun, /auth/mobile; GET /healthz)`);
  const stop = () => {
    void app
      .close()
      .then(() => genauth.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

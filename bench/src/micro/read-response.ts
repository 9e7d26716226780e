// Micro-benchmark behind PROFILE.md patch 10: client-side CPU per exchange when the answer is read
// through undici's request() (a Node Readable per response, read back with body.text()) or through
// core's ResponseReader (a dispatch handler that collects the chunks). The server runs in a child
// process, so only the client's CPU is counted. Run (from bench/): npx tsx src/micro/read-response.ts
import { fork } from 'node:child_process';
import type { Dispatcher } from 'undici';
import UndiciAgent from 'undici/lib/dispatcher/agent.js';
import undiciRequest from 'undici/lib/api/api-request.js';
import { ResponseReader } from '../../../packages/core/src/response-reader';
import { compareCases } from './rounds';

const server = fork(new URL('./read-response-server.mjs', import.meta.url));
const port = await new Promise<number>((resolve) => server.once('message', (message) => resolve(message as number)));
const origin = `http://127.0.0.1:${port}`;
const agent: Dispatcher = new UndiciAgent({ keepAliveTimeout: 30_000, connections: 256 });
const outgoing = {
  origin,
  path: '/api/v3/signin-by-mobile',
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', 'x-authing-app-id': 'demo-app', authorization: 'Basic ZGVtbw==' },
  body: JSON.stringify({ connection: 'wechat', extIdpConnidentifier: 'wechat', wechatPayload: { code: 'x' } }),
};

await compareCases(
  [
    ['undici request() + body.text() + JSON.parse', async () => JSON.parse(await (await undiciRequest.call(agent, outgoing)).body.text()) as unknown],
    [
      'dispatch + ResponseReader + JSON.parse',
      async () => {
        const reader = new ResponseReader(1_000_000);
        agent.dispatch(outgoing, reader);
        return JSON.parse((await reader.response).text) as unknown;
      },
    ],
  ],
  { rounds: 7, calls: 3_000, what: 'exchanges (client CPU only)' },
);
await agent.close();
server.kill();

// Micro-benchmark: what each layer of a login costs on this thread, without the network or a second
// process in the way. A canned dispatcher answers core's requests with a real emulator answer (a real
// RS256 id_token and JWKS, captured once), one macrotask later like a socket would; every layer is
// then timed in CPU µs per call, one call at a time, rounds interleaved. Run (from bench/):
//   npx tsx src/micro/login-layers.ts        (uses the built dist: `npx -y pnpm@10 bench` builds it)
import { GenAuthClient, type GenAuthSignIn } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { ResponseReader } from '../../../packages/core/src/response-reader';
import { captureEmulatorAnswers, DEMO_APP } from './emulator-answers';
import { compareCases } from './rounds';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from 'undici';
import UndiciAgent from 'undici/lib/dispatcher/agent.js';
import UndiciRequest from 'undici/lib/api/api-request.js';

const N = Number(process.env.N ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
// One real exchange and the JWKS, captured from the emulator.
const { appHost, signInBody, jwksBody } = await captureEmulatorAnswers();

/** Answers like a socket would, one macrotask later: the sign-in answer, or the JWKS for a GET. */
class CannedDispatcher {
  dispatch(options: { method?: string }, handler: Record<string, (...args: unknown[]) => unknown>): boolean {
    const body = Buffer.from(options.method === 'GET' ? jwksBody : signInBody);
    setImmediate(() => {
      if (handler.onRequestStart) {
        // undici's v2 handler API, the one core's ResponseReader implements.
        const controller = { abort: () => undefined, pause: () => undefined, resume: () => undefined, aborted: false, paused: false, reason: null };
        handler.onRequestStart(controller, {});
        handler.onResponseStart?.(controller, 200, { 'content-type': 'application/json', 'content-length': String(body.length) }, 'OK');
        handler.onResponseData?.(controller, body);
        handler.onResponseEnd?.(controller, {});
        return;
      }
      handler.onConnect?.(() => undefined);
      handler.onHeaders?.(
        200,
        [Buffer.from('content-type'), Buffer.from('application/json'), Buffer.from('content-length'), Buffer.from(String(body.length))],
        () => undefined,
        'OK',
      );
      handler.onData?.(body);
      handler.onComplete?.([]);
    });
    return true;
  }
  async close(): Promise<void> {}
  async destroy(): Promise<void> {}
}
const dispatcher = new CannedDispatcher() as unknown as Dispatcher;
const clientOptions = { appHost, ...DEMO_APP, dispatcher, allowInsecureHttp: true };
const client = new GenAuthClient(clientOptions);
const noVerify = new GenAuthClient({ ...clientOptions, idToken: { verify: false } });
const strategy = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, async (_tokens, profile) => ({
  id: profile.id,
  displayName: profile.displayName,
}));
const signIn: GenAuthSignIn = await client.signInByMobile({
  connection: 'wechat',
  extIdpConnidentifier: 'wechat',
  payloadKey: 'wechatPayload',
  payload: { code: 'x' },
});
/** A client that answers at once with a finished sign-in: the strategy layer alone. */
const stubClient = { appId: DEMO_APP.appId, signInByMobile: async () => signIn, close: async () => undefined };
const stubbed = new WechatStrategy({ client: stubClient as unknown as GenAuthClient, extIdpConnidentifier: 'wechat' }, async (_tokens, profile) => ({
  id: profile.id,
}));
const request = {
  origin: appHost,
  path: '/api/v3/signin-by-mobile',
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{"connection":"wechat"}',
};

// The same canned answers from a real local server, through real sockets (its CPU is in this process
// too, the same for every case).
const server = createServer((req, res) => {
  const body = req.method === 'GET' ? jwksBody : signInBody;
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const localHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const agent = new UndiciAgent({ keepAliveTimeout: 30_000, connections: 256 });
const localRequest = { ...request, origin: localHost };
const realClient = new GenAuthClient({ appHost: localHost, ...DEMO_APP, idToken: { issuer: `${appHost}/oidc` } });
const realStrategy = new WechatStrategy({ client: realClient, extIdpConnidentifier: 'wechat' }, async (_tokens, profile) => ({
  id: profile.id,
  displayName: profile.displayName,
}));
/** What core's transport does: undici's dispatch with a handler that collects the chunks (no body stream). */
async function viaDispatch(): Promise<unknown> {
  const reader = new ResponseReader(1_000_000);
  agent.dispatch({ ...localRequest, body: localRequest.body }, reader);
  return JSON.parse((await reader.response).text);
}
async function withDeadline(): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    return JSON.parse(await (await UndiciRequest.call(agent, { ...localRequest, signal: controller.signal })).body.text());
  } finally {
    clearTimeout(timer);
  }
}

const cases: Array<[string, () => Promise<unknown>]> = [
  [
    'floor: undici request through the canned dispatcher + JSON.parse',
    async (): Promise<unknown> => JSON.parse(await (await UndiciRequest.call(dispatcher, request)).body.text()) as unknown,
  ],
  [
    'client.signInByMobile, id_token verified',
    () => client.signInByMobile({ connection: 'wechat', extIdpConnidentifier: 'wechat', payloadKey: 'wechatPayload', payload: { code: 'x' } }),
  ],
  [
    'client.signInByMobile, id_token decoded only',
    () => noVerify.signInByMobile({ connection: 'wechat', extIdpConnidentifier: 'wechat', payloadKey: 'wechatPayload', payload: { code: 'x' } }),
  ],
  ['strategy.login(req) through the client', () => strategy.login({ headers: { 'content-type': 'application/json' }, body: { code: 'x' } })],
  [
    'strategy.login(req), a client that answers at once (the strategy layer)',
    () => stubbed.login({ headers: { 'content-type': 'application/json' }, body: { code: 'x' } }),
  ],
  [
    'real socket floor: undici request to a local server + JSON.parse',
    async (): Promise<unknown> => JSON.parse(await (await UndiciRequest.call(agent, localRequest)).body.text()) as unknown,
  ],
  ['real socket floor + AbortController signal and a cleared deadline timer', withDeadline],
  ['real socket: undici dispatch + a handler collecting the chunks (no body stream) + JSON.parse', viaDispatch],
  [
    'real socket: client.signInByMobile, id_token verified',
    () => realClient.signInByMobile({ connection: 'wechat', extIdpConnidentifier: 'wechat', payloadKey: 'wechatPayload', payload: { code: 'x' } }),
  ],
  ['real socket: strategy.login(req)', () => realStrategy.login({ headers: { 'content-type': 'application/json' }, body: { code: 'x' } })],
];

await compareCases(cases, { rounds: ROUNDS, calls: N, what: 'calls' });
await Promise.all([client.close(), realClient.close(), agent.close()]);
server.close();

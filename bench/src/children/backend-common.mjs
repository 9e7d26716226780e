// What every backend shares: the emulator app it signs in to, the route the load generator hits,
// and how it reports that it listens.
import { createAgent } from './agent.mjs';
import { ready, serve } from './rpc.mjs';

/** The emulator's DEMO_APP and its WeChat identity source (the default identifier is the connection). */
export const APP = Object.freeze({
  appId: 'demo-app',
  appSecret: 'demo-secret',
  tokenEndpointAuthMethod: 'client_secret_basic',
  extIdpConnidentifier: 'wechat',
});

/** The path every backend serves: POST {"code":"…"} → 200 {user?, tokens}. */
export const LOGIN_PATH = '/auth/wechat';

export function emulatorUrl() {
  const url = process.env.BENCH_EMULATOR_URL;
  if (!url) throw new Error('BENCH_EMULATOR_URL is not set');
  return url;
}

/** Starts the measurement agent and RPC; returns the agent so the route can count logins. */
export function startAgent(extraHandlers = {}) {
  const agent = createAgent();
  serve({ ...agent.handlers, ...extraHandlers });
  return agent;
}

/** Listens on a free loopback port, then tells the orchestrator which. */
export function listen(server) {
  server.listen(0, '127.0.0.1', () => ready({ port: server.address().port }));
}

/** Reads a request body as text (the bare node:http backends have no body parser). */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

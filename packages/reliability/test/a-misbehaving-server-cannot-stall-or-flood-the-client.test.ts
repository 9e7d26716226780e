import type { IncomingMessage, ServerResponse } from 'node:http';
import { GenAuthClient } from '@passport-genauth/core';
import { makeKey, mockRequest, runStrategy, signRs256, type TestKey } from '@passport-genauth/testing';
import { WechatStrategy } from '@passport-genauth/wechat';
import { eventually, listen, type Listening } from './support/http';
import { acceptEveryone } from './support/strategies';
import { watchUnhandledRejections, type RejectionWatch } from './support/watch-process';

/**
 * Failures the emulator cannot inject, from a hand-written server: a body that trickles past the
 * deadline, an endless chunked body (no content-length), a body cut short, a JWKS that never answers.
 */
const TIMEOUT_MS = 800;
const JWKS_TIMEOUT_MS = 600;
const APP_ID = 'misbehaving-app';

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

let behaviour: Behaviour;
let server: Listening;
let key: TestKey;
let rejections: RejectionWatch;
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  rejections = watchUnhandledRejections();
  key = await makeKey('k1');
  server = await listen((req, res) => {
    req.resume();
    req.on('end', () => behaviour(req, res));
  });
});

afterAll(async () => {
  rejections.stop();
  for (const timer of timers) clearInterval(timer);
  await server.close();
});

/** Writes `chunk` every `everyMs` until the client goes away. */
function drip(res: ServerResponse, chunk: string | Buffer, everyMs: number): void {
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) {
      clearInterval(timer);
      timers.delete(timer);
      return;
    }
    res.write(chunk);
  }, everyMs);
  timers.add(timer);
  res.on('close', () => {
    clearInterval(timer);
    timers.delete(timer);
  });
}

async function login(): Promise<{ result: Awaited<ReturnType<typeof runStrategy>> }> {
  const client = new GenAuthClient({ appHost: server.url, appId: APP_ID, timeoutMs: TIMEOUT_MS, idToken: { jwksTimeoutMs: JWKS_TIMEOUT_MS } });
  try {
    const strategy = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, acceptEveryone);
    const result = await runStrategy(strategy, mockRequest({ body: { code: 'one-time' } }), { timeoutMs: 15_000 });
    return { result };
  } finally {
    await client.close();
  }
}

describe('a server that misbehaves in ways the emulator does not inject', () => {
  it('a body that trickles past the deadline ends in GENAUTH_HTTP 504 within the timeout (the deadline covers the body)', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"statusCode":200,');
      drip(res, ' ', 100);
    };
    const { result } = await login();
    expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 504, reason: 'timeout' }) });
    // The exchange's own deadline fired (not a socket timeout or the test runner's).
    expect(result.type === 'error' && (result.error as Error).message).toBe(`GenAuth did not answer within ${TIMEOUT_MS} ms`);
  });

  it('an endless chunked body without content-length is cut at the size cap: GENAUTH_INVALID_RESPONSE 502, and the socket is dropped', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(chunk);
      }, 1);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    };
    const { result } = await login();
    expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_INVALID_RESPONSE', status: 502 }) });
    // INVALID_RESPONSE, not a 504: the size cap stopped the read, not the deadline; and the socket is gone.
    await eventually(() => server.openSockets() === 0, 2_000, 'server socket closed');
  });

  it('a body cut short of its content-length ends in GENAUTH_HTTP 502', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"statusCode":200,"data":');
      setTimeout(() => res.destroy(), 20);
    };
    const { result } = await login();
    expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 502 }) });
  });

  it('a JWKS endpoint that never answers ends in GENAUTH_HTTP 504 within the JWKS timeout, not in a success', async () => {
    const idToken = await signRs256(key, { iss: `${server.url}/oidc`, aud: APP_ID });
    behaviour = (req, res) => {
      if (req.url?.startsWith('/api/v3/signin-by-mobile')) {
        const body = JSON.stringify({
          statusCode: 200,
          message: '',
          requestId: 'r1',
          data: { access_token: 'at', id_token: idToken, token_type: 'Bearer', expire_in: 60 },
        });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
        return;
      }
      // The JWKS: headers never come.
    };
    const { result } = await login();
    expect(result).toEqual({ type: 'error', error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 504, reason: 'timeout' }) });
    // The JWKS fetch's own deadline fired, not the exchange's.
    expect(result.type === 'error' && (result.error as Error).message).toBe(`GenAuth did not answer within ${JWKS_TIMEOUT_MS} ms`);
  });

  it('leaves no socket open and no promise rejected unhandled', async () => {
    await eventually(() => server.openSockets() === 0, 3_000, 'server sockets closed');
    expect(rejections.seen).toEqual([]);
  });
});

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError } from '@passport-genauth/core';
import { Agent } from 'undici';
import { exchange, type ExchangeOptions } from '../src/transport';
import { rejectionOf } from './support/failures';

describe('the deadline also ends a request that still waits for a connection, and it is never sent', () => {
  let server: Server;
  let agent: Agent;
  let base: string;
  const seen: string[] = [];
  const held: ServerResponse[] = [];
  let holding: Promise<void>;
  let nowHolding: () => void;

  beforeEach(async () => {
    seen.length = 0;
    holding = new Promise<void>((resolve) => (nowHolding = resolve));
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      req.resume();
      if (req.url === '/hold') {
        held.push(res);
        nowHolding();
      } else res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // One connection, no pipelining: a second request waits until the first is answered.
    agent = new Agent({ connections: 1, pipelining: 1 });
  });

  afterEach(async () => {
    for (const res of held.splice(0)) res.end();
    await agent.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const options = (timeoutMs: number, signal?: AbortSignal): ExchangeOptions => ({
    method: 'GET',
    headers: {},
    dispatcher: agent,
    timeoutMs,
    maxBytes: 1_000,
    signal,
  });

  it('answers 504 at the deadline while the only connection is busy, and the queued request never reaches GenAuth', async () => {
    const first = exchange(`${base}/hold`, options(5_000));
    await holding;
    expect(seen).toEqual(['/hold']);

    const error = await rejectionOf(exchange(`${base}/queued`, options(100)));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ reason: 'timeout', status: 504 });
    // Ended by its own deadline, not by the first request's end (which has not come yet).
    expect(held).toHaveLength(1);

    held.splice(0).forEach((res) => res.end('{"first":true}'));
    expect(await first).toMatchObject({ status: 200, text: '{"first":true}' });
    const after = await exchange(`${base}/after`, options(5_000));
    expect(after.text).toBe('{"ok":true}');
    expect(seen).toEqual(['/hold', '/after']);
  });

  it("answers 499 for a caller's abort while queued, and sends nothing for a signal that was aborted before", async () => {
    const first = exchange(`${base}/hold`, options(5_000));
    await holding;
    const caller = new AbortController();
    const queued = rejectionOf(exchange(`${base}/queued`, options(5_000, caller.signal)));
    caller.abort();
    expect(await queued).toMatchObject({ reason: 'aborted', status: 499 });

    expect(await rejectionOf(exchange(`${base}/never`, options(5_000, AbortSignal.abort())))).toMatchObject({ reason: 'aborted', status: 499 });

    held.splice(0).forEach((res) => res.end('{}'));
    await first;
    await exchange(`${base}/after`, options(5_000));
    expect(seen).toEqual(['/hold', '/after']);
  });
});

describe('an exchange whose signal was aborted before it started', () => {
  it('opens no connection to GenAuth at all', async () => {
    let connections = 0;
    const server = createServer((_req, res) => res.end('{}'));
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent();
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/never`;
      const error = await rejectionOf(
        exchange(url, { method: 'GET', headers: {}, dispatcher: agent, timeoutMs: 5_000, maxBytes: 1_000, signal: AbortSignal.abort() }),
      );
      expect(error).toMatchObject({ reason: 'aborted', status: 499 });
      // A connection that was opened would show by now: the same agent's next exchange is answered on one.
      await exchange(url, { method: 'GET', headers: {}, dispatcher: agent, timeoutMs: 5_000, maxBytes: 1_000 });
      expect(connections).toBe(1);
    } finally {
      await agent.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the body is read the same way whether or not its length is declared', () => {
  let server: Server;
  let base: string;
  const agent = new Agent();

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"张三"}')]);
      if (req.url?.startsWith('/echo?')) {
        res.end(new URL(req.url, 'http://x').searchParams.get('text'));
      } else if (req.url === '/declared') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        res.end(body);
      } else {
        // Chunked, split inside the byte order mark and inside a multi-byte character.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(body.subarray(0, 2));
        setTimeout(() => {
          res.write(body.subarray(2, 14));
          setTimeout(() => res.end(body.subarray(14)), 5);
        }, 5);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await agent.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // U+FEBF, U+EEFF and U+FEFE each share two of the BOM's three bytes (EF BA BF, EE BB BF, EF BB BE): kept.
  it.each(['\uFEBF', '\uEEFF', '\uFEFE'])('keeps a first character that only resembles the byte order mark (%s)', async (first) => {
    const response = await exchange(`${base}/echo?text=${encodeURIComponent(`${first}{}`)}`, {
      method: 'GET',
      headers: {},
      dispatcher: agent,
      timeoutMs: 5_000,
      maxBytes: 1_000,
    });
    expect(response.text).toBe(`${first}{}`);
  });

  it.each([
    ['only a byte order mark', '\uFEFF', ''],
    ['two bytes', '{}', '{}'],
    ['one byte', '7', '7'],
  ])('reads a body of %s', async (_what, sent, read) => {
    const response = await exchange(`${base}/echo?text=${encodeURIComponent(sent)}`, {
      method: 'GET',
      headers: {},
      dispatcher: agent,
      timeoutMs: 5_000,
      maxBytes: 1_000,
    });
    expect(response.text).toBe(read);
  });

  it.each(['/declared', '/chunked'])('%s: UTF-8, without the leading byte order mark', async (path) => {
    const response = await exchange(`${base}${path}`, { method: 'GET', headers: {}, dispatcher: agent, timeoutMs: 5_000, maxBytes: 1_000 });
    expect(response.text).toBe('{"name":"张三"}');
    expect(JSON.parse(response.text)).toEqual({ name: '张三' });
  });
});

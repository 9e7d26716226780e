import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, InvalidResponseError } from '@passport-genauth/core';
import { Agent, MockAgent } from 'undici';
import { exchange, type ExchangeOptions } from '../src/transport';
import { rejectionOf } from './support/failures';

const ORIGIN = 'https://tenant.genauth.example';

describe('transport failures and oversized answers are named by what happened', () => {
  let agent: MockAgent;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });

  afterEach(async () => {
    await agent.close();
  });

  const options = (extra: Partial<ExchangeOptions> = {}): ExchangeOptions => ({
    method: 'POST',
    headers: {},
    body: '{}',
    dispatcher: agent,
    timeoutMs: 5_000,
    maxBytes: 10,
    ...extra,
  });
  const answer = (data: string, headers: Record<string, string> = {}) =>
    agent.get(ORIGIN).intercept({ path: '/x', method: 'POST' }).reply(200, data, { headers });

  it('sends the method, headers and body it is given, to the path and query of the URL', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/api/v3/signin?lang=zh', method: 'POST', headers: { 'x-authing-app-id': 'app-5f0c2b' }, body: '{"connection":"PASSCODE"}' })
      .reply(201, 'ok');
    const response = await exchange(
      `${ORIGIN}/api/v3/signin?lang=zh`,
      options({ headers: { 'x-authing-app-id': 'app-5f0c2b' }, body: '{"connection":"PASSCODE"}' }),
    );
    expect(response).toMatchObject({ status: 201, text: 'ok' });
  });

  it("names the network error's code when GenAuth cannot be reached", async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    agent.get(ORIGIN).intercept({ path: '/x', method: 'POST' }).replyWithError(cause);
    const error = await rejectionOf(exchange(`${ORIGIN}/x`, options()));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'network', status: 502, message: 'Could not reach GenAuth (ECONNREFUSED)' });
    expect((error as Error).cause).toBe(cause);
  });

  it('says only that GenAuth could not be reached when the failure has no code, or an empty one', async () => {
    for (const cause of [new Error('socket hang up'), Object.assign(new Error('odd'), { code: '' }), Object.assign(new Error('odd'), { code: 7 })]) {
      agent.get(ORIGIN).intercept({ path: '/x', method: 'POST' }).replyWithError(cause);
      const error = await rejectionOf(exchange(`${ORIGIN}/x`, options()));
      expect(error).toMatchObject({ reason: 'network', status: 502, message: 'Could not reach GenAuth' });
    }
  });

  it("reports a request the caller had already aborted as 'aborted' (499), not as a network failure", async () => {
    answer('{}');
    const caller = new AbortController();
    caller.abort();
    const error = await rejectionOf(exchange(`${ORIGIN}/x`, options({ signal: caller.signal })));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'GENAUTH_HTTP', reason: 'aborted', status: 499, message: 'The GenAuth request was aborted' });
  });

  it('refuses an answer whose declared length is over the cap before reading it, naming the cap', async () => {
    answer('{}', { 'content-length': '11' });
    const error = await rejectionOf(exchange(`${ORIGIN}/x`, options()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'GENAUTH_INVALID_RESPONSE', status: 502, message: "GenAuth's response exceeded 10 bytes" });
  });

  it('reads an answer whose declared length is exactly the cap', async () => {
    answer('1234567890', { 'content-length': '10' });
    await expect(exchange(`${ORIGIN}/x`, options())).resolves.toMatchObject({ status: 200, text: '1234567890' });
  });

  it('refuses an undeclared answer that grows over the cap, and reads one of exactly the cap', async () => {
    answer('12345678901');
    expect(await rejectionOf(exchange(`${ORIGIN}/x`, options()))).toMatchObject({ message: "GenAuth's response exceeded 10 bytes" });
    answer('1234567890');
    await expect(exchange(`${ORIGIN}/x`, options())).resolves.toMatchObject({ text: '1234567890' });
  });
});

describe('an undeclared answer that arrives in many pieces is read whole', () => {
  let server: Server;
  let dispatcher: Agent;
  const body = 'genauth-'.repeat(40_000);

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      // No content-length: the body comes chunked, read piece by piece within the cap.
      for (let at = 0; at < body.length; at += 16_384) res.write(body.slice(at, at + 16_384));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dispatcher = new Agent();
  });

  afterAll(async () => {
    await dispatcher.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('joins every piece in order', async () => {
    const { port } = server.address() as AddressInfo;
    const response = await exchange(`http://127.0.0.1:${port}/`, { method: 'GET', headers: {}, dispatcher, timeoutMs: 5_000, maxBytes: 512 * 1024 });
    expect(response.text.length).toBe(body.length);
    expect(response.text).toBe(body);
  });
});

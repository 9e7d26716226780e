import { request } from 'undici';
import { FAULT_KINDS } from '../src/index';
import { DEMO_AUTH, SIGNIN, signinBody, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
afterEach(() => {
  h.emulator.clearFaults();
  h.emulator.reset();
});

const wechatLogin = () => signinBody('wechat', 'wechatPayload', h.emulator.mintCredential('wechat', { user: 'olga' }));

describe('faults from injectFaults()', () => {
  it('lists every kind', () => {
    expect([...FAULT_KINDS]).toEqual([
      'latency',
      'status-500',
      'status-502',
      'status-503',
      'html',
      'malformed-json',
      'wrong-content-type',
      'oversize',
      'reset',
      'hang',
      'error-without-data',
      'string-api-code',
    ]);
  });

  it.each([500, 502, 503])('status-%i answers that HTTP status with an envelope and consumes nothing', async (status) => {
    const body = wechatLogin();
    h.emulator.injectFaults({ kind: `status-${status}` as 'status-500' });
    const answer = await h.signin(body);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.json).toMatchObject({ statusCode: status, requestId: answer.headers['x-request-id'], data: null });
    expect((await h.signin(body)).json.statusCode).toBe(200);
    expect(h.emulator.requests.map((entry) => [entry.outcome, entry.fault, entry.httpStatus])).toEqual([
      ['faulted', `status-${status}`, status],
      ['accepted', undefined, 200],
    ]);
  });

  it('html answers HTTP 502 with an HTML page', async () => {
    h.emulator.injectFaults({ kind: 'html' });
    const answer = await h.signin(wechatLogin());
    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<h1>502 Bad Gateway</h1>');
    expect(answer.json).toBeUndefined();
  });

  it('malformed-json answers HTTP 200 application/json that does not parse', async () => {
    h.emulator.injectFaults({ kind: 'malformed-json' });
    const answer = await h.signin(wechatLogin());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.text.startsWith('{"statusCode":200')).toBe(true);
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
  });

  it('wrong-content-type answers HTTP 200 text/plain', async () => {
    h.emulator.injectFaults({ kind: 'wrong-content-type' });
    const answer = await h.signin(wechatLogin());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.json).toBeUndefined();
  });

  it('oversize answers about 5 MiB of valid JSON', async () => {
    h.emulator.injectFaults({ kind: 'oversize' });
    const answer = await h.signin(wechatLogin());
    expect(answer.status).toBe(200);
    expect(answer.text.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(answer.text.length).toBeLessThan(5 * 1024 * 1024 + 200);
    expect(answer.json.statusCode).toBe(200);
    expect(answer.json.data).toBeNull();
  });

  it('reset destroys the connection without an answer, and the credential still works', async () => {
    const body = wechatLogin();
    h.emulator.injectFaults({ kind: 'reset' });
    await expect(h.signin(body)).rejects.toThrow();
    expect((await h.signin(body)).json.statusCode).toBe(200);
    expect(h.emulator.requests[0]).toMatchObject({ outcome: 'faulted', fault: 'reset', httpStatus: null, statusCode: null });
  });

  it('latency delays a normal answer (which does consume the credential)', async () => {
    const body = wechatLogin();
    h.emulator.injectFaults({ kind: 'latency', latencyMs: 250 });
    const started = Date.now();
    const answer = await h.signin(body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(answer.json.statusCode).toBe(200);
    expect((await h.signin(body)).json.statusCode).toBe(602);
    expect(h.emulator.requests[0]).toMatchObject({ outcome: 'accepted', fault: 'latency' });
    expect(h.emulator.stats()).toMatchObject({ received: 2, accepted: 1, rejected: 1, faulted: 0 });
  });

  it('faults the next count requests, first in first out', async () => {
    h.emulator.injectFaults({ kind: 'status-503', count: 2 });
    h.emulator.injectFaults({ kind: 'html' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await h.signin(wechatLogin())).status);
    expect(statuses).toEqual([503, 503, 502, 200]);
  });

  it('validates the injection', () => {
    expect(() => h.emulator.injectFaults({ kind: 'boom' as 'html' })).toThrow(TypeError);
    expect(() => h.emulator.injectFaults({ kind: 'html', count: 0 })).toThrow('fault.count must be a positive integer');
  });
});

describe('hang', () => {
  it('never answers; close() destroys the socket', async () => {
    const own = await startHarness();
    own.emulator.injectFaults({ kind: 'hang' });
    const pending = own.signin(wechatLoginFor(own));
    pending.catch(() => undefined);
    await waitFor(() => own.emulator.requests.length === 1);
    expect(own.emulator.requests[0]).toMatchObject({ outcome: 'faulted', fault: 'hang', httpStatus: null });
    // close() destroys the hanging socket (else it would wait forever and the test time out): the client sees it end.
    await own.emulator.close();
    await expect(pending).rejects.toThrow();
    await own.close();
  });

  it('lets a client time out', async () => {
    h.emulator.injectFaults({ kind: 'hang' });
    const attempt = request(h.url + SIGNIN, {
      method: 'POST',
      headers: { ...DEMO_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(wechatLogin()),
      signal: AbortSignal.timeout(200),
    });
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
    await waitFor(() => h.emulator.requests.length === 1);
    expect(h.emulator.requests[0]).toMatchObject({ outcome: 'faulted', fault: 'hang' });
  });
});

function wechatLoginFor(harness: Harness) {
  return signinBody('wechat', 'wechatPayload', harness.emulator.mintCredential('wechat', { user: 'pat' }));
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('timed out waiting');
}

describe('the x-emulator-fault header', () => {
  it('is ignored unless faults: true', async () => {
    const answer = await h.signin(wechatLogin(), { ...DEMO_AUTH, 'x-emulator-fault': 'status-500' });
    expect(answer.status).toBe(200);
    expect(answer.json.statusCode).toBe(200);
  });

  it('faults that one request when faults: true', async () => {
    const own = await startHarness({ faults: true });
    try {
      const body = wechatLoginFor(own);
      const faulted = await own.signin(body, { ...DEMO_AUTH, 'x-emulator-fault': 'status-503' });
      expect(faulted.status).toBe(503);
      const slow = Date.now();
      const delayed = await own.signin(body, { ...DEMO_AUTH, 'x-emulator-fault': 'latency=120' });
      expect(Date.now() - slow).toBeGreaterThanOrEqual(110);
      expect(delayed.json.statusCode).toBe(200);
      const unknown = await own.signin(wechatLoginFor(own), { ...DEMO_AUTH, 'x-emulator-fault': 'meteor' });
      expect(unknown.json).toMatchObject({ statusCode: 400 });
      expect(unknown.json.message).toMatch(/^x-emulator-fault: unknown fault kind/);
    } finally {
      await own.close();
    }
  });
});

describe('the control endpoint', () => {
  it('is 404 unless control: true', async () => {
    const answer = await h.post('/__emulator/faults', { kind: 'status-500' });
    expect(answer.status).toBe(404);
    expect((await h.signin(wechatLogin())).status).toBe(200);
  });

  it('queues, reports and clears faults when control: true', async () => {
    const own = await startHarness({ control: true });
    try {
      expect((await own.post('/__emulator/faults', { kind: 'status-502', count: 2 })).json).toEqual({ pending: 2 });
      expect((await own.post('/__emulator/faults', { kind: 'nope' })).status).toBe(400);
      expect((await own.signin(wechatLoginFor(own))).status).toBe(502);
      const notJson = await own.postRaw('/__emulator/faults', 'kind=html', {});
      expect(notJson.status).toBe(400);
      const del = await request(`${own.url}/__emulator/faults`, { method: 'DELETE' });
      expect(await del.body.json()).toEqual({ pending: 0 });
      expect((await own.signin(wechatLoginFor(own))).status).toBe(200);
      const stats = await own.get('/__emulator/stats');
      expect(stats.json).toMatchObject({ received: 2, accepted: 1, faulted: 1 });
      const log = await own.get('/__emulator/requests');
      expect(log.json.map((entry: { outcome: string }) => entry.outcome)).toEqual(['faulted', 'accepted']);
      expect((await own.post('/__emulator/reset', {})).json).toEqual({ reset: true });
      expect(own.emulator.stats().received).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('latency and a client that gives up', () => {
  it('logs the request as faulted and consumes nothing', async () => {
    const body = wechatLogin();
    h.emulator.injectFaults({ kind: 'latency', latencyMs: 300 });
    const attempt = request(h.url + SIGNIN, {
      method: 'POST',
      headers: { ...DEMO_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(100),
    });
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
    await waitFor(() => h.emulator.requests.length === 1);
    expect(h.emulator.requests[0]).toMatchObject({ outcome: 'faulted', fault: 'latency', httpStatus: null, statusCode: null });
    expect((await h.signin(body)).json.statusCode).toBe(200);
  });
});

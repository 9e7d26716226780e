import { JWKS_PATH, type MockGenAuth } from '@passport-genauth/testing';
import { startMock } from './support/providers';

describe('client warm-up reports its duration and retries after a failure', () => {
  let mock: MockGenAuth;
  beforeEach(async () => {
    mock = await startMock();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await mock.close();
  });

  // A clock that stands still: the duration is exactly what the client computes from it, with no wall time in it.
  const stillClock = () => jest.spyOn(performance, 'now').mockReturnValue(1_000_000);

  it('reports a failed warm-up with the time it took on the same clock, then fetches again on the next call', async () => {
    stillClock();
    mock.pool.intercept({ path: JWKS_PATH, method: 'GET' }).reply(503, 'down');
    const client = mock.client();
    const failed = await client.warmUp();
    expect(failed).toMatchObject({ ok: false, durationMs: 0, error: expect.objectContaining({ code: 'GENAUTH_HTTP', status: 503 }) });
    mock.serveJwks();
    expect(await client.warmUp()).toEqual({ ok: true, keys: 1, durationMs: 0 });
  });

  it('shares one warm-up between concurrent calls and keeps a successful one', async () => {
    stillClock();
    mock.serveJwks();
    const client = mock.client();
    const first = client.warmUp();
    expect(client.warmUp()).toBe(first);
    expect(await first).toEqual({ ok: true, keys: 1, durationMs: 0 });
    expect(client.warmUp()).toBe(first);
  });
});

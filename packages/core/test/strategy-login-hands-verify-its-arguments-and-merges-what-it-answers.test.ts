import type { MockGenAuth } from '@passport-genauth/testing';
import { GenAuthApps, type GenAuthProfile, type LoginOutcome, type TokenSet } from '../src';
import { CodeStrategy, startMock } from './support/providers';

function challengeOf(outcome: LoginOutcome): { message?: string } & Record<string, unknown> {
  if (outcome.type !== 'fail') throw new Error(`expected a fail outcome, got ${outcome.type}`);
  return outcome.challenge as Record<string, unknown>;
}

describe('strategy login hands verify its arguments and merges what it answers', () => {
  let mock: MockGenAuth;
  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
  });
  afterEach(() => mock.close());

  it('reads an undefined answer of the credentials callback as no fields, without the body-parser hint', async () => {
    const strategy = new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src', credentials: () => undefined }, () => ({ id: 'never' }));
    const outcome = await strategy.login({ headers: { 'content-length': '12' } });
    expect(challengeOf(outcome)).toMatchObject({ message: 'Invalid Test code credentials: code is required', fields: ['code'], status: 400 });
    expect(mock.requests).toEqual([]);
  });

  it('adds the body-parser hint only for a request that carried a body nothing parsed', async () => {
    const strategy = new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src' }, () => ({ id: 'never' }));
    const message = async (req: { headers: Record<string, string>; body?: unknown }) => String(challengeOf(await strategy.login(req)).message);
    const plain = 'Invalid Test code credentials: code is required';
    const hinted = `${plain}. The request has a body but nothing parsed it (req.body is undefined): mount a body parser for its content type (express.json() for application/json) before passport.authenticate()`;
    expect(await message({ headers: { 'content-length': '9' } })).toBe(hinted);
    expect(await message({ headers: { 'transfer-encoding': 'chunked' } })).toBe(hinted);
    expect(await message({ headers: { 'content-length': '0' } })).toBe(plain);
    expect(await message({ headers: {} })).toBe(plain);
    expect(await message({ headers: { 'content-length': '9' }, body: {} })).toBe(plain);
  });

  it('merges the info verify passes with the token set into the success info, and adds no app for a single client', async () => {
    await mock.succeed();
    let seen: GenAuthProfile | undefined;
    const strategy = new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src' }, (_tokens: TokenSet, profile, done) => {
      seen = profile;
      done(null, { id: profile.id }, { welcome: true });
    });
    const outcome = await strategy.login({ headers: {}, body: { code: 'c' } });
    expect(outcome).toEqual({
      type: 'success',
      user: { id: seen?.id },
      info: expect.objectContaining({ welcome: true, accessToken: 'at-123', tokenType: 'Bearer' }) as unknown,
    });
    expect(outcome.type === 'success' && 'app' in outcome.info).toBe(false);
    expect(seen && 'app' in seen).toBe(false);
  });

  it('hands the request first to verify with passReqToCallback, and the tokens first without', async () => {
    const req = { headers: {}, body: { code: 'c' } };
    const calls: unknown[][] = [];
    await mock.succeed();
    await new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src', passReqToCallback: true }, (...args: unknown[]) => {
      calls.push(args);
      return { id: 'u' };
    }).login(req);
    await mock.succeed();
    await new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src' }, (...args: unknown[]) => {
      calls.push(args);
      return { id: 'u' };
    }).login(req);
    expect(calls[0]).toHaveLength(4);
    expect(calls[0]?.[0]).toBe(req);
    expect(calls[0]?.[1]).toMatchObject({ accessToken: 'at-123' });
    expect(calls[1]).toHaveLength(3);
    expect(calls[1]?.[0]).toMatchObject({ accessToken: 'at-123' });
    expect(calls[1]?.[1]).toMatchObject({ provider: 'genauth', connection: 'test_code' });
  });

  it('fails with the info verify refused with, at 401', async () => {
    await mock.succeed();
    const strategy = new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src' }, (_t, _p, done) => done(null, false, { reason: 'banned' }));
    expect(await strategy.login({ headers: {}, body: { code: 'c' } })).toEqual({ type: 'fail', challenge: { reason: 'banned' }, status: 401 });
  });

  it("sends the strategy's sign-in options, overridden by the route's, to GenAuth", async () => {
    const strategy = new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src', scope: 'openid profile', tenantId: 't1' }, () => ({ id: 'u' }));
    await mock.succeed();
    await strategy.login({ headers: {}, body: { code: 'c' } });
    await mock.succeed();
    await strategy.login({ headers: {}, body: { code: 'c' } }, { scope: 'openid email', unrelated: true });
    expect(mock.requests.map((request) => request.body.options)).toEqual([
      { scope: 'openid profile', tenantId: 't1' },
      { scope: 'openid email', tenantId: 't1' },
    ]);
  });

  it('gives the profile and the success info the alias of the app that signed the user in', async () => {
    const apps = new GenAuthApps({ apps: { ios: mock.client() }, default: 'ios' });
    await mock.succeed();
    const strategy = new CodeStrategy({ client: apps, extIdpConnidentifier: 'src' }, (_t, profile) => ({ id: profile.id, app: profile.app }));
    const outcome = await strategy.login({ headers: {}, body: { code: 'c' } });
    expect(outcome).toMatchObject({ type: 'success', user: { app: 'ios' }, info: { app: 'ios' } });
  });
});

describe('strategy verify deadline comes from the strategy options', () => {
  let mock: MockGenAuth;
  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await mock.close();
  });

  async function verifyDeadlines(options: { verifyTimeoutMs?: number }): Promise<number[]> {
    await mock.succeed();
    const deadlines: number[] = [];
    const timers = jest.spyOn(globalThis, 'setTimeout');
    // Read while verify runs: its own deadline timer is armed by then.
    const strategy = new CodeStrategy({ client: mock.client(), extIdpConnidentifier: 'src', ...options }, () => {
      deadlines.push(...timers.mock.calls.map((call) => Number(call[1])));
      return { id: 'u' };
    });
    const outcome = await strategy.login({ headers: {}, body: { code: 'c' } });
    expect(outcome.type).toBe('success');
    timers.mockRestore();
    return deadlines;
  }

  it('gives verify 30 seconds by default and the configured time otherwise', async () => {
    expect(await verifyDeadlines({})).toContain(30_000);
    const configured = await verifyDeadlines({ verifyTimeoutMs: 1234 });
    expect(configured).toContain(1234);
    expect(configured).not.toContain(30_000);
  });
});

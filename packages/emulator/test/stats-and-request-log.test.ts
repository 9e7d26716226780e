import { basic, DEMO_AUTH, SIGNIN, signinBody, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxLogEntries: 5 });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

describe('the request log', () => {
  it('records exactly what GenAuth received, newest last', async () => {
    const credential = h.emulator.mintCredential('qq', { user: 'quinn' });
    const body = signinBody('qq', 'qqPayload', credential, { options: { scope: 'openid', context: 'ctx' } });
    const ok = await h.signin(body, { ...DEMO_AUTH, 'x-authing-lang': 'en-US' });
    const replay = await h.signin(body);
    const [first, second] = h.emulator.requests;
    expect(h.emulator.requests).toHaveLength(2);
    expect(first).toMatchObject({
      method: 'POST',
      path: SIGNIN,
      body,
      outcome: 'accepted',
      statusCode: 200,
      httpStatus: 200,
      requestId: ok.json.requestId,
      connection: 'qq',
      endpoint: 'signin-by-mobile',
      appId: 'demo-app',
      clientAuthMethod: 'client_secret_basic',
    });
    // The client id stays readable; the secret never reaches the log.
    expect(first?.headers).toMatchObject({
      authorization: basic('demo-app', '[redacted]'),
      'x-authing-app-id': 'demo-app',
      'x-authing-lang': 'en-US',
      'content-type': 'application/json',
    });
    expect(second).toMatchObject({ outcome: 'rejected', statusCode: 602, requestId: replay.json.requestId });
    expect(second).not.toHaveProperty('apiCode');
    expect(first!.at).toBeLessThanOrEqual(second!.at);
  });

  it('logs the apiCode and an undefined body for a body that is not JSON', async () => {
    await h.signin(signinBody('wechat', 'wechatPayload', { code: 'locked-9' }));
    await h.postRaw(SIGNIN, 'not json', { ...DEMO_AUTH, 'content-type': 'application/json' });
    expect(h.emulator.requests.map(({ outcome, statusCode, apiCode, body }) => ({ outcome, statusCode, apiCode, body: typeof body }))).toEqual([
      { outcome: 'rejected', statusCode: 403, apiCode: 2005, body: 'object' },
      { outcome: 'rejected', statusCode: 400, apiCode: undefined, body: 'undefined' },
    ]);
  });

  it('keeps only the newest maxLogEntries entries while the counters keep counting', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push((await h.signin(signinBody('weibo', 'weiboPayload', { access_token: `t-${i}` }))).json.requestId);
    expect(h.emulator.requests.map((entry) => entry.requestId)).toEqual(ids.slice(-5));
    expect(h.emulator.stats()).toMatchObject({ received: 12, accepted: 12 });
  });

  it('does not log JWKS, discovery or emulator endpoints, but counts metadata requests', async () => {
    await h.get('/oidc/.well-known/jwks.json');
    await h.get('/demo-app/oidc/.well-known/jwks.json');
    await h.get('/oidc/.well-known/openid-configuration');
    await h.post('/__emulator/credentials', { connection: 'wechat', user: 'x' });
    expect(h.emulator.requests).toHaveLength(0);
    expect(h.emulator.stats()).toMatchObject({ received: 0, jwksRequests: 2, discoveryRequests: 1 });
  });
});

describe('stats()', () => {
  it('counts received = accepted + rejected + faulted, per connection too', async () => {
    const slack = h.emulator.mintCredential('slack', { user: 'ray' });
    await h.signin(signinBody('slack', 'slackPayload', slack));
    await h.signin(signinBody('slack', 'slackPayload', slack));
    await h.signin(signinBody('oppo', 'oppoPayload', {}));
    await h.signin({ connection: 'not-a-connection' });
    h.emulator.injectFaults({ kind: 'status-500' });
    await h.signin(signinBody('slack', 'slackPayload', h.emulator.mintCredential('slack', { user: 'ray' })));
    const stats = h.emulator.stats();
    expect(stats).toMatchObject({ received: 5, accepted: 1, rejected: 3, faulted: 1 });
    expect(stats.byConnection.slack).toEqual({ accepted: 1, rejected: 1 });
    expect(stats.byConnection.oppo).toEqual({ accepted: 0, rejected: 1 });
    expect(stats.byConnection.wechat).toEqual({ accepted: 0, rejected: 0 });
    expect(Object.keys(stats.byConnection)).toHaveLength(32);
  });

  it('returns a snapshot, and reset() zeroes everything', async () => {
    await h.signin(signinBody('slack', 'slackPayload', { code: 'snap' }));
    const snapshot = h.emulator.stats();
    snapshot.byConnection.slack.accepted = 99;
    expect(h.emulator.stats().byConnection.slack.accepted).toBe(1);
    h.emulator.injectFaults({ kind: 'html' });
    h.emulator.reset();
    expect(h.emulator.stats()).toMatchObject({ received: 0, accepted: 0, rejected: 0, faulted: 0, jwksRequests: 0 });
    expect(h.emulator.requests).toEqual([]);
    expect((await h.signin(signinBody('slack', 'slackPayload', { code: 'snap' }))).status).toBe(200);
    expect(h.emulator.stats().accepted).toBe(1);
  });

  it('counts concurrent logins exactly once each', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) =>
      signinBody('kuaishou', 'kuaishouPayload', h.emulator.mintCredential('kuaishou', { user: `u${i % 5}` })),
    );
    const answers = await Promise.all([...bodies, ...bodies].map((body) => h.signin(body)));
    const codes = answers.map((answer) => answer.json.statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(50);
    expect(codes.filter((code) => code === 602)).toHaveLength(50);
    expect(new Set(answers.map((answer) => answer.json.requestId)).size).toBe(100);
    expect(h.emulator.stats()).toMatchObject({ received: 100, accepted: 50, rejected: 50 });
  });
});

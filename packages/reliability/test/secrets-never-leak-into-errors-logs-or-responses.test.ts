import { GenAuthClient, GenAuthMobileStrategy, type GenAuthProfile, type GenAuthStrategy } from '@passport-genauth/core';
import { ENVELOPE_FAULT_KINDS, FAULT_KINDS, startEmulator, type Emulator } from '@passport-genauth/emulator';
import { APP, ISSUER, MockGenAuth, makeKey, mockRequest, runStrategy, signHs256, signRs256, unsigned } from '@passport-genauth/testing';
import { WechatMiniProgramCodeAndPhoneStrategy, WechatStrategy } from '@passport-genauth/wechat';
import { canaryForms, leaksIn, LogCapture, renderings, SECRET, TOKEN } from './support/canaries';
import { HttpClient, listen, type Listening } from './support/http';
import { buildStrategies } from './support/strategies';
import { routeFor, targetApp } from './support/target-app';

const REAL_SECRET = 'the-emulator-knows-another-secret';
const APP_IDS = { basic: 'canary-basic', post: 'canary-post', wrongBasic: 'canary-wrong-basic', wrongPost: 'canary-wrong-post' } as const;
const FORMS = canaryForms([...Object.values(APP_IDS), APP.appId]);

let emulator: Emulator;
const capture = new LogCapture();
/** Everything the tests printed or received, by where it came from. */
let exposed: Array<{ where: string; text: string }> = [];
const closers: Array<() => Promise<void>> = [];

function expose(where: string, value: unknown): void {
  for (const text of typeof value === 'string' ? [value] : renderings(value)) exposed.push({ where, text });
}

/** Asserts nothing exposed so far (and no log line) holds a canary, then starts afresh. */
function expectNothingLeaked(): void {
  const leaks = [
    ...exposed.flatMap(({ where, text }) => leaksIn(text, FORMS).map((form) => `${where}: ${form}`)),
    ...capture.lines.flatMap((line) => leaksIn(line, FORMS).map((form) => `log line "${line.slice(0, 120)}": ${form}`)),
  ];
  exposed = [];
  expect(leaks).toEqual([]);
}

interface Setup {
  readonly client: GenAuthClient;
  readonly http: HttpClient;
  readonly strategies: readonly GenAuthStrategy[];
}

async function setup(appId: string, method: 'client_secret_basic' | 'client_secret_post', timeoutMs = 800): Promise<Setup> {
  const client = new GenAuthClient({ appHost: emulator.url, appId, appSecret: SECRET, tokenEndpointAuthMethod: method, timeoutMs });
  const server: Listening = await listen(targetApp({ client, log: capture.log }));
  const http = new HttpClient(server.url);
  closers.push(
    () => http.close(),
    () => client.close(),
    () => server.close(),
  );
  return { client, http, strategies: buildStrategies(client) };
}

/** One login over HTTP through the app and one through Passport's calling convention; both outcomes exposed. */
async function loginBoth(env: Setup, connection: string, body: Record<string, unknown>, label: string): Promise<number> {
  const answer = await env.http.postJson(routeFor(connection), body);
  expose(`${label}: HTTP ${answer.status} body`, answer.text);
  const strategy = env.strategies.find((candidate) => candidate.connection === connection)!;
  const result = await runStrategy(strategy, mockRequest({ body }));
  expose(`${label}: Passport ${result.type}`, result);
  return answer.status;
}

let basic: Setup;
let post: Setup;

beforeAll(async () => {
  capture.start();
  emulator = await startEmulator({
    apps: [
      { appId: APP_IDS.basic, appSecret: SECRET, tokenEndpointAuthMethod: 'client_secret_basic' },
      { appId: APP_IDS.post, appSecret: SECRET, tokenEndpointAuthMethod: 'client_secret_post', idTokenSigningAlg: 'HS256' },
      { appId: APP_IDS.wrongBasic, appSecret: REAL_SECRET, tokenEndpointAuthMethod: 'client_secret_basic' },
      { appId: APP_IDS.wrongPost, appSecret: REAL_SECRET, tokenEndpointAuthMethod: 'client_secret_post' },
    ],
  });
  basic = await setup(APP_IDS.basic, 'client_secret_basic');
  post = await setup(APP_IDS.post, 'client_secret_post');
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await emulator.close();
  capture.stop();
});

describe('with a canary app secret and a canary credential', () => {
  it('a malformed credential (too long, wrong type, incomplete) leaks neither', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['wechat', { code: `${TOKEN}${'x'.repeat(5_000)}` }],
      ['wechat', { code: [TOKEN] }],
      ['wechat', { code: { value: TOKEN } }],
      ['wechat_mini_program_code_and_phone', { wxLoginInfo: TOKEN, wxPhoneInfo: { code: 7 } }],
      ['douyin_mini_program_code', { code: TOKEN, encryptedData: TOKEN }],
      ['yidun', { token: TOKEN }],
      ['dingtalk', { code: TOKEN, isSnsCode: TOKEN }],
      ['facebook', { access_token: 42, id_token: TOKEN }],
    ];
    for (const [connection, body] of cases) expect(await loginBoth(basic, connection, body, `bad ${connection}`)).toBe(400);
    expectNothingLeaked();
  });

  it('GenAuth rejecting the credential (invalid, locked, replayed) leaks neither', async () => {
    expect(await loginBoth(basic, 'wechat', { code: `invalid${TOKEN}` }, 'invalid')).toBe(401);
    expect(await loginBoth(basic, 'apple', { code: `locked${TOKEN}` }, 'locked')).toBe(401);
    expect(await loginBoth(basic, 'facebook', { access_token: `expired${TOKEN}` }, 'expired')).toBe(401);
    const replayed = `${TOKEN}-replayed`;
    const first = await basic.http.postJson(routeFor('wechat'), { code: replayed });
    expect(first.status).toBe(200);
    expose('first use (success body)', first.text);
    expect(await loginBoth(basic, 'wechat', { code: replayed }, 'replay')).toBe(401);
    expectNothingLeaked();
  });

  it("GenAuth rejecting the app's secret (basic and post) or the identity source leaks neither", async () => {
    const wrongBasic = await setup(APP_IDS.wrongBasic, 'client_secret_basic');
    const wrongPost = await setup(APP_IDS.wrongPost, 'client_secret_post');
    expect(await loginBoth(wrongBasic, 'wechat', { code: `${TOKEN}-basic` }, 'wrong secret (basic)')).toBe(500);
    expect(await loginBoth(wrongPost, 'wechat', { code: `${TOKEN}-post` }, 'wrong secret (post)')).toBe(500);
    const unknownSource = new WechatStrategy({ client: basic.client, extIdpConnidentifier: 'no-such-source' }, async () => ({}));
    expose('unknown identity source', await runStrategy(unknownSource, mockRequest({ body: { code: `${TOKEN}-source` } })));
    expectNothingLeaked();
  });

  it.each([...FAULT_KINDS])('the upstream fault %s leaks neither', async (kind) => {
    emulator.injectFaults({ kind, count: 2, latencyMs: 1_500 });
    // GenAuth's other envelope forms reshape an error answer: a locked user's, the user's 401.
    const reshaped = (ENVELOPE_FAULT_KINDS as readonly string[]).includes(kind);
    const status = await loginBoth(basic, 'wechat', { code: reshaped ? `locked-${TOKEN}-${kind}` : `${TOKEN}-${kind}` }, kind);
    if (reshaped) expect(status).toBe(401);
    else expect(status).toBeGreaterThanOrEqual(500);
    emulator.clearFaults();
    expectNothingLeaked();
  });

  it('a request-time configuration error (options(req) with a bad scope) leaks neither', async () => {
    const strategy = new WechatStrategy(
      { client: basic.client, extIdpConnidentifier: 'wechat', options: () => ({ scope: `profile ${TOKEN}`, customData: { token: TOKEN } }) },
      async () => ({}),
    );
    const result = await runStrategy(strategy, mockRequest({ body: { code: `${TOKEN}-options` } }));
    expect(result.type).toBe('error');
    expose('options(req) error', result);
    expectNothingLeaked();
  });

  it('configuration errors at construction leak neither', () => {
    const verify = async () => ({});
    const attempts: Array<[string, () => unknown]> = [
      ['plain http host', () => new GenAuthClient({ appHost: 'http://evil.example', appId: 'a', appSecret: SECRET })],
      ['credentials in the host', () => new GenAuthClient({ appHost: `https://user:${SECRET}@x.genauth.ai`, appId: 'a', appSecret: SECRET })],
      ['swapped host and secret', () => new GenAuthClient({ appHost: SECRET, appId: 'a', appSecret: 'https://x.genauth.ai' })],
      [
        'secret as the method',
        () => new GenAuthClient({ appHost: 'https://x.genauth.ai', appId: 'a', appSecret: SECRET, tokenEndpointAuthMethod: SECRET as 'none' }),
      ],
      ['misspelt secret option', () => new GenAuthClient({ appHost: 'https://x.genauth.ai', appId: 'a', secret: SECRET } as never)],
      ['secret as the JWKS URI', () => new GenAuthClient({ appHost: 'https://x.genauth.ai', appId: 'a', appSecret: SECRET, idToken: { jwksUri: SECRET } })],
      ['client and inline secret', () => new WechatStrategy({ client: basic.client, appSecret: SECRET, extIdpConnidentifier: 'wechat' } as never, verify)],
      [
        'inline plain http',
        () => new WechatStrategy({ appHost: 'http://evil.example', appId: 'a', appSecret: SECRET, extIdpConnidentifier: 'wechat' }, verify),
      ],
      ['scope without openid', () => new WechatStrategy({ client: basic.client, extIdpConnidentifier: 'wechat', scope: `profile ${TOKEN}` }, verify)],
    ];
    for (const [label, attempt] of attempts) {
      let thrown: unknown;
      try {
        attempt();
      } catch (error) {
        thrown = error;
      }
      expect({ label, code: (thrown as { code?: unknown } | undefined)?.code }).toEqual({ label, code: 'GENAUTH_INVALID_OPTIONS' });
      expose(`configuration error: ${label}`, thrown);
    }
    expectNothingLeaked();
  });

  it('the client, the strategies, a successful login and its profile leak neither', async () => {
    const profiles: GenAuthProfile[] = [];
    const strategy = new WechatMiniProgramCodeAndPhoneStrategy(
      { client: post.client, extIdpConnidentifier: 'wechat_mini_program_code_and_phone', scope: 'openid profile email phone offline_access' },
      async (_tokens, profile) => {
        profiles.push(profile);
        return { id: profile.id };
      },
    );
    const result = await runStrategy(strategy, mockRequest({ body: { wxLoginInfo: { code: `${TOKEN}-ok` }, wxPhoneInfo: { code: TOKEN } } }));
    expect(result.type).toBe('success');
    expose('success outcome', result);
    expose('profile', profiles[0]);
    expose('client (basic)', basic.client);
    expose('client (post)', post.client);
    expose('strategy', strategy);
    expose('all strategies', basic.strategies);
    expose('single-route strategy', new GenAuthMobileStrategy({ strategies: basic.strategies }));
    const inline = new WechatStrategy({ appHost: 'https://x.genauth.ai', appId: 'a', appSecret: SECRET, extIdpConnidentifier: 'wechat' }, async () => ({}));
    expose('strategy with inline secret', inline);
    const answer = await post.http.postJson(routeFor('wechat'), { code: `${TOKEN}-http-ok` });
    expect(answer.status).toBe(200);
    expose('success body', answer.text);
    expectNothingLeaked();
  });
});

describe('id_token failures with a canary secret', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient;
  let http: HttpClient;
  let server: Listening;

  beforeAll(async () => {
    mock = await MockGenAuth.start();
    client = mock.client({ appSecret: SECRET });
    server = await listen(targetApp({ client, log: capture.log }));
    http = new HttpClient(server.url);
  });
  afterAll(async () => {
    await http.close();
    await server.close();
    await client.close();
    await mock.close();
  });

  const claims = { iss: ISSUER, aud: APP.appId };
  const cases: Array<[string, () => Promise<string>, boolean]> = [
    ['HS256 signed with another secret', () => signHs256('not-the-app-secret', claims), true],
    ['HS256 with the secret but the wrong issuer', () => signHs256(SECRET, { ...claims, iss: 'https://evil.example/oidc' }), true],
    ['HS256 with the secret but expired', () => signHs256(SECRET, { ...claims, issuedAtOffsetSec: -7_200 }), true],
    ['alg none', async () => unsigned(claims), true],
    ['RS256 with an unknown kid and an unreachable JWKS', async () => signRs256(await makeKey('kid-unknown'), claims), false],
  ];

  it.each(cases)('%s leaks neither', async (_label, token, jwksReachable) => {
    if (!jwksReachable) mock.pool.intercept({ path: '/oidc/.well-known/jwks.json', method: 'GET' }).replyWithError(new Error('connect ECONNREFUSED'));
    const idToken = await token();
    const body = { statusCode: 200, message: '', requestId: 'req-x', data: { access_token: 'at', id_token: idToken, token_type: 'Bearer', expire_in: 60 } };
    mock.onSignIn(() => ({ body }));
    const answer = await http.postJson(routeFor('wechat'), { code: TOKEN });
    expect(answer.status).toBe(jwksReachable ? 401 : 502);
    expose('id_token failure body', answer.text);
    mock.onSignIn(() => ({ body }));
    const result = await runStrategy(new WechatStrategy({ client, extIdpConnidentifier: 'x' }, async () => ({})), mockRequest({ body: { code: TOKEN } }));
    expect(result.type).toBe(jwksReachable ? 'fail' : 'error');
    expose('id_token failure outcome', result);
    expectNothingLeaked();
  });
});

describe('logs', () => {
  it('were captured (the app logged its failures) and hold no canary', () => {
    expect(capture.lines.length).toBeGreaterThan(10);
    expectNothingLeaked();
  });
});

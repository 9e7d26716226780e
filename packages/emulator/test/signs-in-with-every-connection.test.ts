import { createHash } from 'node:crypto';
import { CONNECTION_NAMES, type Connection } from '../src/index';
import { signinBody, startHarness, verifyJwt, type Harness } from './support/harness';

/** From the contract's connections.json, written out here so that a wrong table in src fails the test. */
const TABLE: readonly [connection: Connection, payloadKey: string, primary: string, minted: readonly string[]][] = [
  ['wechat', 'wechatPayload', 'code', ['code']],
  ['wechat_mini_program_code', 'wechatMiniProgramCodePayload', 'code', ['code']],
  ['wechat_mini_program_phone', 'wechatMiniProgramPhonePayload', 'code', ['code', 'encryptedData', 'iv']],
  ['wechat_mini_program_code_and_phone', 'wechatMiniProgramCodeAndPhonePayload', 'wxLoginInfo.code', ['wxLoginInfo.code', 'wxPhoneInfo.code']],
  ['wechatwork', 'wechatworkPayload', 'code', ['code']],
  ['wechatwork_agency', 'wechatworkAgencyPayload', 'code', ['code']],
  ['apple', 'applePayload', 'code', ['code']],
  ['alipay', 'alipayPayload', 'code', ['code']],
  ['lark_internal', 'larkInternalPayload', 'code', ['code']],
  ['lark_public', 'larkPublicPayload', 'code', ['code']],
  ['lark_block', 'larkBlockPayload', 'code', ['code']],
  ['yidun', 'yidunPayload', 'token', ['accessToken', 'token']],
  ['douyin', 'douyinPayload', 'code', ['code']],
  ['douyin_mini_program_code', 'douyinMiniProgramCodePayload', 'code', ['code']],
  [
    'douyin_mini_program_code_and_phone',
    'douyinMiniProgramCodeAndPhonePayload',
    'loginParams.code',
    ['loginParams.code', 'phoneParams.encryptedData', 'phoneParams.iv'],
  ],
  ['google', 'googlePayload', 'code', ['code']],
  ['facebook', 'facebookPayload', 'access_token', ['access_token']],
  ['qq', 'qqPayload', 'access_token', ['access_token']],
  ['weibo', 'weiboPayload', 'access_token', ['access_token']],
  ['baidu', 'baiduPayload', 'code', ['code']],
  ['linkedin', 'linkedInPayload', 'code', ['code']],
  ['dingtalk', 'dingTalkPayload', 'code', ['code']],
  ['github', 'githubPayload', 'code', ['code']],
  ['gitee', 'giteePayload', 'code', ['code']],
  ['gitlab', 'gitlabPayload', 'code', ['code']],
  ['kuaishou', 'kuaishouPayload', 'code', ['code']],
  ['xiaomi', 'xiaomiPayload', 'code', ['code']],
  ['line', 'linePayload', 'access_token', ['access_token']],
  ['slack', 'slackPayload', 'code', ['code']],
  ['oppo', 'oppoPayload', 'code', ['code']],
  ['huawei', 'huaweiPayload', 'code', ['code']],
  ['amazon', 'amazonPayload', 'access_token', ['access_token']],
];

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix === '' ? key : `${prefix}.${key}`));
}

function withoutPath(value: Record<string, any>, path: string): Record<string, any> {
  const copy = structuredClone(value);
  const segments = path.split('.');
  const last = segments.pop() as string;
  let node = copy;
  for (const segment of segments) node = node[segment];
  delete node[last];
  return copy;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('every one of the 32 connections', () => {
  it('covers exactly the contract connections', () => {
    expect(TABLE.map(([connection]) => connection)).toEqual([...CONNECTION_NAMES]);
    expect(TABLE).toHaveLength(32);
  });

  it.each(TABLE)('%s: a minted credential under %s signs in with valid tokens', async (connection, payloadKey, _primary, minted) => {
    const user = `alice-${connection}`;
    const credential = h.emulator.mintCredential(connection, { user });
    expect(leafPaths(credential).sort()).toEqual([...minted].sort());
    for (const leaf of leafPaths(credential)) expect(leaf).not.toBe('');

    const answer = await h.signin(signinBody(connection, payloadKey, credential));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ statusCode: 200, message: '' });
    expect(answer.json.apiCode).toBeUndefined();
    expect(answer.json.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.headers['x-request-id']).toBe(answer.json.requestId);
    expect(Object.keys(answer.json.data).sort()).toEqual(['access_token', 'expire_in', 'expires_in', 'id_token', 'scope', 'token_type']);
    expect(answer.json.data).toMatchObject({ scope: 'openid profile', token_type: 'Bearer', expire_in: 1209600, expires_in: 1209600 });

    const jwks = h.emulator.jwks();
    const sub = createHash('sha256').update(`${connection}:${user}`).digest('hex').slice(0, 24);
    const idToken = verifyJwt(answer.json.data.id_token, jwks);
    expect(idToken.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: h.emulator.currentKid });
    expect(idToken.claims).toMatchObject({ iss: `${h.url}/oidc`, aud: 'demo-app', sub, name: user });
    const accessToken = verifyJwt(answer.json.data.access_token, jwks);
    expect(accessToken.claims).toMatchObject({ iss: `${h.url}/oidc`, aud: 'demo-app', sub, scope: 'openid profile' });
  });

  it.each(TABLE)('%s: without its one-time credential the answer is 400 naming %s.<field>', async (connection, payloadKey, primary) => {
    const credential = h.emulator.mintCredential(connection, { user: 'bob' }) as unknown as Record<string, any>;
    const answer = await h.signin(signinBody(connection, payloadKey, withoutPath(credential, primary)));
    const message = connection === 'baidu' ? 'baiduPayload.code or baiduPayload.access_token is required' : `${payloadKey}.${primary} is required`;
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ statusCode: 400, message, requestId: answer.headers['x-request-id'], data: null });
  });
});

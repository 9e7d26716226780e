import { MAGIC_PREFIXES } from '../src/index';
import { signinBody, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const EXPECTED = [
  ['invalid', { statusCode: 602, message: 'The authorization code is invalid or has already been used' }],
  ['expired', { statusCode: 602, message: 'The authorization code has expired' }],
  ['locked', { statusCode: 403, apiCode: 2005, message: 'User is locked' }],
  ['disabled', { statusCode: 403, apiCode: 2120008, message: 'User is disabled or not a member of this tenant' }],
  ['mfa', { statusCode: 400, apiCode: 1636, message: 'Multi-factor authentication is required' }],
  ['bind', { statusCode: 400, apiCode: 1640, message: 'This social account must be bound to an existing account' }],
  ['noreg', { statusCode: 403, apiCode: 2031, message: 'This application does not allow registration' }],
  ['throttle', { statusCode: 429, message: 'Too many requests, try again later' }],
  ['providerdown', { statusCode: 601, message: 'Calling the identity provider failed' }],
] as const;

describe('magic prefixes', () => {
  it('exports exactly the documented list', () => {
    expect(MAGIC_PREFIXES.map((magic) => magic.prefix)).toEqual(EXPECTED.map(([prefix]) => prefix));
  });

  it.each(EXPECTED)('%s… answers %j every time (never consumed)', async (prefix, envelope) => {
    const body = signinBody('wechat', 'wechatPayload', { code: `${prefix}-123` });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await h.signin(body);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ ...envelope, requestId: answer.headers['x-request-id'], data: null });
    }
  });

  it('applies to the access_token of token connections and to the nested login code', async () => {
    const fb = await h.signin(signinBody('facebook', 'facebookPayload', { access_token: 'expired-token' }));
    expect(fb.json).toMatchObject({ statusCode: 602, message: 'The access token has expired' });
    const mini = await h.signin(
      signinBody('wechat_mini_program_code_and_phone', 'wechatMiniProgramCodeAndPhonePayload', {
        wxLoginInfo: { code: 'locked-1' },
        wxPhoneInfo: { code: 'fine' },
      }),
    );
    expect(mini.json).toMatchObject({ statusCode: 403, apiCode: 2005 });
    const yidun = await h.signin(signinBody('yidun', 'yidunPayload', { token: 'mfa-1', accessToken: 'carrier' }));
    expect(yidun.json).toMatchObject({ statusCode: 400, apiCode: 1636 });
  });

  it('reads Baidu code before access_token', async () => {
    const answer = await h.signin(signinBody('baidu', 'baiduPayload', { code: 'noreg-1', access_token: 'throttle-1' }));
    expect(answer.json).toMatchObject({ statusCode: 403, apiCode: 2031 });
    const tokenOnly = await h.signin(signinBody('baidu', 'baiduPayload', { access_token: 'throttle-1' }));
    expect(tokenOnly.json).toMatchObject({ statusCode: 429 });
  });

  it('only matches at the start of the primary value, case-sensitively', async () => {
    expect((await h.signin(signinBody('wechat', 'wechatPayload', { code: 'not-invalid' }))).json.statusCode).toBe(200);
    expect((await h.signin(signinBody('wechat', 'wechatPayload', { code: 'Invalid-x' }))).json.statusCode).toBe(200);
    expect((await h.signin(signinBody('yidun', 'yidunPayload', { token: 'plain', accessToken: 'invalid-carrier' }))).json.statusCode).toBe(200);
  });
});

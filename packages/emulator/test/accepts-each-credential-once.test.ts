import { createHash } from 'node:crypto';
import { signinBody, startHarness, verifyJwt, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const subOf = (connection: string, user: string) => createHash('sha256').update(`${connection}:${user}`).digest('hex').slice(0, 24);

async function login(connection: string, payloadKey: string, payload: unknown) {
  const answer = await h.signin(signinBody(connection, payloadKey, payload));
  return { answer, sub: answer.json.statusCode === 200 ? verifyJwt(answer.json.data.id_token, h.emulator.jwks()).claims['sub'] : undefined };
}

describe('one-time credentials', () => {
  it('rejects a replayed code with 602 and no apiCode', async () => {
    const code = h.emulator.mintCredential('apple', { user: 'dave' });
    expect((await login('apple', 'applePayload', code)).answer.json.statusCode).toBe(200);
    const replay = await h.signin(signinBody('apple', 'applePayload', code));
    expect(replay.json).toEqual({
      statusCode: 602,
      message: 'The authorization code is invalid or has already been used',
      requestId: replay.headers['x-request-id'],
      data: null,
    });
  });

  it('names the access token or token in the replay message of token connections', async () => {
    const token = h.emulator.mintCredential('facebook', { user: 'erin' });
    await login('facebook', 'facebookPayload', token);
    expect((await h.signin(signinBody('facebook', 'facebookPayload', token))).json.message).toBe('The access token is invalid or has already been used');
    const yidun = h.emulator.mintCredential('yidun', { user: 'erin' });
    await login('yidun', 'yidunPayload', yidun);
    expect((await h.signin(signinBody('yidun', 'yidunPayload', yidun))).json.message).toBe('The token is invalid or has already been used');
  });

  it('treats a replayed nested mini-program login code as used even with a new phone code', async () => {
    const first = h.emulator.mintCredential('wechat_mini_program_code_and_phone', { user: 'fay' });
    const key = 'wechatMiniProgramCodeAndPhonePayload';
    expect((await login('wechat_mini_program_code_and_phone', key, first)).answer.json.statusCode).toBe(200);
    const again = { ...first, wxPhoneInfo: { code: 'a-new-phone-code' } };
    expect((await h.signin(signinBody('wechat_mini_program_code_and_phone', key, again))).json.statusCode).toBe(602);
  });

  it('accepts an unminted value once, as a user derived from a hash of the value', async () => {
    const value = 'some-code-from-a-real-device';
    const user = `user-${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
    const first = await login('github', 'githubPayload', { code: value });
    expect(first.sub).toBe(subOf('github', user));
    expect((await h.signin(signinBody('github', 'githubPayload', { code: value }))).json.statusCode).toBe(602);
  });

  it('refuses a minted credential posted under another connection', async () => {
    const code = h.emulator.mintCredential('wechat', { user: 'gus' });
    const answer = await h.signin(signinBody('apple', 'applePayload', code));
    expect(answer.json).toMatchObject({ statusCode: 602, message: 'The authorization code is invalid: it was issued for connection wechat' });
    expect((await login('wechat', 'wechatPayload', code)).answer.json.statusCode).toBe(200);
  });

  it('lets a used credential in again after reset()', async () => {
    const code = h.emulator.mintCredential('gitee', { user: 'hal' });
    expect((await login('gitee', 'giteePayload', code)).answer.json.statusCode).toBe(200);
    h.emulator.reset();
    expect((await login('gitee', 'giteePayload', code)).sub).toBe(subOf('gitee', 'hal'));
  });
});

describe('stable users', () => {
  it('gives two logins of the same provider user the same sub, and other users or connections another', async () => {
    const a = await login('lark_internal', 'larkInternalPayload', h.emulator.mintCredential('lark_internal', { user: 'ivy' }));
    const b = await login('lark_internal', 'larkInternalPayload', h.emulator.mintCredential('lark_internal', { user: 'ivy' }));
    const other = await login('lark_internal', 'larkInternalPayload', h.emulator.mintCredential('lark_internal', { user: 'jon' }));
    const public_ = await login('lark_public', 'larkPublicPayload', h.emulator.mintCredential('lark_public', { user: 'ivy' }));
    expect(a.sub).toBe(subOf('lark_internal', 'ivy'));
    expect(b.sub).toBe(a.sub);
    expect(other.sub).toBe(subOf('lark_internal', 'jon'));
    expect(public_.sub).toBe(subOf('lark_public', 'ivy'));
    expect(new Set([a.sub, other.sub, public_.sub]).size).toBe(3);
  });

  it('mints unique values every time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => h.emulator.mintCredential('wechat', { user: 'kim' }).code));
    expect(codes.size).toBe(200);
  });

  it('rejects a mint without a user', () => {
    expect(() => h.emulator.mintCredential('wechat', { user: '' })).toThrow(new TypeError('identity.user must be a non-empty string'));
    expect(() => h.emulator.mintCredential('nope' as 'wechat', { user: 'x' })).toThrow(new TypeError('Unknown connection: nope'));
  });
});

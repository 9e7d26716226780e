import { DEMO_AUTH, SIGNIN, signinBody, startHarness, type Answer, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    identitySources: [
      { extIdpConnidentifier: 'wechat-mobile', connection: 'wechat' },
      ...[
        'baidu',
        'dingtalk',
        'wechat_mini_program_code',
        'wechat_mini_program_phone',
        'wechat_mini_program_code_and_phone',
        'douyin_mini_program_code',
        'douyin_mini_program_code_and_phone',
        'line',
        'apple',
      ].map((connection) => ({
        extIdpConnidentifier: connection,
        connection: connection as 'apple',
      })),
    ],
  });
});
afterAll(() => h.close());

function expect400(answer: Answer, message: string): void {
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual({ statusCode: 400, message, requestId: answer.headers['x-request-id'], data: null });
}

const wechat = (payload: unknown, extra: Record<string, unknown> = {}) => ({
  connection: 'wechat',
  extIdpConnidentifier: 'wechat-mobile',
  wechatPayload: payload,
  ...extra,
});

describe('the HTTP body', () => {
  it('accepts application/json with or without a charset', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      const answer = await h.postRaw(SIGNIN, JSON.stringify(wechat({ code: `c-${type}` })), { ...DEMO_AUTH, 'content-type': type });
      expect(answer.json.statusCode).toBe(200);
    }
  });

  it('answers 400 for another content type, broken JSON, a non-object body or more than 1 MiB', async () => {
    const json = JSON.stringify(wechat({ code: 'x' }));
    expect400(await h.postRaw(SIGNIN, json, { ...DEMO_AUTH, 'content-type': 'text/plain' }), 'Content-Type must be application/json');
    expect400(
      await h.postRaw(SIGNIN, 'code=x', { ...DEMO_AUTH, 'content-type': 'application/x-www-form-urlencoded' }),
      'Content-Type must be application/json',
    );
    expect400(await h.postRaw(SIGNIN, '{"connection":', { ...DEMO_AUTH, 'content-type': 'application/json' }), 'Request body is not valid JSON');
    expect400(await h.postRaw(SIGNIN, '[1,2]', { ...DEMO_AUTH, 'content-type': 'application/json' }), 'Request body must be a JSON object');
    const huge = JSON.stringify(wechat({ code: 'x' }, { pad: 'p'.repeat(1024 * 1024) }));
    expect400(await h.postRaw(SIGNIN, huge, { ...DEMO_AUTH, 'content-type': 'application/json' }), 'Request body exceeds 1 MiB');
  });
});

describe('connection and identity source', () => {
  it('requires a known connection', async () => {
    expect400(await h.signin({ extIdpConnidentifier: 'wechat-mobile', wechatPayload: { code: 'x' } }), 'connection is required');
    expect400(await h.signin(wechat({ code: 'x' }, { connection: 7 })), 'connection must be a string');
    expect400(await h.signin(wechat({ code: 'x' }, { connection: 'wechat_web' })), 'connection must be one of the 32 supported connections, got "wechat_web"');
  });

  it('requires extIdpConnidentifier and finds the identity source by it', async () => {
    expect400(await h.signin({ connection: 'wechat', wechatPayload: { code: 'x' } }), 'extIdpConnidentifier is required');
    expect400(await h.signin(wechat({ code: 'x' }, { extIdpConnidentifier: '' })), 'extIdpConnidentifier is required');
    const unknown = await h.signin(wechat({ code: 'x' }, { extIdpConnidentifier: 'wechat' }));
    expect(unknown.json).toEqual({ statusCode: 404, message: 'Identity source not found: wechat', requestId: unknown.headers['x-request-id'], data: null });
  });

  it('answers 400 when the identity source belongs to another connection', async () => {
    expect400(
      await h.signin({ connection: 'apple', extIdpConnidentifier: 'wechat-mobile', applePayload: { code: 'x' } }),
      'connection apple does not match identity source "wechat-mobile", which is a wechat connection',
    );
  });
});

describe('payloads', () => {
  it('reads only the payload of the connection; other, empty payloads are ignored', async () => {
    const answer = await h.signin(wechat({ code: 'only-mine' }, { applePayload: {}, yidunPayload: '', larkPublicPayload: { code: 5 } }));
    expect(answer.json.statusCode).toBe(200);
  });

  it('treats "", {} and missing alike, and ignores unknown payload fields', async () => {
    expect400(await h.signin(wechat('')), 'wechatPayload.code is required');
    expect400(await h.signin(wechat({})), 'wechatPayload.code is required');
    expect400(await h.signin(wechat(undefined)), 'wechatPayload.code is required');
    expect400(await h.signin(wechat({ code: '' })), 'wechatPayload.code is required');
    expect400(await h.signin(wechat('abc')), 'wechatPayload must be an object');
    expect400(await h.signin(wechat({ code: 12 })), 'wechatPayload.code must be a string');
    expect((await h.signin(wechat({ code: 'extra-ok', lang: 'zh' }))).json.statusCode).toBe(200);
  });

  it('checks DingTalk isSnsCode as a boolean', async () => {
    expect400(await h.signin(signinBody('dingtalk', 'dingTalkPayload', { code: 'd1', isSnsCode: 'true' })), 'dingTalkPayload.isSnsCode must be a boolean');
    expect((await h.signin(signinBody('dingtalk', 'dingTalkPayload', { code: 'd1', isSnsCode: true }))).json.statusCode).toBe(200);
  });

  it('needs Baidu code or access_token', async () => {
    expect400(
      await h.signin(signinBody('baidu', 'baiduPayload', { code: '', access_token: '' })),
      'baiduPayload.code or baiduPayload.access_token is required',
    );
    expect((await h.signin(signinBody('baidu', 'baiduPayload', { access_token: 'b1' }))).json.statusCode).toBe(200);
  });

  it('needs encryptedData and iv together in mini-program payloads', async () => {
    expect400(
      await h.signin(signinBody('wechat_mini_program_code', 'wechatMiniProgramCodePayload', { code: 'm1', encryptedData: 'e' })),
      'wechatMiniProgramCodePayload.iv is required when wechatMiniProgramCodePayload.encryptedData is given',
    );
    expect400(
      await h.signin(signinBody('douyin_mini_program_code', 'douyinMiniProgramCodePayload', { code: 'm1', iv: 'i' })),
      'douyinMiniProgramCodePayload.encryptedData is required when douyinMiniProgramCodePayload.iv is given',
    );
    // The mini-program SDK sends encryptedData: "" when the user declined: that is absent, not half a pair.
    const declined = { code: 'm2', encryptedData: '', iv: '' };
    expect((await h.signin(signinBody('wechat_mini_program_code', 'wechatMiniProgramCodePayload', declined))).json.statusCode).toBe(200);
  });

  it('needs code, encryptedData and iv for wechat_mini_program_phone', async () => {
    expect400(
      await h.signin(signinBody('wechat_mini_program_phone', 'wechatMiniProgramPhonePayload', { code: 'p1', iv: 'i' })),
      'wechatMiniProgramPhonePayload.encryptedData is required',
    );
  });

  it('checks nested payloads by their dotted path', async () => {
    const key = 'wechatMiniProgramCodeAndPhonePayload';
    const send = (payload: unknown) => h.signin(signinBody('wechat_mini_program_code_and_phone', key, payload));
    expect400(await send({ wxLoginInfo: { code: 'n1' } }), `${key}.wxPhoneInfo.code is required`);
    expect400(await send({ wxLoginInfo: 'n1', wxPhoneInfo: { code: 'p' } }), `${key}.wxLoginInfo must be an object`);
    expect400(
      await send({ wxLoginInfo: { code: 'n1', iv: 'i' }, wxPhoneInfo: { code: 'p' } }),
      `${key}.wxLoginInfo.encryptedData is required when ${key}.wxLoginInfo.iv is given`,
    );
    const dy = 'douyinMiniProgramCodeAndPhonePayload';
    const sendDy = (payload: unknown) => h.signin(signinBody('douyin_mini_program_code_and_phone', dy, payload));
    expect400(await sendDy({ loginParams: { code: 'n1' }, phoneParams: {} }), `${dy}.phoneParams is required`);
    expect400(
      await sendDy({ loginParams: { code: 'n1' }, phoneParams: { encryptedData: 'e' } }),
      `${dy}.phoneParams.iv is required when ${dy}.phoneParams.encryptedData is given`,
    );
    expect((await sendDy({ loginParams: { code: 'n2' }, phoneParams: { encryptedData: 'e', iv: 'i' } })).json.statusCode).toBe(200);
  });

  it('accepts LINE with or without its id_token', async () => {
    expect((await h.signin(signinBody('line', 'linePayload', { access_token: 'l1', id_token: 'x.y.z' }))).json.statusCode).toBe(200);
    expect400(await h.signin(signinBody('line', 'linePayload', { id_token: 'x.y.z' })), 'linePayload.access_token is required');
  });
});

describe('options', () => {
  it('ignores unknown keys and takes context as a string or an object', async () => {
    for (const [i, context] of ['{"device":"ios"}', { device: 'ios' }].entries()) {
      const options = { context, tenantId: 't1', customData: { a: 1 }, lang: 'zh-CN', sdkVersion: 3 };
      expect((await h.signin(wechat({ code: `opt-${i}` }, { options }))).json.statusCode).toBe(200);
    }
  });

  it('needs openid in options.scope', async () => {
    expect400(await h.signin(wechat({ code: 's1' }, { options: { scope: 'profile email' } })), 'options.scope must contain openid');
    expect400(await h.signin(wechat({ code: 's1' }, { options: { scope: ['openid'] } })), 'options.scope must be a string');
    expect400(await h.signin(wechat({ code: 's1' }, { options: 'scope=openid' })), 'options must be an object');
  });

  it('rejects before the credential is consumed', async () => {
    expect400(await h.signin(wechat({ code: 's2' }, { options: { scope: 'profile' } })), 'options.scope must contain openid');
    expect((await h.signin(wechat({ code: 's2' }))).json.statusCode).toBe(200);
  });
});

describe('other paths', () => {
  it('answers 404 and 405 with an envelope', async () => {
    const notFound = await h.get('/api/v3/nope');
    expect(notFound.status).toBe(404);
    expect(notFound.json).toEqual({ statusCode: 404, message: 'Not found: GET /api/v3/nope', requestId: notFound.headers['x-request-id'], data: null });
    const wrongMethod = await h.get(SIGNIN);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.statusCode).toBe(405);
  });
});

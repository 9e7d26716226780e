import { getAuthFailure } from '@passport-genauth/core';
import { MockGenAuth, mockRequest, runStrategy } from '@passport-genauth/testing';
import { WechatMiniProgramCodeAndPhoneStrategy, WechatMiniProgramCodeStrategy } from '../src';

let wx: MockGenAuth;
beforeAll(async () => {
  wx = await MockGenAuth.start();
  wx.serveJwks();
});
afterAll(() => wx.close());

const options = () => ({ client: wx.client(), extIdpConnidentifier: 'wechat-mini-program' });
const strategies = {
  code: () => new WechatMiniProgramCodeStrategy(options(), () => ({ id: 'wx-user' })),
  codeAndPhone: () => new WechatMiniProgramCodeAndPhoneStrategy(options(), () => ({ id: 'wx-user' })),
};

describe('WeChat mini program encrypted data', () => {
  it.each<[string, keyof typeof strategies, object, string]>([
    ['iv', 'code', { code: 'wx-1', encryptedData: 'ZW5j' }, '(code) credentials: iv is required when encryptedData is given'],
    ['encryptedData', 'code', { code: 'wx-1', iv: 'aXY=' }, '(code) credentials: encryptedData is required when iv is given'],
    [
      'wxLoginInfo.iv',
      'codeAndPhone',
      { wxLoginInfo: { code: 'wx-1', encryptedData: 'ZW5j' }, wxPhoneInfo: { code: 'ph-1' } },
      '(code and phone) credentials: wxLoginInfo.iv is required when wxLoginInfo.encryptedData is given',
    ],
    ['wxLoginInfo', 'codeAndPhone', { wxLoginInfo: 'wx-1', wxPhoneInfo: { code: 'ph-1' } }, '(code and phone) credentials: wxLoginInfo must be an object'],
  ])('answers 400 naming %s (%s strategy) without calling GenAuth', async (field, which, body, message) => {
    const req = mockRequest({ body });
    const before = wx.requests.length;
    expect(await runStrategy(strategies[which](), req)).toMatchObject({ type: 'fail', status: 400 });
    expect(getAuthFailure(req)).toMatchObject({ message: `Invalid WeChat mini program ${message}`, fields: [field] });
    expect(wx.requests.length).toBe(before);
  });

  it('treats encryptedData: "" and iv: "" as absent and sends only the code', async () => {
    await wx.succeed();
    const result = await runStrategy(strategies.code(), mockRequest({ body: { code: 'wx-2', encryptedData: '', iv: '' } }));
    expect(result.type).toBe('success');
    expect(wx.requests.at(-1)?.body.wechatMiniProgramCodePayload).toStrictEqual({ code: 'wx-2' });
  });

  it('drops empty encrypted fields inside the nested wxLoginInfo as well', async () => {
    await wx.succeed();
    const body = { wxLoginInfo: { code: 'wx-3', encryptedData: '', iv: '' }, wxPhoneInfo: { code: 'ph-3' } };
    expect((await runStrategy(strategies.codeAndPhone(), mockRequest({ body }))).type).toBe('success');
    expect(wx.requests.at(-1)?.body.wechatMiniProgramCodeAndPhonePayload).toStrictEqual({ wxLoginInfo: { code: 'wx-3' }, wxPhoneInfo: { code: 'ph-3' } });
  });
});

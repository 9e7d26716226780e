import {
  MAX_ENCRYPTED_LENGTH,
  authorizationCodeProvider,
  defineProvider,
  defineStrategy,
  miniProgramCodeProvider,
  miniProgramLogin,
  nestedObject,
  requiredString,
  z,
} from '@passport-genauth/core';

/** WeChat open-platform mobile app: the `code` from the WeChat SDK. */
export const wechat = authorizationCodeProvider({
  connection: 'wechat',
  payloadKey: 'wechatPayload',
  title: 'WeChat',
  example: { code: '081AbCdE0fGhIj1kLmNo2pQrSt3AbCdE' },
});

/** WeChat mini program, `wx.login` code with optional encrypted user data (`encryptedData` + `iv`). */
export const wechatMiniProgramCode = miniProgramCodeProvider({
  connection: 'wechat_mini_program_code',
  payloadKey: 'wechatMiniProgramCodePayload',
  title: 'WeChat mini program (code)',
  example: { code: '0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P', encryptedData: 'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZM', iv: 'r7BXXKkLb8qrSNn05n0qiA==' },
});

/** WeChat mini program, phone number: `wx.login` code plus the encrypted phone data, all required. */
export const wechatMiniProgramPhone = defineProvider({
  connection: 'wechat_mini_program_phone',
  payloadKey: 'wechatMiniProgramPhonePayload',
  title: 'WeChat mini program (phone)',
  credentials: z.object({ code: requiredString(), encryptedData: requiredString(MAX_ENCRYPTED_LENGTH), iv: requiredString() }),
  example: { code: '0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P', encryptedData: 'Kf3TdPbzEmhWMuPKtlKxIWDkijhn', iv: 'r7BXXKkLb8qrSNn05n0qiA==' },
});

/** WeChat mini program, login and phone together: `wxLoginInfo` and `wxPhoneInfo` as nested JSON. */
export const wechatMiniProgramCodeAndPhone = defineProvider({
  connection: 'wechat_mini_program_code_and_phone',
  payloadKey: 'wechatMiniProgramCodeAndPhonePayload',
  title: 'WeChat mini program (code and phone)',
  credentials: z.object({ wxLoginInfo: miniProgramLogin(), wxPhoneInfo: nestedObject({ code: requiredString() }) }),
  example: { wxLoginInfo: { code: '0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P' }, wxPhoneInfo: { code: 'e31968a7f94cc5ee25fafc2aef2773f0' } },
});

/** `genauth-wechat`: WeChat mobile app login. */
export class WechatStrategy extends defineStrategy(wechat) {}
/** `genauth-wechat-mini-program-code`. */
export class WechatMiniProgramCodeStrategy extends defineStrategy(wechatMiniProgramCode) {}
/** `genauth-wechat-mini-program-phone`. */
export class WechatMiniProgramPhoneStrategy extends defineStrategy(wechatMiniProgramPhone) {}
/** `genauth-wechat-mini-program-code-and-phone`. */
export class WechatMiniProgramCodeAndPhoneStrategy extends defineStrategy(wechatMiniProgramCodeAndPhone) {}

/** Passport convention: the family's main strategy. */
export { WechatStrategy as Strategy };

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

/** Douyin mobile app: the authorization `code` from the Douyin open SDK. */
export const douyin = authorizationCodeProvider({ connection: 'douyin', payloadKey: 'douyinPayload', title: 'Douyin' });

/** Douyin mini program: the `tt.login` code, optionally with encrypted user data (`encryptedData` + `iv`). */
export const douyinMiniProgramCode = miniProgramCodeProvider({
  connection: 'douyin_mini_program_code',
  payloadKey: 'douyinMiniProgramCodePayload',
  title: 'Douyin mini program (code)',
  example: { code: 'tt-login-code-1a2b3c4d5e6f', encryptedData: 'dHQtZW5jcnlwdGVkLXVzZXItZGF0YQ==', iv: 'dHQtaXYtMTIzNDU2Nzg=' },
});

/**
 * The encrypted phone number of a Douyin mini program. GenAuth lists both parts as optional, but an
 * empty `phoneParams` counts as missing and `iv` goes with `encryptedData`, so in practice both are needed.
 */
const phoneParams = nestedObject({ encryptedData: requiredString(MAX_ENCRYPTED_LENGTH), iv: requiredString() });

/** Douyin mini program, login and phone: `loginParams` like the code payload, `phoneParams` the encrypted phone data. */
export const douyinMiniProgramCodeAndPhone = defineProvider({
  connection: 'douyin_mini_program_code_and_phone',
  payloadKey: 'douyinMiniProgramCodeAndPhonePayload',
  title: 'Douyin mini program (code and phone)',
  credentials: z.object({ loginParams: miniProgramLogin(), phoneParams }),
  example: { loginParams: { code: 'tt-login-code-1a2b3c4d5e6f' }, phoneParams: { encryptedData: 'dHQtZW5jcnlwdGVkLXBob25l', iv: 'dHQtcGhvbmUtaXY=' } },
});

/** `genauth-douyin`. */
export class DouyinStrategy extends defineStrategy(douyin) {}
/** `genauth-douyin-mini-program-code`. */
export class DouyinMiniProgramCodeStrategy extends defineStrategy(douyinMiniProgramCode) {}
/** `genauth-douyin-mini-program-code-and-phone`. */
export class DouyinMiniProgramCodeAndPhoneStrategy extends defineStrategy(douyinMiniProgramCodeAndPhone) {}

/** Passport convention: the family's main strategy (the mobile app). */
export { DouyinStrategy as Strategy };

import { MAX_ENCRYPTED_LENGTH, authorizationCodeProvider, defineProvider, defineStrategy, miniProgramCodeProvider, miniProgramLogin, nestedObject, optionalString, presentTogether, z } from '@passport-genauth/core';

/** Douyin mobile app: the authorization `code` from the Douyin open SDK. */
export const douyin = authorizationCodeProvider({ connection: 'douyin', payloadKey: 'douyinPayload', title: 'Douyin' });

/** Douyin mini program: the `tt.login` code, optionally with encrypted user data (`encryptedData` + `iv`). */
export const douyinMiniProgramCode = miniProgramCodeProvider({
  connection: 'douyin_mini_program_code',
  payloadKey: 'douyinMiniProgramCodePayload',
  title: 'Douyin mini program (code)',
  example: { code: 'tt-login-code-1a2b3c4d5e6f', encryptedData: 'dHQtZW5jcnlwdGVkLXVzZXItZGF0YQ==', iv: 'dHQtaXYtMTIzNDU2Nzg=' },
});

/** The encrypted phone number of a Douyin mini program; both parts or neither. */
const phoneParams = nestedObject({ encryptedData: optionalString(MAX_ENCRYPTED_LENGTH), iv: optionalString() }).superRefine(
  presentTogether('encryptedData', 'iv'),
);

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

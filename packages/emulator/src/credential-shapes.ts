import type { Connection } from './connections';

/** A one-time authorization code from the provider's mobile SDK. */
export interface CodeCredential {
  code: string;
}

/** A provider access token. */
export interface AccessTokenCredential {
  access_token: string;
}

/** Encrypted mini-program data and its IV. */
export interface EncryptedDataCredential {
  encryptedData: string;
  iv: string;
}

/**
 * The payload fields `mintCredential` returns for each connection: exactly what the mobile app would post
 * under the connection's payload key.
 */
export interface MintedCredentialMap {
  wechat: CodeCredential;
  wechat_mini_program_code: CodeCredential;
  wechat_mini_program_phone: CodeCredential & EncryptedDataCredential;
  wechat_mini_program_code_and_phone: { wxLoginInfo: CodeCredential; wxPhoneInfo: CodeCredential };
  wechatwork: CodeCredential;
  wechatwork_agency: CodeCredential;
  apple: CodeCredential;
  alipay: CodeCredential;
  lark_internal: CodeCredential;
  lark_public: CodeCredential;
  lark_block: CodeCredential;
  yidun: { token: string; accessToken: string };
  douyin: CodeCredential;
  douyin_mini_program_code: CodeCredential;
  douyin_mini_program_code_and_phone: { loginParams: CodeCredential; phoneParams: EncryptedDataCredential };
  google: CodeCredential;
  facebook: AccessTokenCredential;
  qq: AccessTokenCredential;
  weibo: AccessTokenCredential;
  baidu: CodeCredential;
  linkedin: CodeCredential;
  dingtalk: CodeCredential;
  github: CodeCredential;
  gitee: CodeCredential;
  gitlab: CodeCredential;
  kuaishou: CodeCredential;
  xiaomi: CodeCredential;
  line: AccessTokenCredential;
  slack: CodeCredential;
  oppo: CodeCredential;
  huawei: CodeCredential;
  amazon: AccessTokenCredential;
}

/** The minted payload for connection `C`. */
export type MintedCredential<C extends Connection = Connection> = MintedCredentialMap[C];

/** The provider-side identity a minted credential belongs to. */
export interface ProviderIdentity {
  /** The provider's user, e.g. `alice`; with the connection it decides the GenAuth `sub`. */
  user: string;
  name?: string;
  email?: string;
  phone?: string;
}

// Compile-time guard: the map above covers exactly the 32 connections.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const covered: Exact<keyof MintedCredentialMap, Connection> = true;
void covered;

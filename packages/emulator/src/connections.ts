/** One field of a connection payload (or of a nested payload object). */
export type FieldSpec =
  { readonly type: 'string' | 'boolean'; readonly required: boolean } | { readonly type: 'object'; readonly required: boolean; readonly shape: ObjectShape };

/** The rules for one JSON object of a payload. */
export interface ObjectShape {
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** Fields that must come together: when either is present, both must be. */
  readonly pairs?: readonly (readonly [string, string])[];
  /** At least one of these fields is required (the first present one wins). */
  readonly anyOf?: readonly string[];
}

/** How the connection's one-time credential is called in messages. */
export type CredentialNoun = 'authorization code' | 'access token' | 'token';

/** Everything the emulator knows about one `connection` value. */
export interface ConnectionSpec {
  readonly connection: Connection;
  readonly family: string;
  /** The body key that carries this connection's payload, e.g. `wechatPayload`. */
  readonly payloadKey: string;
  readonly shape: ObjectShape;
  /** Dotted paths inside the payload; the first one present holds the one-time credential. */
  readonly primary: readonly string[];
  /** Dotted paths that `mintCredential` fills with fresh random values. */
  readonly mint: readonly string[];
  readonly noun: CredentialNoun;
}

const str = { type: 'string', required: true } as const;
const optStr = { type: 'string', required: false } as const;
const codeShape: ObjectShape = { fields: { code: str } };
const miniProgramShape: ObjectShape = {
  fields: { code: str, encryptedData: optStr, iv: optStr },
  pairs: [['encryptedData', 'iv']],
};

function codeConnection(connection: Connection, family: string, payloadKey: string): ConnectionSpec {
  return { connection, family, payloadKey, shape: codeShape, primary: ['code'], mint: ['code'], noun: 'authorization code' };
}

function tokenConnection(connection: Connection, payloadKey: string, extra: Readonly<Record<string, FieldSpec>> = {}): ConnectionSpec {
  return {
    connection,
    family: connection,
    payloadKey,
    shape: { fields: { access_token: str, ...extra } },
    primary: ['access_token'],
    mint: ['access_token'],
    noun: 'access token',
  };
}

/** Every `connection` value GenAuth's `signin-by-mobile` accepts, in the contract's order. */
export const CONNECTION_NAMES = [
  'wechat',
  'wechat_mini_program_code',
  'wechat_mini_program_phone',
  'wechat_mini_program_code_and_phone',
  'wechatwork',
  'wechatwork_agency',
  'apple',
  'alipay',
  'lark_internal',
  'lark_public',
  'lark_block',
  'yidun',
  'douyin',
  'douyin_mini_program_code',
  'douyin_mini_program_code_and_phone',
  'google',
  'facebook',
  'qq',
  'weibo',
  'baidu',
  'linkedin',
  'dingtalk',
  'github',
  'gitee',
  'gitlab',
  'kuaishou',
  'xiaomi',
  'line',
  'slack',
  'oppo',
  'huawei',
  'amazon',
] as const;

/** A `connection` value (one of the 32). */
export type Connection = (typeof CONNECTION_NAMES)[number];

const table: readonly ConnectionSpec[] = [
  codeConnection('wechat', 'wechat', 'wechatPayload'),
  {
    connection: 'wechat_mini_program_code',
    family: 'wechat',
    payloadKey: 'wechatMiniProgramCodePayload',
    shape: miniProgramShape,
    primary: ['code'],
    mint: ['code'],
    noun: 'authorization code',
  },
  {
    connection: 'wechat_mini_program_phone',
    family: 'wechat',
    payloadKey: 'wechatMiniProgramPhonePayload',
    shape: { fields: { code: str, encryptedData: str, iv: str } },
    primary: ['code'],
    mint: ['code', 'encryptedData', 'iv'],
    noun: 'authorization code',
  },
  {
    connection: 'wechat_mini_program_code_and_phone',
    family: 'wechat',
    payloadKey: 'wechatMiniProgramCodeAndPhonePayload',
    shape: {
      fields: {
        wxLoginInfo: { type: 'object', required: true, shape: miniProgramShape },
        wxPhoneInfo: { type: 'object', required: true, shape: codeShape },
      },
    },
    primary: ['wxLoginInfo.code'],
    mint: ['wxLoginInfo.code', 'wxPhoneInfo.code'],
    noun: 'authorization code',
  },
  codeConnection('wechatwork', 'wechatwork', 'wechatworkPayload'),
  codeConnection('wechatwork_agency', 'wechatwork', 'wechatworkAgencyPayload'),
  codeConnection('apple', 'apple', 'applePayload'),
  codeConnection('alipay', 'alipay', 'alipayPayload'),
  codeConnection('lark_internal', 'lark', 'larkInternalPayload'),
  codeConnection('lark_public', 'lark', 'larkPublicPayload'),
  codeConnection('lark_block', 'lark', 'larkBlockPayload'),
  {
    connection: 'yidun',
    family: 'yidun',
    payloadKey: 'yidunPayload',
    shape: { fields: { token: str, accessToken: str } },
    primary: ['token'],
    mint: ['token', 'accessToken'],
    noun: 'token',
  },
  codeConnection('douyin', 'douyin', 'douyinPayload'),
  {
    connection: 'douyin_mini_program_code',
    family: 'douyin',
    payloadKey: 'douyinMiniProgramCodePayload',
    shape: miniProgramShape,
    primary: ['code'],
    mint: ['code'],
    noun: 'authorization code',
  },
  {
    connection: 'douyin_mini_program_code_and_phone',
    family: 'douyin',
    payloadKey: 'douyinMiniProgramCodeAndPhonePayload',
    shape: {
      fields: {
        loginParams: { type: 'object', required: true, shape: miniProgramShape },
        phoneParams: {
          type: 'object',
          required: true,
          shape: { fields: { encryptedData: optStr, iv: optStr }, pairs: [['encryptedData', 'iv']] },
        },
      },
    },
    primary: ['loginParams.code'],
    mint: ['loginParams.code', 'phoneParams.encryptedData', 'phoneParams.iv'],
    noun: 'authorization code',
  },
  codeConnection('google', 'google', 'googlePayload'),
  tokenConnection('facebook', 'facebookPayload'),
  tokenConnection('qq', 'qqPayload'),
  tokenConnection('weibo', 'weiboPayload'),
  {
    connection: 'baidu',
    family: 'baidu',
    payloadKey: 'baiduPayload',
    shape: { fields: { code: optStr, access_token: optStr }, anyOf: ['code', 'access_token'] },
    primary: ['code', 'access_token'],
    mint: ['code'],
    noun: 'authorization code',
  },
  codeConnection('linkedin', 'linkedin', 'linkedInPayload'),
  {
    ...codeConnection('dingtalk', 'dingtalk', 'dingTalkPayload'),
    shape: { fields: { code: str, isSnsCode: { type: 'boolean', required: false } } },
  },
  codeConnection('github', 'github', 'githubPayload'),
  codeConnection('gitee', 'gitee', 'giteePayload'),
  codeConnection('gitlab', 'gitlab', 'gitlabPayload'),
  codeConnection('kuaishou', 'kuaishou', 'kuaishouPayload'),
  codeConnection('xiaomi', 'xiaomi', 'xiaomiPayload'),
  tokenConnection('line', 'linePayload', { id_token: optStr }),
  codeConnection('slack', 'slack', 'slackPayload'),
  codeConnection('oppo', 'oppo', 'oppoPayload'),
  codeConnection('huawei', 'huawei', 'huaweiPayload'),
  tokenConnection('amazon', 'amazonPayload'),
];

/** The 32 connections keyed by their `connection` value. */
export const CONNECTIONS: Readonly<Record<Connection, ConnectionSpec>> = Object.freeze(
  Object.fromEntries(table.map((spec) => [spec.connection, spec])) as Record<Connection, ConnectionSpec>,
);

/** True when `value` is one of the 32 `connection` values. */
export function isConnection(value: unknown): value is Connection {
  return typeof value === 'string' && Object.hasOwn(CONNECTIONS, value);
}

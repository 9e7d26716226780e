import { atLeastOneOf, defineProvider, defineStrategy, optionalString, z } from '@passport-genauth/core';

/**
 * Baidu: an authorization `code` or the user's `access_token`, at least one of them. When both are
 * given only `code` is sent, since GenAuth prefers it anyway and a stray token would only leak further.
 */
export const baidu = defineProvider({
  connection: 'baidu',
  payloadKey: 'baiduPayload',
  title: 'Baidu',
  credentials: z.object({ code: optionalString(), access_token: optionalString() }).superRefine(atLeastOneOf('code', 'access_token')),
  toPayload: ({ code, access_token }) => (code ? { code } : { access_token }),
  example: { code: 'baidu-authorization-code-9f8e7d' },
});

/** `genauth-baidu`. */
export class BaiduStrategy extends defineStrategy(baidu) {}

/** Passport convention: the family's strategy. */
export { BaiduStrategy as Strategy };

import { defineProvider, defineStrategy, optionalFlag, requiredString, z } from '@passport-genauth/core';

/**
 * DingTalk: the authorization `code` from the DingTalk SDK; `isSnsCode: true` when the code must be
 * resolved through DingTalk's sns user-info-by-code API instead of a token exchange.
 */
export const dingtalk = defineProvider({
  connection: 'dingtalk',
  payloadKey: 'dingTalkPayload',
  title: 'DingTalk',
  credentials: z.object({ code: requiredString(), isSnsCode: optionalFlag() }),
  example: { code: 'dingtalk-authorization-code-4c3b2a', isSnsCode: true },
});

/** `genauth-dingtalk`. */
export class DingTalkStrategy extends defineStrategy(dingtalk) {}

/** Passport convention: the family's strategy. */
export { DingTalkStrategy as Strategy };

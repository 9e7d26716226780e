import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Lark / Feishu self-built enterprise app: the one-time `code` from the Lark SDK. */
export const larkInternal = authorizationCodeProvider({
  connection: 'lark_internal',
  payloadKey: 'larkInternalPayload',
  title: 'Lark / Feishu (self-built app)',
});
/** Lark / Feishu app-store app: the one-time `code` from the Lark SDK. */
export const larkPublic = authorizationCodeProvider({ connection: 'lark_public', payloadKey: 'larkPublicPayload', title: 'Lark / Feishu (app store app)' });
/** Lark / Feishu block (widget): the one-time `code` from the block runtime. */
export const larkBlock = authorizationCodeProvider({ connection: 'lark_block', payloadKey: 'larkBlockPayload', title: 'Lark / Feishu (block)' });

/** `genauth-lark-internal`. */
export class LarkInternalStrategy extends defineStrategy(larkInternal) {}
/** `genauth-lark-public`. */
export class LarkPublicStrategy extends defineStrategy(larkPublic) {}
/** `genauth-lark-block`. */
export class LarkBlockStrategy extends defineStrategy(larkBlock) {}

import { accessTokenProvider, defineStrategy } from '@passport-genauth/core';

/** Sina Weibo: the `access_token` from the Weibo SDK. Also accepted as `Authorization: Bearer <access_token>`. */
export const weibo = accessTokenProvider({ connection: 'weibo', payloadKey: 'weiboPayload', title: 'Weibo' });

/** `genauth-weibo`. */
export class WeiboStrategy extends defineStrategy(weibo) {}

/** Passport convention: the family's strategy. */
export { WeiboStrategy as Strategy };

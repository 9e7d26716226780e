import { accessTokenProvider, defineStrategy } from '@passport-genauth/core';

/** QQ: the `access_token` from the Tencent QQ SDK. Also accepted as `Authorization: Bearer <access_token>`. */
export const qq = accessTokenProvider({ connection: 'qq', payloadKey: 'qqPayload', title: 'QQ' });

/** `genauth-qq`. */
export class QQStrategy extends defineStrategy(qq) {}

/** Passport convention: the family's strategy. */
export { QQStrategy as Strategy };

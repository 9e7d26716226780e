import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** WeCom (enterprise WeChat) mobile app: the one-time `code` from the WeCom SDK. */
export const wechatwork = authorizationCodeProvider({ connection: 'wechatwork', payloadKey: 'wechatworkPayload', title: 'WeCom (WeChat Work)' });
/** WeCom, third-party (agency) developed app: the one-time `code` from the WeCom SDK. */
export const wechatworkAgency = authorizationCodeProvider({
  connection: 'wechatwork_agency',
  payloadKey: 'wechatworkAgencyPayload',
  title: 'WeCom (agency mode)',
});

/** `genauth-wechatwork`. */
export class WechatworkStrategy extends defineStrategy(wechatwork) {}
/** `genauth-wechatwork-agency`. */
export class WechatworkAgencyStrategy extends defineStrategy(wechatworkAgency) {}

/** Passport convention: the family's main strategy. */
export { WechatworkStrategy as Strategy };

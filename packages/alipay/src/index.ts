import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Alipay: the one-time `auth_code` from the Alipay mobile SDK, sent as `code`. */
export const alipay = authorizationCodeProvider({
  connection: 'alipay',
  payloadKey: 'alipayPayload',
  title: 'Alipay',
});

/** `genauth-alipay`. */
export class AlipayStrategy extends defineStrategy(alipay) {}

/** Passport convention: the family's strategy. */
export { AlipayStrategy as Strategy };

import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Xiaomi account: the authorization `code` from the Xiaomi account SDK. */
export const xiaomi = authorizationCodeProvider({
  connection: 'xiaomi',
  payloadKey: 'xiaomiPayload',
  title: 'Xiaomi',
});

/** `genauth-xiaomi`. */
export class XiaomiStrategy extends defineStrategy(xiaomi) {}

/** Passport convention: the family's strategy. */
export { XiaomiStrategy as Strategy };

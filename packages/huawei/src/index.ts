import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** HUAWEI Account Kit: the `authorizationCode` from the sign-in result, sent as `code`. */
export const huawei = authorizationCodeProvider({
  connection: 'huawei',
  payloadKey: 'huaweiPayload',
  title: 'HUAWEI',
});

/** `genauth-huawei`. */
export class HuaweiStrategy extends defineStrategy(huawei) {}

/** Passport convention: the family's strategy. */
export { HuaweiStrategy as Strategy };

import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Sign in with Apple: the one-time `authorizationCode` from `ASAuthorizationAppleIDCredential`, sent as `code`. */
export const apple = authorizationCodeProvider({
  connection: 'apple',
  payloadKey: 'applePayload',
  title: 'Sign in with Apple',
});

/** `genauth-apple`. */
export class AppleStrategy extends defineStrategy(apple) {}

/** Passport convention: the family's strategy. */
export { AppleStrategy as Strategy };

import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Google Sign-In on the device: the one-time `serverAuthCode`, sent as `code`. */
export const google = authorizationCodeProvider({
  connection: 'google',
  payloadKey: 'googlePayload',
  title: 'Google',
});

/** `genauth-google`. */
export class GoogleStrategy extends defineStrategy(google) {}

/** Passport convention: the family's strategy. */
export { GoogleStrategy as Strategy };

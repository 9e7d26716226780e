import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** LinkedIn: the OAuth authorization `code` obtained in the app. */
export const linkedin = authorizationCodeProvider({
  connection: 'linkedin',
  payloadKey: 'linkedInPayload',
  title: 'LinkedIn',
});

/** `genauth-linkedin`. */
export class LinkedInStrategy extends defineStrategy(linkedin) {}

/** Passport convention: the family's strategy. */
export { LinkedInStrategy as Strategy };

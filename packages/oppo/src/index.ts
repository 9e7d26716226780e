import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** OPPO account: the authorization `code` from the OPPO SDK. */
export const oppo = authorizationCodeProvider({
  connection: 'oppo',
  payloadKey: 'oppoPayload',
  title: 'OPPO',
});

/** `genauth-oppo`. */
export class OppoStrategy extends defineStrategy(oppo) {}

/** Passport convention: the family's strategy. */
export { OppoStrategy as Strategy };

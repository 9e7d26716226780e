import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Kuaishou: the authorization `code` from the Kuaishou open SDK. */
export const kuaishou = authorizationCodeProvider({
  connection: 'kuaishou',
  payloadKey: 'kuaishouPayload',
  title: 'Kuaishou',
});

/** `genauth-kuaishou`. */
export class KuaishouStrategy extends defineStrategy(kuaishou) {}

/** Passport convention: the family's strategy. */
export { KuaishouStrategy as Strategy };

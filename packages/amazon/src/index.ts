import { accessTokenProvider, defineStrategy } from '@passport-genauth/core';

/** Login with Amazon: the `access_token` from the LWA SDK. Also accepted as `Authorization: Bearer <access_token>`. */
export const amazon = accessTokenProvider({ connection: 'amazon', payloadKey: 'amazonPayload', title: 'Amazon' });

/** `genauth-amazon`. */
export class AmazonStrategy extends defineStrategy(amazon) {}

/** Passport convention: the family's strategy. */
export { AmazonStrategy as Strategy };

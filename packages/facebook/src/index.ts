import { accessTokenProvider, defineStrategy } from '@passport-genauth/core';

/** Facebook Login: the user `access_token` from the Facebook SDK. Also accepted as `Authorization: Bearer <access_token>`. */
export const facebook = accessTokenProvider({ connection: 'facebook', payloadKey: 'facebookPayload', title: 'Facebook' });

/** `genauth-facebook`. */
export class FacebookStrategy extends defineStrategy(facebook) {}

/** Passport convention: the family's strategy. */
export { FacebookStrategy as Strategy };

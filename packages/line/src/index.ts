import { MAX_ENCRYPTED_LENGTH, defineProvider, defineStrategy, optionalString, requiredString, z } from '@passport-genauth/core';

/**
 * LINE: the `access_token` from the LINE SDK (also as `Authorization: Bearer`), plus its `id_token`
 * when the app asked for the `openid` scope, from which GenAuth then reads the user.
 */
export const line = defineProvider({
  connection: 'line',
  payloadKey: 'linePayload',
  title: 'LINE',
  credentials: z.object({ access_token: requiredString(), id_token: optionalString(MAX_ENCRYPTED_LENGTH) }),
  bearerField: 'access_token',
  example: { access_token: 'line-user-access-token-7a6b5c', id_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJVMTIzIn0.c2lnbmF0dXJl' },
});

/** `genauth-line`. */
export class LineStrategy extends defineStrategy(line) {}

/** Passport convention: the family's strategy. */
export { LineStrategy as Strategy };

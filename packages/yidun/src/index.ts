import { defineProvider, defineStrategy, requiredString, z } from '@passport-genauth/core';

/** NetEase Yidun one-click login: the Yidun `token` and the carrier `accessToken`, both required. */
export const yidun = defineProvider({
  connection: 'yidun',
  payloadKey: 'yidunPayload',
  title: 'NetEase Yidun one-click login',
  credentials: z.object({ token: requiredString(), accessToken: requiredString() }),
  example: { token: 'a2d9c1f0e3b84f6c9a7d5e2b1c0f8e7d', accessToken: 'nm5b9c2d1e0f3a4b5c6d7e8f9a0b1c2d' },
});

/** `genauth-yidun`. */
export class YidunStrategy extends defineStrategy(yidun) {}

/** Passport convention: the family's strategy. */
export { YidunStrategy as Strategy };

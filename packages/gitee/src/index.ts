import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Gitee: the OAuth authorization `code` obtained in the app. */
export const gitee = authorizationCodeProvider({
  connection: 'gitee',
  payloadKey: 'giteePayload',
  title: 'Gitee',
});

/** `genauth-gitee`. */
export class GiteeStrategy extends defineStrategy(gitee) {}

/** Passport convention: the family's strategy. */
export { GiteeStrategy as Strategy };

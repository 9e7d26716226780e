import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** GitHub: the OAuth authorization `code` obtained in the app. */
export const github = authorizationCodeProvider({
  connection: 'github',
  payloadKey: 'githubPayload',
  title: 'GitHub',
});

/** `genauth-github`. */
export class GitHubStrategy extends defineStrategy(github) {}

/** Passport convention: the family's strategy. */
export { GitHubStrategy as Strategy };

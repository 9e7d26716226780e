import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** GitLab: the OAuth authorization `code` obtained in the app. */
export const gitlab = authorizationCodeProvider({
  connection: 'gitlab',
  payloadKey: 'gitlabPayload',
  title: 'GitLab',
});

/** `genauth-gitlab`. */
export class GitLabStrategy extends defineStrategy(gitlab) {}

/** Passport convention: the family's strategy. */
export { GitLabStrategy as Strategy };

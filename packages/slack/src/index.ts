import { authorizationCodeProvider, defineStrategy } from '@passport-genauth/core';

/** Slack: the OAuth authorization `code` obtained in the app. */
export const slack = authorizationCodeProvider({
  connection: 'slack',
  payloadKey: 'slackPayload',
  title: 'Slack',
});

/** `genauth-slack`. */
export class SlackStrategy extends defineStrategy(slack) {}

/** Passport convention: the family's strategy. */
export { SlackStrategy as Strategy };

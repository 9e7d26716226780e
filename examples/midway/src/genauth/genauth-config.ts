import type { GenAuthClientOptions } from '@passport-genauth/core';

/** The app's `genauth` configuration key (`config.default.ts`, or `globalConfig` in tests). */
export interface GenAuthConfig {
  /** Options of the one `GenAuthClient` every strategy shares. */
  readonly client: GenAuthClientOptions;
  /** `extIdpConnidentifier` per connection (`{ wechat: 'wechat-mobile' }`); default: the connection name. */
  readonly identitySources?: Readonly<Partial<Record<string, string>>>;
}

/**
 * The configuration from `GENAUTH_APP_HOST`, `GENAUTH_APP_ID`, `GENAUTH_APP_SECRET` and
 * `GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD`; undefined when neither the host nor the id is set.
 */
export function genauthConfigFromEnv(env: NodeJS.ProcessEnv): GenAuthConfig | undefined {
  if (!env.GENAUTH_APP_HOST && !env.GENAUTH_APP_ID) return undefined;
  const method = env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD as GenAuthClientOptions['tokenEndpointAuthMethod'];
  return {
    client: {
      appHost: env.GENAUTH_APP_HOST ?? '',
      appId: env.GENAUTH_APP_ID ?? '',
      ...(env.GENAUTH_APP_SECRET ? { appSecret: env.GENAUTH_APP_SECRET } : {}),
      ...(method ? { tokenEndpointAuthMethod: method } : {}),
    },
  };
}

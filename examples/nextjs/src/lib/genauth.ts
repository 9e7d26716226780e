import { AppleStrategy } from '@passport-genauth/apple';
import {
  GenAuthClient,
  GenAuthMobileStrategy,
  type GenAuthProfile,
  type GenAuthStrategy,
  type TokenEndpointAuthMethod,
  type TokenSet,
} from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { YidunStrategy } from '@passport-genauth/yidun';
import { signInUser } from './users';

/** The GenAuth client and the strategies every route handler shares. */
export interface GenAuth {
  readonly client: GenAuthClient;
  /** Provider strategies by the `[provider]` segment of `/api/auth/[provider]`. */
  readonly providers: ReadonlyMap<string, GenAuthStrategy>;
  /** The single route over all of them (`/api/auth/mobile`). */
  readonly mobile: GenAuthMobileStrategy;
}

/** What GenAuth is asked for on every login: profile, email and phone claims, and a refresh token. */
const SCOPE = 'openid profile email phone offline_access';

/** Reading the `GENAUTH_*` variables; the client checks the values and names each problem. */
function createGenAuth(env: NodeJS.ProcessEnv): GenAuth {
  const client = new GenAuthClient({
    appHost: env.GENAUTH_APP_HOST ?? '',
    appId: env.GENAUTH_APP_ID ?? '',
    ...(env.GENAUTH_APP_SECRET ? { appSecret: env.GENAUTH_APP_SECRET } : {}),
    ...(env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD ? { tokenEndpointAuthMethod: env.GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD as TokenEndpointAuthMethod } : {}),
    ...(env.GENAUTH_TIMEOUT_MS ? { timeoutMs: Number(env.GENAUTH_TIMEOUT_MS) } : {}),
  });
  const verify = (_tokens: TokenSet, profile: GenAuthProfile) => signInUser(profile) ?? false;
  const strategies: GenAuthStrategy[] = [
    new WechatStrategy({ client, extIdpConnidentifier: env.GENAUTH_IDP_WECHAT ?? 'wechat', scope: SCOPE }, verify),
    new AppleStrategy({ client, extIdpConnidentifier: env.GENAUTH_IDP_APPLE ?? 'apple', scope: SCOPE }, verify),
    new YidunStrategy({ client, extIdpConnidentifier: env.GENAUTH_IDP_YIDUN ?? 'yidun', scope: SCOPE }, verify),
  ];
  return {
    client,
    providers: new Map(strategies.map((strategy) => [strategy.name.replace(/^genauth-/, ''), strategy])),
    mobile: new GenAuthMobileStrategy({ strategies }),
  };
}

// On globalThis, not in a module variable: Next.js dev reloads modules, and each reload would open a new pool.
const SLOT = Symbol.for('example-nextjs.genauth');
const slots = globalThis as { [SLOT]?: GenAuth };

/**
 * The shared client and strategies, created at the first login rather than at import: `next build`
 * imports route modules, where the `GENAUTH_*` variables may not be set.
 */
export function genauth(): GenAuth {
  slots[SLOT] ??= createGenAuth(process.env);
  return slots[SLOT];
}

/** Closes the client's connection pool; the next login creates a new one (tests, graceful shutdown). */
export async function closeGenAuth(): Promise<void> {
  const current = slots[SLOT];
  delete slots[SLOT];
  await current?.client.close();
}

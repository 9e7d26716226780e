import { AppleStrategy } from '@passport-genauth/apple';
import { GenAuthMobileStrategy, type GenAuthProfile, type SignInClient, type TokenSet } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { YidunStrategy } from '@passport-genauth/yidun';
import type { UserDirectory } from './users';

/** The strategies the app serves: one per connection, and the single route over all of them. */
export interface AppStrategies {
  readonly wechat: WechatStrategy;
  readonly apple: AppleStrategy;
  readonly yidun: YidunStrategy;
  readonly mobile: GenAuthMobileStrategy;
}

/** What GenAuth is asked for on every login: profile, email and phone claims, and a refresh token. */
export const SCOPE = 'openid profile email phone offline_access';

/** Builds the strategies on one shared client; the verify asks the user directory (false refuses: 401). */
export function createStrategies(client: SignInClient, users: UserDirectory): AppStrategies {
  const verify = (_tokens: TokenSet, profile: GenAuthProfile) => users.signIn(profile) ?? false;
  const wechat = new WechatStrategy({ client, extIdpConnidentifier: 'wechat', scope: SCOPE }, verify);
  const apple = new AppleStrategy({ client, extIdpConnidentifier: 'apple', scope: SCOPE }, verify);
  const yidun = new YidunStrategy({ client, extIdpConnidentifier: 'yidun', scope: SCOPE }, verify);
  return { wechat, apple, yidun, mobile: new GenAuthMobileStrategy({ strategies: [wechat, apple, yidun] }) };
}

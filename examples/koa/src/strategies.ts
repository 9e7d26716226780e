import { AppleStrategy } from '@passport-genauth/apple';
import { GenAuthMobileStrategy, type GenAuthProfile, type GenAuthStrategy, type SignInClient } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { YidunStrategy } from '@passport-genauth/yidun';

/** The app's user, as `ctx.state.user` holds it and the login answers it. */
export interface AppUser {
  /** The GenAuth user id (`sub`). */
  readonly id: string;
  /** How the user signed in (`wechat`, `apple`, `yidun`). */
  readonly connection: string;
  readonly displayName: string;
}

/** Settings of `createStrategies`. */
export interface StrategySettings {
  /** One client for all strategies: one connection pool, one JWKS cache. */
  readonly client: SignInClient;
  /** `extIdpConnidentifier` per connection (`{ wechat: 'wechat-mobile' }`); default: the connection name. */
  readonly identitySources?: Partial<Record<'wechat' | 'apple' | 'yidun', string>> | undefined;
  /** GenAuth user ids the app refuses (its own ban list): their login is a 401. */
  readonly bannedUserIds?: ReadonlySet<string> | undefined;
}

/** The strategies behind the routes: one per provider route, and the single-route strategy over them. */
export interface LoginStrategies {
  readonly providers: Readonly<Record<'wechat' | 'apple' | 'yidun', GenAuthStrategy>>;
  readonly mobile: GenAuthMobileStrategy;
}

/** WeChat, Apple and NetEase Yidun, sharing one client and one verify. */
export function createStrategies({ client, identitySources = {}, bannedUserIds = new Set() }: StrategySettings): LoginStrategies {
  const verify = async (_tokens: unknown, profile: GenAuthProfile): Promise<AppUser | false> =>
    bannedUserIds.has(profile.id) ? false : { id: profile.id, connection: profile.connection, displayName: profile.displayName };
  const providers = {
    wechat: new WechatStrategy({ client, extIdpConnidentifier: identitySources.wechat ?? 'wechat' }, verify),
    apple: new AppleStrategy({ client, extIdpConnidentifier: identitySources.apple ?? 'apple' }, verify),
    yidun: new YidunStrategy({ client, extIdpConnidentifier: identitySources.yidun ?? 'yidun' }, verify),
  };
  return { providers, mobile: new GenAuthMobileStrategy({ strategies: Object.values(providers) }) };
}

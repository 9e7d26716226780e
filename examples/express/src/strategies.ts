import { AlipayStrategy } from '@passport-genauth/alipay';
import { AmazonStrategy } from '@passport-genauth/amazon';
import { AppleStrategy } from '@passport-genauth/apple';
import { BaiduStrategy } from '@passport-genauth/baidu';
import type { GenAuthApps, GenAuthStrategy, GenAuthStrategyConstructor, SignInClient, VerifyFunction } from '@passport-genauth/core';
import { DingTalkStrategy } from '@passport-genauth/dingtalk';
import { DouyinMiniProgramCodeAndPhoneStrategy, DouyinMiniProgramCodeStrategy, DouyinStrategy } from '@passport-genauth/douyin';
import { FacebookStrategy } from '@passport-genauth/facebook';
import { GiteeStrategy } from '@passport-genauth/gitee';
import { GitHubStrategy } from '@passport-genauth/github';
import { GitLabStrategy } from '@passport-genauth/gitlab';
import { GoogleStrategy } from '@passport-genauth/google';
import { HuaweiStrategy } from '@passport-genauth/huawei';
import { KuaishouStrategy } from '@passport-genauth/kuaishou';
import { LarkBlockStrategy, LarkInternalStrategy, LarkPublicStrategy } from '@passport-genauth/lark';
import { LineStrategy } from '@passport-genauth/line';
import { LinkedInStrategy } from '@passport-genauth/linkedin';
import { OppoStrategy } from '@passport-genauth/oppo';
import { QQStrategy } from '@passport-genauth/qq';
import { SlackStrategy } from '@passport-genauth/slack';
import { WechatMiniProgramCodeAndPhoneStrategy, WechatMiniProgramCodeStrategy, WechatMiniProgramPhoneStrategy, WechatStrategy } from '@passport-genauth/wechat';
import { WechatworkAgencyStrategy, WechatworkStrategy } from '@passport-genauth/wechatwork';
import { WeiboStrategy } from '@passport-genauth/weibo';
import { XiaomiStrategy } from '@passport-genauth/xiaomi';
import { YidunStrategy } from '@passport-genauth/yidun';

/** Every GenAuth mobile connection's strategy class, one per connection, from the 24 provider packages. */
export const STRATEGY_CLASSES: readonly GenAuthStrategyConstructor[] = [
  WechatStrategy,
  WechatMiniProgramCodeStrategy,
  WechatMiniProgramPhoneStrategy,
  WechatMiniProgramCodeAndPhoneStrategy,
  WechatworkStrategy,
  WechatworkAgencyStrategy,
  AppleStrategy,
  AlipayStrategy,
  LarkInternalStrategy,
  LarkPublicStrategy,
  LarkBlockStrategy,
  YidunStrategy,
  DouyinStrategy,
  DouyinMiniProgramCodeStrategy,
  DouyinMiniProgramCodeAndPhoneStrategy,
  GoogleStrategy,
  FacebookStrategy,
  QQStrategy,
  WeiboStrategy,
  BaiduStrategy,
  LinkedInStrategy,
  DingTalkStrategy,
  GitHubStrategy,
  GiteeStrategy,
  GitLabStrategy,
  KuaishouStrategy,
  XiaomiStrategy,
  LineStrategy,
  SlackStrategy,
  OppoStrategy,
  HuaweiStrategy,
  AmazonStrategy,
];

/** The GenAuth `connection` values served, in the order of `STRATEGY_CLASSES` (`wechat`, `lark_internal`, …). */
export const CONNECTIONS: readonly string[] = STRATEGY_CLASSES.map((Strategy) => Strategy.provider.connection);

/** What GenAuth is asked for on every login: `profile`, `email` and `phone` claims, and a refresh token. */
export const SCOPE = 'openid profile email phone offline_access';

/** The path segment of a strategy's route: its name without `genauth-` (`/auth/wechat-mini-program-code`). */
export function routeSegment(strategyName: string): string {
  return strategyName.replace(/^genauth-/, '');
}

/** Identity-source identifiers by connection; a connection left out uses its own name as identifier. */
export type IdentitySources = Partial<Record<string, string>>;

/** Throws when `identitySources` names something that is not a connection (a typo would silently be ignored). */
export function checkIdentitySources(identitySources: IdentitySources): void {
  const unknown = Object.keys(identitySources).filter((key) => !CONNECTIONS.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(`identitySources: unknown connection ${unknown.map((key) => `'${key}'`).join(', ')}; connections are: ${CONNECTIONS.join(', ')}`);
  }
}

/** Settings shared by the 32 strategies. */
export interface StrategySettings {
  /** One client for all strategies (one connection pool and one JWKS cache), or a registry of several applications. */
  readonly client: SignInClient | GenAuthApps;
  /** `extIdpConnidentifier` per connection (default: the connection name). */
  readonly identitySources?: IdentitySources | undefined;
  /** The app's verify callback. */
  readonly verify: VerifyFunction;
}

/** Builds one strategy per connection, all sharing one client. */
export function createStrategies({ client, identitySources = {}, verify }: StrategySettings): GenAuthStrategy[] {
  checkIdentitySources(identitySources);
  return STRATEGY_CLASSES.map((Strategy) => {
    const { connection } = Strategy.provider;
    return new Strategy({ client, extIdpConnidentifier: identitySources[connection] ?? connection, scope: SCOPE }, verify);
  });
}

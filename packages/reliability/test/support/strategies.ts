import * as alipay from '@passport-genauth/alipay';
import * as amazon from '@passport-genauth/amazon';
import * as apple from '@passport-genauth/apple';
import * as baidu from '@passport-genauth/baidu';
import type { GenAuthProfile, GenAuthStrategy, SignInClient } from '@passport-genauth/core';
import * as dingtalk from '@passport-genauth/dingtalk';
import * as douyin from '@passport-genauth/douyin';
import * as facebook from '@passport-genauth/facebook';
import * as gitee from '@passport-genauth/gitee';
import * as github from '@passport-genauth/github';
import * as gitlab from '@passport-genauth/gitlab';
import * as google from '@passport-genauth/google';
import * as huawei from '@passport-genauth/huawei';
import * as kuaishou from '@passport-genauth/kuaishou';
import * as lark from '@passport-genauth/lark';
import * as line from '@passport-genauth/line';
import * as linkedin from '@passport-genauth/linkedin';
import * as oppo from '@passport-genauth/oppo';
import * as qq from '@passport-genauth/qq';
import * as slack from '@passport-genauth/slack';
import { strategyClassesOf, type ProviderStrategyClass } from '@passport-genauth/testing';
import * as wechat from '@passport-genauth/wechat';
import * as wechatwork from '@passport-genauth/wechatwork';
import * as weibo from '@passport-genauth/weibo';
import * as xiaomi from '@passport-genauth/xiaomi';
import * as yidun from '@passport-genauth/yidun';

/** The 24 provider families, as their packages export them. */
export const FAMILIES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  alipay,
  amazon,
  apple,
  baidu,
  dingtalk,
  douyin,
  facebook,
  gitee,
  github,
  gitlab,
  google,
  huawei,
  kuaishou,
  lark,
  line,
  linkedin,
  oppo,
  qq,
  slack,
  wechat,
  wechatwork,
  weibo,
  xiaomi,
  yidun,
};

/** One strategy class per connection: all 32. */
export const STRATEGY_CLASSES: readonly ProviderStrategyClass[] = Object.values(FAMILIES).flatMap((family) => strategyClassesOf(family));

/** The 32 connection values. */
export const CONNECTIONS: readonly string[] = STRATEGY_CLASSES.map((Strategy) => Strategy.provider.connection);

/** The user a test app stores: the GenAuth user id and the connection used. */
export interface TestUser {
  readonly id: string;
  readonly connection: string;
}

/** A verify callback that accepts every GenAuth user. */
export const acceptEveryone = async (_tokens: unknown, profile: GenAuthProfile): Promise<TestUser> => ({
  id: profile.id,
  connection: profile.connection,
});

/** Builds the 32 strategies over one client; the identity source of each is named after its connection (the emulator's default). */
export function buildStrategies(
  client: SignInClient,
  identitySources: Readonly<Record<string, string>> = {},
  verify: (tokens: never, profile: GenAuthProfile) => unknown = acceptEveryone,
): GenAuthStrategy[] {
  return STRATEGY_CLASSES.map((Strategy) => {
    const { connection } = Strategy.provider;
    const options = { client, extIdpConnidentifier: identitySources[connection] ?? connection };
    return new Strategy(options as never, verify as never);
  });
}

import { AppleStrategy } from '@passport-genauth/apple';
import { GenAuthMobileStrategy, type GenAuthProfile, type SignInClient, type TokenSet } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { YidunStrategy } from '@passport-genauth/yidun';

/** The user the test apps keep on `request.user`. */
export interface TestUser {
  readonly id: string;
  readonly connection: string;
  readonly name: string;
}

/** Accepts everyone GenAuth signed in, except the provider user named `refused`. */
export function verify(_tokens: TokenSet, profile: GenAuthProfile): TestUser | false {
  if (profile.displayName === 'refused') return false;
  if (profile.displayName === 'explodes') throw new Error('the user table is down');
  return { id: profile.id, connection: profile.connection, name: profile.displayName };
}

/** WeChat, Apple and Yidun strategies plus the single-route strategy over them. */
export function testStrategies(client: SignInClient) {
  const wechat = new WechatStrategy({ client, extIdpConnidentifier: 'wechat' }, verify);
  const apple = new AppleStrategy({ client, extIdpConnidentifier: 'apple' }, verify);
  const yidun = new YidunStrategy({ client, extIdpConnidentifier: 'yidun' }, verify);
  const mobile = new GenAuthMobileStrategy({ strategies: [wechat, apple, yidun] });
  return { wechat, apple, yidun, mobile };
}

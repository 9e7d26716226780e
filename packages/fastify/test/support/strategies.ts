import { AppleStrategy } from '@passport-genauth/apple';
import type { SignInClient } from '@passport-genauth/core';
import { adapterTestStrategies } from '@passport-genauth/testing';
import { WechatStrategy } from '@passport-genauth/wechat';
import { YidunStrategy } from '@passport-genauth/yidun';

export type { TestUser } from '@passport-genauth/testing';

/** WeChat, Apple and Yidun strategies plus the single-route strategy over them (the kit's `verifyTestUser`). */
export function testStrategies(client: SignInClient) {
  return adapterTestStrategies(client, { wechat: WechatStrategy, apple: AppleStrategy, yidun: YidunStrategy });
}

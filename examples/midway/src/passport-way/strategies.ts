import { Inject } from '@midwayjs/core';
import { CustomStrategy, PassportStrategy } from '@midwayjs/passport';
import { AppleStrategy } from '@passport-genauth/apple';
import type { GenAuthProfile, TokenSet } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { GenAuthService } from '../genauth/genauth.service';
import type { AppUser } from '../interface';
import { UserService } from '../user/user.service';

/**
 * WeChat through `@midwayjs/passport`: `PassportStrategy(WechatStrategy, name)` builds the strategy
 * from `getStrategyOptions()` and calls `validate(tokens, profile)` as its verify.
 */
@CustomStrategy()
export class WechatPassportStrategy extends PassportStrategy(WechatStrategy, 'genauth-wechat') {
  @Inject()
  genAuthService!: GenAuthService;

  @Inject()
  userService!: UserService;

  getStrategyOptions(): object {
    return { client: this.genAuthService.client, extIdpConnidentifier: 'wechat' };
  }

  validate(_tokens: TokenSet, profile: GenAuthProfile): AppUser | null {
    return this.userService.signIn(profile) ?? null;
  }
}

/** Sign in with Apple through `@midwayjs/passport`, the same way. */
@CustomStrategy()
export class ApplePassportStrategy extends PassportStrategy(AppleStrategy, 'genauth-apple') {
  @Inject()
  genAuthService!: GenAuthService;

  @Inject()
  userService!: UserService;

  getStrategyOptions(): object {
    return { client: this.genAuthService.client, extIdpConnidentifier: 'apple' };
  }

  validate(_tokens: TokenSet, profile: GenAuthProfile): AppUser | null {
    return this.userService.signIn(profile) ?? null;
  }
}

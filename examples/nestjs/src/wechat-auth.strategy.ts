import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { GenAuthProfile, TokenSet } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';
import { toAppUser, type AppUser } from './app-user';
import { GENAUTH_OPTIONS, identitySourceOf, type GenAuthModuleOptions } from './genauth-options';

/** WeChat mobile login as a Nest provider: `@nestjs/passport`'s mixin registers it as `genauth-wechat`. */
@Injectable()
export class WechatAuthStrategy extends PassportStrategy(WechatStrategy, 'genauth-wechat') {
  constructor(@Inject(GENAUTH_OPTIONS) options: GenAuthModuleOptions) {
    super({ client: options.client, extIdpConnidentifier: identitySourceOf(options, 'wechat') });
  }

  /** Called with the verified tokens and profile; what it returns becomes `req.user`. */
  validate(_tokens: TokenSet, profile: GenAuthProfile): AppUser {
    return toAppUser(profile);
  }
}

import { Middleware } from '@midwayjs/core';
import { PassportMiddleware, type AuthenticateOptions } from '@midwayjs/passport';
import { ApplePassportStrategy, WechatPassportStrategy } from './strategies';

/**
 * `PassportMiddleware(strategy)` for WeChat. `session: false` here does NOT turn sessions off: the
 * component reads only the app-wide `passport.session` (default `true`) when it logs the user in.
 */
@Middleware()
export class WechatPassportMiddleware extends PassportMiddleware(WechatPassportStrategy) {
  getAuthenticateOptions(): AuthenticateOptions {
    return { session: false };
  }

  static getName(): string {
    return 'passport-genauth-wechat';
  }
}

/** `PassportMiddleware(strategy)` for Apple. */
@Middleware()
export class ApplePassportMiddleware extends PassportMiddleware(ApplePassportStrategy) {
  getAuthenticateOptions(): AuthenticateOptions {
    return { session: false };
  }

  static getName(): string {
    return 'passport-genauth-apple';
  }
}

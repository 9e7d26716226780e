import { Controller, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import type { LoginAnswer } from '../controller/auth.controller';
import { ApplePassportMiddleware, WechatPassportMiddleware } from './middlewares';

/** The same logins as `AuthController`, through `@midwayjs/passport` (see the README for its traps). */
@Controller('/passport')
export class PassportController {
  @Inject()
  ctx!: Context;

  /** WeChat: `{ code }`. */
  @Post('/wechat', { middleware: [WechatPassportMiddleware] })
  wechat(): LoginAnswer {
    return { user: this.ctx.state.user, tokens: this.ctx.state.authInfo };
  }

  /** Apple: `{ code }`. */
  @Post('/apple', { middleware: [ApplePassportMiddleware] })
  apple(): LoginAnswer {
    return { user: this.ctx.state.user, tokens: this.ctx.state.authInfo };
  }
}

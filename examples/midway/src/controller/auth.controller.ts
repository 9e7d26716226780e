import { Controller, Get, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { MOBILE_STRATEGY } from '../genauth/genauth.service';
import { genauthLogin } from '../genauth/login.middleware';

/** What a login route answers: the app's user and the GenAuth token set for the mobile app. */
export interface LoginAnswer {
  readonly user: unknown;
  readonly tokens: unknown;
}

/** The mobile app's login routes: the middleware signs in, the handler answers `{ user, tokens }`. */
@Controller('/')
export class AuthController {
  @Inject()
  ctx!: Context;

  /** WeChat mobile login: `{ code }`. */
  @Post('/auth/wechat', { middleware: [genauthLogin('genauth-wechat')] })
  wechat(): LoginAnswer {
    return { user: this.ctx.state.user, tokens: this.ctx.state.authInfo };
  }

  /** Sign in with Apple: `{ code }`. */
  @Post('/auth/apple', { middleware: [genauthLogin('genauth-apple')] })
  apple(): LoginAnswer {
    return { user: this.ctx.state.user, tokens: this.ctx.state.authInfo };
  }

  /** One route for every connection: `{ connection: 'wechat' | 'apple', code }`. */
  @Post('/auth/mobile', { middleware: [genauthLogin(MOBILE_STRATEGY)] })
  mobile(): LoginAnswer {
    return { user: this.ctx.state.user, tokens: this.ctx.state.authInfo };
  }

  /** Liveness. */
  @Get('/healthz')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

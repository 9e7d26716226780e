import { Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { GenAuthGuard } from './genauth.guard';

/** The mobile app's login routes: the guard runs the strategy, the handler answers `{ user, tokens }`. */
@Controller()
export class AuthController {
  /** WeChat mobile login: `{ code }`. */
  @Post('auth/wechat')
  @HttpCode(200)
  @UseGuards(GenAuthGuard('genauth-wechat'))
  wechat(@Req() req: Request): { user: unknown; tokens: unknown } {
    return { user: req.user, tokens: req.authInfo };
  }

  /** Sign in with Apple: `{ code }`. */
  @Post('auth/apple')
  @HttpCode(200)
  @UseGuards(GenAuthGuard('genauth-apple'))
  apple(@Req() req: Request): { user: unknown; tokens: unknown } {
    return { user: req.user, tokens: req.authInfo };
  }

  /** Liveness. */
  @Get('healthz')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

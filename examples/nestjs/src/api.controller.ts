import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import type { ApiCaller } from './bearer-auth.strategy';
import { GenAuthBearerGuard, RequireScopes } from './bearer.guard';

/** The API the mobile app calls after signing in, with `Authorization: Bearer <GenAuth access token>`. */
@Controller('api')
@UseGuards(GenAuthBearerGuard)
export class ApiController {
  /** Who is calling. */
  @Get('me')
  me(@Req() req: Request): { user: ApiCaller } {
    return { user: req.user as ApiCaller };
  }

  /** Needs the `orders:read` scope: 403 `insufficient_scope` without it. */
  @Get('orders')
  @RequireScopes('orders:read')
  orders(@Req() req: Request): { user: ApiCaller; orders: readonly unknown[] } {
    return { user: req.user as ApiCaller, orders: [] };
  }
}

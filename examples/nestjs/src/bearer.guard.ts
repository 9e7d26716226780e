import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { loginException } from './genauth.guard';

const SCOPES = Symbol('genauth-bearer-scopes');

/** The scopes a route (or every route of a controller) requires of the access token. */
export const RequireScopes = (...scopes: string[]) => SetMetadata(SCOPES, scopes);

/**
 * `AuthGuard('genauth-bearer')` that passes the route's `@RequireScopes` to the strategy and keeps its
 * answers: 401 without or with a bad token, 403 for a missing scope, each with the strategy's
 * `WWW-Authenticate: Bearer …` header and the JSON body of a failed login (Nest's own guard would
 * answer every failure with a bare 401).
 */
@Injectable()
export class GenAuthBearerGuard extends AuthGuard('genauth-bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getAuthenticateOptions(context: ExecutionContext): { session: false; scopes: string[] } {
    const scopes = this.reflector.getAllAndOverride<string[] | undefined>(SCOPES, [context.getHandler(), context.getClass()]);
    return { session: false, scopes: scopes ?? [] };
  }

  override handleRequest<TUser = unknown>(err: unknown, user: unknown, info: unknown, _context: ExecutionContext, status?: unknown): TUser {
    if (err || !user) throw loginException(err, info, status);
    return user as TUser;
  }
}

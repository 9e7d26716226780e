import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { GenAuthBearerStrategy, type AccessTokenClaims } from '@passport-genauth/core';
import { GENAUTH_OPTIONS, type GenAuthModuleOptions } from './genauth-options';

/** Who called the API: the GenAuth user of the access token and what it may do. */
export interface ApiCaller {
  readonly id: string;
  readonly scopes: readonly string[];
}

/**
 * GenAuth access tokens as a Nest provider, registered as `genauth-bearer`: the token of
 * `Authorization: Bearer` is verified offline (RS256 through the app's JWKS, iss, aud, exp); routes add
 * required scopes with `@RequireScopes(…)` (see `bearer.guard.ts`).
 */
@Injectable()
export class BearerAuthStrategy extends PassportStrategy(GenAuthBearerStrategy, 'genauth-bearer') {
  constructor(@Inject(GENAUTH_OPTIONS) options: GenAuthModuleOptions) {
    super({ client: options.client, realm: 'api' });
  }

  /** Called with the verified claims; what it returns becomes `req.user` (`null` would refuse: 401). */
  validate(claims: AccessTokenClaims): ApiCaller {
    return { id: claims.sub, scopes: claims.scope.split(' ').filter(Boolean) };
  }
}

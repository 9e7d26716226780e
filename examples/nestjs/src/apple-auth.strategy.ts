import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppleStrategy } from '@passport-genauth/apple';
import type { GenAuthProfile, TokenSet } from '@passport-genauth/core';
import { toAppUser, type AppUser } from './app-user';
import { GENAUTH_OPTIONS, identitySourceOf, type GenAuthModuleOptions } from './genauth-options';

/** Sign in with Apple as a Nest provider, registered as `genauth-apple`; asks GenAuth for the email too. */
@Injectable()
export class AppleAuthStrategy extends PassportStrategy(AppleStrategy, 'genauth-apple') {
  constructor(@Inject(GENAUTH_OPTIONS) options: GenAuthModuleOptions) {
    super({ client: options.client, extIdpConnidentifier: identitySourceOf(options, 'apple'), scope: 'openid profile email' });
  }

  /** A promise works too; returning `null` would refuse the login (401). */
  async validate(_tokens: TokenSet, profile: GenAuthProfile): Promise<AppUser> {
    return toAppUser(profile);
  }
}

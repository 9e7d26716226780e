import { GenAuthMobileStrategy, type GenAuthApps, type GenAuthProfile, type GenAuthStrategy, type SignInClient, type TokenSet } from '@passport-genauth/core';
import type { RequestHandler } from 'express';
import { Passport } from 'passport';
import { createStrategies, type IdentitySources } from './strategies';
import type { UserStore } from './users';

/** The name of the single-route strategy behind `POST /auth/mobile`. */
export const MOBILE_STRATEGY = 'genauth-mobile';

/** A Passport instance of its own (what `new Passport()` returns). */
export type PassportInstance = InstanceType<typeof Passport>;

/** `passport.authenticate(name, options)` as the Express middleware it is (its typings say `any`). */
export function authenticate(passport: PassportInstance, name: string, options: { session: false; failWithError?: boolean }): RequestHandler {
  return passport.authenticate(name, options) as RequestHandler;
}

/** A Passport instance with the 32 provider strategies and the single-route strategy registered. */
export interface GenAuthPassport {
  readonly passport: PassportInstance;
  /** The 32 provider strategies, one per connection. */
  readonly strategies: readonly GenAuthStrategy[];
}

/** Options of `createAuthenticator`. */
export interface AuthenticatorOptions {
  readonly client: SignInClient | GenAuthApps;
  readonly identitySources?: IdentitySources | undefined;
  readonly users: UserStore;
}

/**
 * Registers every strategy on a Passport instance of its own (not the global `passport`), so several
 * apps can live in one process. The verify callback upserts the user GenAuth signed in.
 */
export function createAuthenticator({ client, identitySources, users }: AuthenticatorOptions): GenAuthPassport {
  const passport = new Passport();
  const verify = async (_tokens: TokenSet, profile: GenAuthProfile) => users.upsert(profile);
  const strategies = createStrategies({ client, identitySources, verify });
  for (const strategy of strategies) passport.use(strategy);
  passport.use(new GenAuthMobileStrategy({ strategies, name: MOBILE_STRATEGY }));
  return { passport, strategies };
}

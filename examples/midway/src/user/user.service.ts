import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { GenAuthProfile } from '@passport-genauth/core';
import type { AppUser } from '../interface';

/**
 * Stands in for the app's user table: the strategies' verify asks it for the user GenAuth signed in.
 * A suspended account is refused (401 `GENAUTH_VERIFY_REFUSED`) even though GenAuth accepted it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class UserService {
  readonly #suspended = new Set<string>();

  /** The app's user for a verified GenAuth profile, or `undefined` when the account is suspended. */
  signIn(profile: GenAuthProfile): AppUser | undefined {
    if (this.#suspended.has(profile.id)) return undefined;
    return { id: profile.id, connection: profile.connection, displayName: profile.displayName };
  }

  /** Suspends the account with this GenAuth user id (`sub`). */
  suspend(id: string): void {
    this.#suspended.add(id);
  }
}

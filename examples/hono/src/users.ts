import type { GenAuthProfile } from '@passport-genauth/core';

/** The app's own user record: what the login answers with and what routes see as `c.get('user')`. */
export interface AppUser {
  /** The GenAuth user id (`sub`): stable for the same provider account. */
  readonly id: string;
  /** How the user signed in (`wechat`, `apple`, …). */
  readonly connection: string;
  readonly displayName: string;
}

/** Stands in for the app's user table: `null` for a banned user refuses the login (a 401). */
export class UserDirectory {
  readonly #banned: ReadonlySet<string>;

  /** @param banned GenAuth user ids (`sub`) that may not sign in */
  constructor(banned: Iterable<string> = []) {
    this.#banned = new Set(banned);
  }

  /** The user GenAuth signed in, or null when the app refuses them. */
  signIn(profile: GenAuthProfile): AppUser | null {
    if (this.#banned.has(profile.id)) return null;
    return { id: profile.id, connection: profile.connection, displayName: profile.displayName };
  }
}

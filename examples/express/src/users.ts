import type { GenAuthProfile } from '@passport-genauth/core';

/** The app's own user record: what lands on `req.user` and in the login answer. */
export interface AppUser {
  /** The GenAuth user id (`sub`): stable for the same provider account. */
  readonly id: string;
  /** The GenAuth application (its alias) the user signed in through, when the backend serves several. */
  readonly app?: string;
  /** How the user signed in the last time (`wechat`, `apple`, …). */
  readonly connection: string;
  readonly displayName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly picture?: string;
}

function keyOf(id: string, app: string | undefined): string {
  return app === undefined ? id : `${app}\u0000${id}`;
}

/**
 * An in-memory user table standing in for the app's database: `upsert` on every login, `get` for
 * session deserialisation. Bounded, so a load test cannot grow it without limit.
 */
export class UserStore {
  readonly #users = new Map<string, AppUser>();
  readonly #maxUsers: number;

  /** @param maxUsers the oldest users are forgotten beyond this many */
  constructor(maxUsers = 10_000) {
    this.#maxUsers = maxUsers;
  }

  /** Creates or refreshes the user GenAuth signed in. */
  upsert(profile: GenAuthProfile): AppUser {
    const email = profile.emails?.[0]?.value;
    const phone = profile.phoneNumbers?.[0]?.value;
    const picture = profile.photos?.[0]?.value;
    const user: AppUser = {
      id: profile.id,
      ...(profile.app ? { app: profile.app } : {}),
      connection: profile.connection,
      displayName: profile.displayName,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      ...(picture ? { picture } : {}),
    };
    // One table per application: the same sub in two apps is two users.
    const key = keyOf(user.id, user.app);
    this.#users.delete(key);
    this.#users.set(key, user);
    if (this.#users.size > this.#maxUsers) this.#users.delete(this.#users.keys().next().value as string);
    return user;
  }

  /** The user with this id (in this application), if known. */
  get(id: string, app?: string): AppUser | undefined {
    return this.#users.get(keyOf(id, app));
  }

  /** How many users are known. */
  get size(): number {
    return this.#users.size;
  }
}

import type { GenAuthProfile } from '@passport-genauth/core';

/** What `validate` makes of a GenAuth profile: the app's user (here, without a database). */
export interface AppUser {
  readonly id: string;
  readonly connection: string;
  readonly displayName: string;
}

/** Maps a verified GenAuth profile to the app's user. */
export function toAppUser(profile: GenAuthProfile): AppUser {
  return { id: profile.id, connection: profile.connection, displayName: profile.displayName };
}

import type { GenAuthProfile } from '@passport-genauth/core';

/** The app's own user record: what the login answers with. */
export interface AppUser {
  /** The GenAuth user id (`sub`): stable for the same provider account. */
  readonly id: string;
  /** How the user signed in (`wechat`, `apple`, …). */
  readonly connection: string;
  readonly displayName: string;
}

// Stands in for the app's user table.
const banned = new Set<string>();

/** Bars a GenAuth user id (`sub`) from signing in: their next login ends in a 401. */
export function banUser(id: string): void {
  banned.add(id);
}

/** The user GenAuth signed in, or null when the app refuses them. */
export function signInUser(profile: GenAuthProfile): AppUser | null {
  if (banned.has(profile.id)) return null;
  return { id: profile.id, connection: profile.connection, displayName: profile.displayName };
}

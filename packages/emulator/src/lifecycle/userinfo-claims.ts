import { scopeClaims } from '../tokens';
import type { Grant } from './token-store';

/** A userinfo claim value: the identity's, or null when it has none. */
export type UserinfoValue = string | number | boolean | null;

const PROFILE_CLAIMS = [
  'name',
  'given_name',
  'middle_name',
  'family_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'updated_at',
];

/**
 * The OIDC claims of `/oidc/me` for a scope: `sub`, then every standard claim the scope covers, `null`
 * when the identity has no value (`gender` is `"U"`, unknown). Values match the id_token's: `profile`
 * gives name, nickname, picture, given/family name and `updated_at` (the sign-in time), `username`
 * gives `preferred_username`, `email` and `phone` their two claims each.
 */
export function userinfoClaims(grant: Grant, scopes: ReadonlySet<string>): Record<string, UserinfoValue> {
  const known: Record<string, UserinfoValue> = { ...scopeClaims(grant.user, scopes, grant.authTime), gender: 'U' };
  const names: string[] = [];
  if (scopes.has('profile')) names.push(...PROFILE_CLAIMS);
  if (scopes.has('username') && !names.includes('preferred_username')) names.push('preferred_username');
  if (scopes.has('email')) names.push('email', 'email_verified');
  if (scopes.has('phone')) names.push('phone_number', 'phone_number_verified');
  if (scopes.has('address')) names.push('address');
  const claims: Record<string, UserinfoValue> = { sub: grant.user.sub };
  for (const name of names) claims[name] = known[name] ?? null;
  return claims;
}

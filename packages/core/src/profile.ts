import type { GenAuthProfile, IdTokenClaims } from './types';

/** The profile while it is built: every field writable. */
type ProfileDraft = { -readonly [K in keyof GenAuthProfile]: GenAuthProfile[K] };

function text(claims: IdTokenClaims, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Builds Passport's profile shape from id_token claims; the token itself is kept non-enumerable in `_raw`. */
export function buildProfile(connection: string, claims: IdTokenClaims, idToken: string): GenAuthProfile {
  const email = text(claims, 'email');
  const phone = text(claims, 'phone_number');
  const picture = text(claims, 'picture');
  const username = text(claims, 'preferred_username') ?? text(claims, 'username');
  const familyName = text(claims, 'family_name');
  const givenName = text(claims, 'given_name');
  // Built field by field rather than with conditional spreads: this runs on every login, and each
  // spread allocated an object that was thrown away at once. The key order is the same.
  const profile: Omit<ProfileDraft, '_raw' | '_json'> & Partial<Pick<ProfileDraft, '_json'>> = {
    provider: 'genauth',
    connection,
    id: claims.sub,
    displayName: text(claims, 'name') ?? text(claims, 'nickname') ?? username ?? email ?? phone ?? claims.sub,
  };
  if (username) profile.username = username;
  if (familyName || givenName) {
    const name: { familyName?: string; givenName?: string } = {};
    if (familyName) name.familyName = familyName;
    if (givenName) name.givenName = givenName;
    profile.name = name;
  }
  if (email) profile.emails = [{ value: email, verified: claims.email_verified === true }];
  if (phone) profile.phoneNumbers = [{ value: phone, verified: claims.phone_number_verified === true }];
  if (picture) profile.photos = [{ value: picture }];
  profile._json = claims;
  Object.defineProperty(profile, '_raw', { value: idToken, enumerable: false });
  return profile as GenAuthProfile;
}

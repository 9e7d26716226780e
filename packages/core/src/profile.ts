import type { GenAuthProfile, IdTokenClaims } from './types';

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
  const profile: Omit<GenAuthProfile, '_raw'> = {
    provider: 'genauth',
    connection,
    id: claims.sub,
    displayName: text(claims, 'name') ?? text(claims, 'nickname') ?? username ?? email ?? phone ?? claims.sub,
    ...(username ? { username } : {}),
    ...(familyName || givenName ? { name: { ...(familyName ? { familyName } : {}), ...(givenName ? { givenName } : {}) } } : {}),
    ...(email ? { emails: [{ value: email, verified: claims.email_verified === true }] } : {}),
    ...(phone ? { phoneNumbers: [{ value: phone, verified: claims.phone_number_verified === true }] } : {}),
    ...(picture ? { photos: [{ value: picture }] } : {}),
    _json: claims,
  };
  Object.defineProperty(profile, '_raw', { value: idToken, enumerable: false });
  return profile as GenAuthProfile;
}

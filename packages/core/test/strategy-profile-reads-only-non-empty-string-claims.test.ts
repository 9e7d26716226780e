import { buildProfile, type IdTokenClaims } from '../src';

const claims = (extra: Record<string, unknown>): IdTokenClaims => ({ sub: 'u-1', iss: 'https://x/oidc', aud: 'app', iat: 1, exp: 2, ...extra });

describe('strategy profile reads only non-empty string claims', () => {
  it('skips a claim that is not a string, even one with a length', () => {
    const profile = buildProfile('x', claims({ name: ['Ada'], nickname: 7, email: { value: 'a@x.io' }, picture: '' }), 't');
    expect(profile.displayName).toBe('u-1');
    expect(profile).not.toHaveProperty('emails');
    expect(profile).not.toHaveProperty('photos');
  });

  it('builds the name from a family name alone', () => {
    expect(buildProfile('x', claims({ family_name: 'Lovelace', given_name: '' }), 't').name).toEqual({ familyName: 'Lovelace' });
  });

  it('takes the username from username when preferred_username is absent, and sets it', () => {
    const profile = buildProfile('x', claims({ username: 'ada' }), 't');
    expect(profile.username).toBe('ada');
    expect(profile.displayName).toBe('ada');
  });
});

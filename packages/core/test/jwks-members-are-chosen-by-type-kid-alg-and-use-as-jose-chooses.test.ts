import { JwtError, KeySet, type JwsHeader } from '../src/jwt';
import { jwkOf, makeJwtKeys, type JwtKeys } from './support/jwt-keys';

/** The refusal `run` throws (it must throw a JwtError). */
function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error('expected a refusal');
}

/** A member as a set lists it (it need not be importable for the set to parse). */
const MEMBER = { kty: 'RSA', kid: 'm', n: 'AQAB', e: 'AQAB' };

const NO_KEY = { code: 'ERR_JWKS_NO_MATCHING_KEY', message: 'no applicable key found in the JSON Web Key Set' };
const SEVERAL = { code: 'ERR_JWKS_MULTIPLE_MATCHING_KEYS', message: 'multiple matching keys found in the JSON Web Key Set' };

describe('JWKS members are chosen by key type, kid, alg and use, as jose chooses them', () => {
  let keys: JwtKeys;
  let a: Record<string, unknown>;

  beforeAll(async () => {
    keys = await makeJwtKeys();
    a = jwkOf(keys.public.rsaA, { kid: 'a' });
  });

  const only = (member: Record<string, unknown>, header: JwsHeader = { alg: 'RS256' }) => KeySet.parse({ keys: [member] }).select(header);

  it('gives RS256 and PS256 tokens the RSA member, and no EC or symmetric one', () => {
    const set = KeySet.parse({ keys: [jwkOf(keys.public.ec, { kid: 'e' }), { kty: 'oct', k: 'c2VjcmV0', kid: 's' }, a] });
    expect(set.select({ alg: 'RS256' }).equals(keys.public.rsaA)).toBe(true);
    expect(set.select({ alg: 'PS256' }).equals(keys.public.rsaA)).toBe(true);
    expect(set.select({ alg: 'ES256' }).equals(keys.public.ec)).toBe(true);
    expect(refusal(() => set.select({ alg: 'EdDSA' }))).toEqual(NO_KEY);
  });

  it.each([['HS256'], ['none'], [''], [256], [undefined]])('refuses alg %j, which no key set serves', (alg) => {
    expect(refusal(() => KeySet.parse({ keys: [a] }).select({ alg }))).toEqual({
      code: 'ERR_JOSE_NOT_SUPPORTED',
      message: 'Unsupported "alg" value for a JSON Web Key Set',
    });
  });

  it('selects by a string kid, and ignores a kid that is not a string', () => {
    const set = KeySet.parse({ keys: [a, jwkOf(keys.public.rsaB, { kid: 'b' })] });
    expect(set.select({ alg: 'RS256', kid: 'b' }).equals(keys.public.rsaB)).toBe(true);
    expect(refusal(() => set.select({ alg: 'RS256', kid: 'c' }))).toEqual(NO_KEY);
    expect(refusal(() => set.select({ alg: 'RS256' }))).toEqual(SEVERAL);
    expect(refusal(() => set.select({ alg: 'RS256', kid: 5 }))).toEqual(SEVERAL);
  });

  it("skips a member whose own alg is another one, and reads a member's alg only when it is a string", () => {
    expect(refusal(() => only({ ...a, alg: 'RS512' }))).toEqual(NO_KEY);
    expect(only({ ...a, alg: 'RS256' }).equals(keys.public.rsaA)).toBe(true);
    expect(only({ ...a, alg: 5 }).equals(keys.public.rsaA)).toBe(true);
  });

  it.each([
    [{ use: 'sig' }, true],
    [{ use: 5 }, true],
    [{ key_ops: ['verify'] }, true],
    [{ key_ops: ['sign', 'verify'] }, true],
    [{ key_ops: 'sign' }, true],
    [{ use: 'sig', key_ops: ['verify'] }, true],
    [{ use: 'enc' }, false],
    [{ key_ops: ['sign'] }, false],
    [{ key_ops: [] }, false],
    [{ use: 'sig', key_ops: ['encrypt'] }, false],
    [{ use: 'enc', key_ops: ['verify'] }, false],
  ])('with %j, a member may verify: %s', (extra, usable) => {
    const run = () => only({ ...a, ...extra });
    if (usable) expect(run().equals(keys.public.rsaA)).toBe(true);
    else expect(refusal(run)).toEqual(NO_KEY);
  });

  it('refuses, only for the tokens that select it, a member that is a private key', () => {
    const set = KeySet.parse({ keys: [jwkOf(keys.rsaB, { kid: 'private' }), a] });
    expect(set.select({ alg: 'RS256', kid: 'a' }).equals(keys.public.rsaA)).toBe(true);
    expect(refusal(() => set.select({ alg: 'RS256', kid: 'private' }))).toEqual({
      code: 'ERR_JWKS_INVALID',
      message: 'JSON Web Key Set members must be public keys',
    });
  });

  it('refuses, only for the tokens that select it, a member that cannot be imported', () => {
    const set = KeySet.parse({ keys: [{ kty: 'RSA', kid: 'broken', n: 5, e: 'AQAB' }, a] });
    expect(set.select({ alg: 'RS256', kid: 'a' }).equals(keys.public.rsaA)).toBe(true);
    expect(refusal(() => set.select({ alg: 'RS256', kid: 'broken' }))).toEqual({
      code: 'ERR_JWKS_INVALID',
      message: 'JSON Web Key Set member could not be imported',
    });
  });

  it('imports an RSA member whose "oth" is present but undefined', () => {
    expect(only({ ...a, oth: undefined }).equals(keys.public.rsaA)).toBe(true);
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'keys'],
    ['an object without keys', {}],
    ['keys that are an object', { keys: {} }],
    ['a member that is an array', { keys: [MEMBER, [MEMBER]] }],
    ['a member that is null', { keys: [MEMBER, null] }],
    ['a member that is a Date', { keys: [MEMBER, new Date(0)] }],
    ['a member that says it is something else', { keys: [MEMBER, { ...MEMBER, [Symbol.toStringTag]: 'Jwk' }] }],
    ['a member with a prototype of its own', { keys: [MEMBER, Object.assign(Object.create({ kty: 'RSA' }) as object, MEMBER)] }],
  ])('refuses %s as a malformed key set', (_what, jwks) => {
    expect(refusal(() => KeySet.parse(jwks))).toEqual({ code: 'ERR_JWKS_INVALID', message: 'JSON Web Key Set malformed' });
  });

  it('takes a member without a prototype, as a JSON parser with null-prototype objects would give it', () => {
    expect(
      KeySet.parse({ keys: [Object.assign(Object.create(null) as object, a)] })
        .select({ alg: 'RS256' })
        .equals(keys.public.rsaA),
    ).toBe(true);
  });

  it('ignores "oth" on a member that is not RSA', () => {
    expect(only(jwkOf(keys.public.ec, { oth: [] }), { alg: 'ES256' }).equals(keys.public.ec)).toBe(true);
  });

  it('counts every member, usable or not, and knows every kid it holds', () => {
    const set = KeySet.parse({ keys: [a, { kty: 'oct', kid: 'secret' }, { kty: 'RSA', kid: 7 }] });
    expect(set.size).toBe(3);
    expect(set.hasKid('a')).toBe(true);
    expect(set.hasKid('secret')).toBe(true);
    expect(set.hasKid('b')).toBe(false);
    expect(set.hasKid('7')).toBe(false);
    expect(KeySet.parse({ keys: [] }).size).toBe(0);
  });
});

import { createSecretKey, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { JwtError, KeySet, parseJwt, verifyJwt, type JwtCheck, type JwtErrorCode } from '../src/jwt';
import { jwkOf, makeJwtKeys, segment, signToken, type JwtKeys, type Signer } from './support/jwt-keys';

const ISS = 'https://tenant.genauth.example/oidc';
const AUD = 'app-5f0c2b';
const NOW = 1_760_000_000;
const claims = { iss: ISS, aud: AUD, sub: 'user-1', iat: NOW - 10, exp: NOW + 600 };
const rs256: JwtCheck = {
  algorithms: ['RS256'],
  issuer: ISS,
  audience: AUD,
  clockToleranceSec: 30,
  requiredClaims: ['sub', 'iat', 'exp'],
  currentDate: new Date(NOW * 1000),
};
const hs256: JwtCheck = { ...rs256, algorithms: ['HS256'] };

function refusal(run: () => unknown): JwtError {
  try {
    run();
  } catch (error) {
    if (error instanceof JwtError) return error;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('the synchronous JWT verifier', () => {
  let keys: JwtKeys;
  let jwks: { keys: Record<string, unknown>[] };
  let keySet: KeySet;
  let secret: KeyObject;
  let rsaA: Signer;

  beforeAll(async () => {
    keys = await makeJwtKeys();
    jwks = { keys: [jwkOf(keys.public.rsaA, { kid: 'a', alg: 'RS256', use: 'sig' }), jwkOf(keys.public.rsaB, { kid: 'b', alg: 'RS256', use: 'sig' })] };
    keySet = KeySet.parse(jwks);
    secret = createSecretKey(keys.secret);
    rsaA = { kind: 'rsa', key: keys.rsaA, hash: 'sha256' };
  }, 60_000);

  const rsToken = (payload: unknown = claims, header: Record<string, unknown> = { alg: 'RS256', kid: 'a' }, signer: Signer = rsaA) =>
    signToken(header, payload, signer);
  const hsToken = (payload: unknown = claims, header: Record<string, unknown> = { alg: 'HS256' }) =>
    signToken(header, payload, { kind: 'hmac', secret: keys.secret });
  const verifyRs = (token: string, check: Partial<JwtCheck> = {}, key: KeyObject | KeySet = keySet) => verifyJwt(parseJwt(token), key, { ...rs256, ...check });
  const verifyHs = (token: string, check: Partial<JwtCheck> = {}, key: KeyObject | KeySet = secret) => verifyJwt(parseJwt(token), key, { ...hs256, ...check });

  describe('accepts', () => {
    it('an RS256 token whose kid names a JWKS key, returning the claims set as sent', () => {
      const payload = { ...claims, nonce: 'n', nested: { a: [1, 2] } };
      expect(verifyRs(rsToken(payload))).toEqual(payload);
    });

    it('an RS256 token without a kid when exactly one key fits', () => {
      const token = rsToken(claims, { alg: 'RS256' });
      expect(verifyRs(token, {}, KeySet.parse({ keys: [jwkOf(keys.public.rsaA)] }))).toEqual(claims);
    });

    it('an HS256 token with the app secret, and an aud array that lists the app', () => {
      expect(verifyHs(hsToken({ ...claims, aud: ['other', AUD] }))).toEqual({ ...claims, aud: ['other', AUD] });
    });

    it('exp and nbf on the edge of the tolerance, any typ, and embedded key headers it ignores', () => {
      const payload = { ...claims, exp: NOW - 29, nbf: NOW + 30 };
      expect(verifyHs(hsToken(payload, { alg: 'HS256', typ: 'anything', jku: 'https://attacker.example/jwks', x5u: 'https://attacker.example/c' }))).toEqual(
        payload,
      );
    });

    it('exactly what jose accepts for the same token and options', async () => {
      const token = rsToken();
      const jose = await jwtVerify(token, createLocalJWKSet(jwks as never), {
        issuer: ISS,
        audience: AUD,
        clockTolerance: 30,
        requiredClaims: ['sub', 'iat', 'exp'],
        algorithms: ['RS256'],
        currentDate: rs256.currentDate as Date,
      });
      expect(verifyRs(token)).toEqual(jose.payload);
    });
  });

  describe('refuses, with jose’s code', () => {
    const structural: [string, () => string][] = [
      ['two segments', () => rsToken().split('.').slice(0, 2).join('.')],
      ['a JWE (five segments)', () => `${segment({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`],
      ['a fourth segment', () => `${rsToken()}.e30`],
      ['a header that is not JSON', () => `${segment('{alg')}.${segment(claims)}.c2ln`],
      ['a header that is a JSON array', () => `${segment('[]')}.${segment(claims)}.c2ln`],
      ['an empty header segment', () => `.${segment(claims)}.c2ln`],
      ['no alg', () => rsToken(claims, { kid: 'a' })],
      ['an empty alg', () => rsToken(claims, { alg: '', kid: 'a' })],
      ['a numeric alg', () => rsToken(claims, { alg: 256, kid: 'a' })],
      ['crit that is not an array', () => rsToken(claims, { alg: 'RS256', kid: 'a', crit: 'b64', b64: true })],
      ['an empty crit', () => rsToken(claims, { alg: 'RS256', kid: 'a', crit: [] })],
      ['crit b64 without b64', () => rsToken(claims, { alg: 'RS256', kid: 'a', crit: ['b64'] })],
      ['b64 that is not a boolean', () => rsToken(claims, { alg: 'RS256', kid: 'a', crit: ['b64'], b64: 'false' })],
    ];
    it.each(structural)('ERR_JWS_INVALID: %s', (_name, token) => {
      expect(refusal(() => verifyRs(token()))).toMatchObject({ code: 'ERR_JWS_INVALID' });
    });

    it('decodes a second spelling of a valid signature as jose does (stray trailing bits), and refuses an altered signature', async () => {
      const token = rsToken();
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const respelled = `${token.slice(0, -1)}${alphabet[alphabet.indexOf(token.at(-1) as string) | 3]}`;
      const jose = await jwtVerify(respelled, createLocalJWKSet(jwks as never), {
        issuer: ISS,
        audience: AUD,
        algorithms: ['RS256'],
        currentDate: rs256.currentDate as Date,
      });
      expect(jose.payload).toEqual(claims);
      expect(verifyRs(respelled)).toEqual(claims);
      const altered = `${token.slice(0, -6)}${token.slice(-6, -5) === 'A' ? 'B' : 'A'}${token.slice(-5)}`;
      expect(refusal(() => verifyRs(altered))).toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    });

    it('ERR_JOSE_ALG_NOT_ALLOWED: none, RS512, ES256, and HS256 where only RS256 is allowed (key confusion)', () => {
      for (const alg of ['none', 'RS512', 'ES256', 'HS256']) {
        expect(refusal(() => verifyRs(rsToken(claims, { alg, kid: 'a' })))).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
      }
      expect(refusal(() => verifyRs(rsToken(), { algorithms: [] }))).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
    });

    it('ERR_JOSE_NOT_SUPPORTED: an unknown critical extension, and HS256 through a key set', () => {
      expect(refusal(() => verifyRs(rsToken(claims, { alg: 'RS256', kid: 'a', crit: ['x-ext'], 'x-ext': 1 })))).toMatchObject({
        code: 'ERR_JOSE_NOT_SUPPORTED',
      });
      const confused = signToken({ alg: 'HS256', kid: 'a' }, claims, { kind: 'hmac', secret: keys.pemSecret });
      expect(refusal(() => verifyRs(confused, { algorithms: ['RS256', 'HS256'] }))).toMatchObject({ code: 'ERR_JOSE_NOT_SUPPORTED' });
    });

    it('ERR_JWS_SIGNATURE_VERIFICATION_FAILED: a flipped bit, a truncated or empty signature, another key, another secret, an altered payload', () => {
      const token = rsToken();
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const sig = Buffer.from(signature, 'base64url');
      sig[7] = (sig[7] as number) ^ 1;
      const altered = segment({ ...claims, sub: 'admin' });
      for (const bad of [
        `${header}.${payload}.${sig.toString('base64url')}`,
        `${header}.${payload}.${signature.slice(0, 40)}`,
        `${header}.${payload}.`,
        rsToken(claims, { alg: 'RS256', kid: 'a' }, { kind: 'rsa', key: keys.rsaB, hash: 'sha256' }),
        `${header}.${altered}.${signature}`,
      ]) {
        expect(refusal(() => verifyRs(bad))).toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
      }
      expect(refusal(() => verifyHs(signToken({ alg: 'HS256' }, claims, { kind: 'hmac', secret: keys.wrongSecret })))).toMatchObject({
        code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      });
    });

    it('ERR_JWS_KEY_UNUSABLE: an RSA key under 2048 bits, an HS256 token against an RSA public key signed with its PEM, RS256 against a secret', () => {
      const small = signToken({ alg: 'RS256', kid: 'small' }, claims, { kind: 'rsa', key: keys.rsaSmall, hash: 'sha256' });
      expect(refusal(() => verifyRs(small, {}, KeySet.parse({ keys: [jwkOf(keys.public.rsaSmall, { kid: 'small' })] })))).toMatchObject({
        code: 'ERR_JWS_KEY_UNUSABLE',
      });
      expect(refusal(() => verifyRs(small, {}, keys.public.rsaSmall))).toMatchObject({ code: 'ERR_JWS_KEY_UNUSABLE' });
      const confused = signToken({ alg: 'HS256' }, claims, { kind: 'hmac', secret: keys.pemSecret });
      expect(refusal(() => verifyRs(confused, { algorithms: ['RS256', 'HS256'] }, keys.public.rsaA))).toMatchObject({ code: 'ERR_JWS_KEY_UNUSABLE' });
      expect(refusal(() => verifyRs(rsToken(), {}, secret))).toMatchObject({ code: 'ERR_JWS_KEY_UNUSABLE' });
      expect(refusal(() => verifyRs(rsToken(), {}, keys.public.ec))).toMatchObject({ code: 'ERR_JWS_KEY_UNUSABLE' });
    });

    it('ERR_JWT_INVALID: a payload that is not a JSON object (after the signature check), and an unencoded payload', () => {
      for (const payload of ['[]', '"claims"', '12', 'null', '{"iss":', '']) {
        expect(refusal(() => verifyHs(hsToken(payload)))).toMatchObject({ code: 'ERR_JWT_INVALID' });
      }
      expect(refusal(() => verifyHs(hsToken(claims, { alg: 'HS256', crit: ['b64'], b64: false })))).toMatchObject({ code: 'ERR_JWT_INVALID' });
      // A bad signature is reported first, as jose does.
      expect(refusal(() => verifyHs(`${hsToken('[]').slice(0, -4)}AAAA`))).toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    });

    it('ERR_JWT_EXPIRED: exp at now minus the tolerance', () => {
      expect(refusal(() => verifyHs(hsToken({ ...claims, exp: NOW - 30 })))).toMatchObject({ code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed' });
    });

    const claimFailures: [string, Record<string, unknown>, Partial<JwtCheck>, string, string][] = [
      ['iss missing', { iss: undefined }, {}, 'iss', 'missing'],
      ['aud missing', { aud: undefined }, {}, 'aud', 'missing'],
      ['a required claim missing (checked last to first)', { sub: undefined, exp: undefined }, {}, 'exp', 'missing'],
      ['another issuer', { iss: 'https://other.example' }, {}, 'iss', 'check_failed'],
      ['another audience', { aud: 'other' }, {}, 'aud', 'check_failed'],
      ['an aud array without the app', { aud: ['other', 5] }, {}, 'aud', 'check_failed'],
      ['an empty aud array', { aud: [] }, {}, 'aud', 'check_failed'],
      ['iat a string', { iat: String(NOW) }, {}, 'iat', 'invalid'],
      ['nbf beyond the tolerance', { nbf: NOW + 31 }, {}, 'nbf', 'check_failed'],
      ['nbf not a number', { nbf: null }, {}, 'nbf', 'invalid'],
      ['exp not a number', { exp: String(NOW + 600) }, {}, 'exp', 'invalid'],
    ];
    it.each(claimFailures)('ERR_JWT_CLAIM_VALIDATION_FAILED: %s', (_name, change, check, claim, reason) => {
      const error = refusal(() => verifyHs(hsToken({ ...claims, ...change }), check));
      expect(error).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim, reason });
    });
  });

  describe('selects keys from a JWKS as createLocalJWKSet does', () => {
    it('counts its members and knows their kids', () => {
      expect(keySet.size).toBe(2);
      expect([keySet.hasKid('a'), keySet.hasKid('b'), keySet.hasKid('c')]).toEqual([true, true, false]);
    });

    it('returns the key the kid names', () => {
      expect(keySet.select({ alg: 'RS256', kid: 'b' }).equals(keys.public.rsaB)).toBe(true);
    });

    it('picks the key type from the alg family and the curve from the alg, as jose does for algs verifyJwt does not take', () => {
      const mixed = KeySet.parse({ keys: [jwkOf(keys.public.rsaA, { kid: 'k' }), jwkOf(keys.public.ec, { kid: 'k' })] });
      expect(mixed.select({ alg: 'PS256', kid: 'k' }).equals(keys.public.rsaA)).toBe(true);
      expect(mixed.select({ alg: 'ES256', kid: 'k' }).equals(keys.public.ec)).toBe(true);
      expect(refusal(() => mixed.select({ alg: 'ES384', kid: 'k' }))).toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
      expect(refusal(() => mixed.select({ alg: 'EdDSA', kid: 'k' }))).toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    });

    const selections: [string, Record<string, unknown>[], Record<string, unknown>, JwtErrorCode][] = [
      ['an unknown kid', [{ kid: 'a' }], { alg: 'RS256', kid: 'z' }, 'ERR_JWKS_NO_MATCHING_KEY'],
      ['a key for encryption', [{ kid: 'a', use: 'enc' }], { alg: 'RS256', kid: 'a' }, 'ERR_JWKS_NO_MATCHING_KEY'],
      ['a key whose key_ops leave out verify', [{ kid: 'a', key_ops: ['sign'] }], { alg: 'RS256', kid: 'a' }, 'ERR_JWKS_NO_MATCHING_KEY'],
      ['a key for another alg', [{ kid: 'a', alg: 'RS512' }], { alg: 'RS256', kid: 'a' }, 'ERR_JWKS_NO_MATCHING_KEY'],
      ['two keys with one kid', [{ kid: 'a' }, { kid: 'a' }], { alg: 'RS256', kid: 'a' }, 'ERR_JWKS_MULTIPLE_MATCHING_KEYS'],
      [
        'two keys and no kid (a kid that is not a string selects nothing)',
        [{ kid: 'a' }, { kid: 'b' }],
        { alg: 'RS256', kid: 5 },
        'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
      ],
      ['an alg no key set serves', [{ kid: 'a' }], { alg: 'HS256', kid: 'a' }, 'ERR_JOSE_NOT_SUPPORTED'],
      ['a member with other primes', [{ kid: 'a', oth: [] }], { alg: 'RS256', kid: 'a' }, 'ERR_JOSE_NOT_SUPPORTED'],
    ];
    it.each(selections)('refuses %s', (_name, extras, header, code) => {
      const set = KeySet.parse({ keys: extras.map((extra, index) => jwkOf(index === 0 ? keys.public.rsaA : keys.public.rsaB, extra)) });
      expect(refusal(() => set.select(header))).toMatchObject({ code });
    });

    it('refuses a malformed set when parsing it, and a selected member that is private or broken when selecting', () => {
      for (const bad of [{ keys: [1] }, { keys: 'k' }, null, [], { keys: [{}, []] }, 'jwks']) {
        expect(refusal(() => KeySet.parse(bad))).toMatchObject({ code: 'ERR_JWKS_INVALID' });
      }
      const set = KeySet.parse({
        keys: [jwkOf(keys.rsaA, { kid: 'private' }), { kty: 'RSA', kid: 'broken', n: 'x', e: 5 }, jwkOf(keys.public.rsaB, { kid: 'b' })],
      });
      expect(refusal(() => set.select({ alg: 'RS256', kid: 'private' }))).toMatchObject({ code: 'ERR_JWKS_INVALID' });
      expect(refusal(() => set.select({ alg: 'RS256', kid: 'broken' }))).toMatchObject({ code: 'ERR_JWKS_INVALID' });
      expect(set.select({ alg: 'RS256', kid: 'b' }).equals(keys.public.rsaB)).toBe(true);
    });
  });
});

import { createSecretKey, type KeyObject } from 'node:crypto';
import { JwtError, parseJwt, verifyJwt, type JwtCheck } from '../src/jwt';
import { makeJwtKeys, segment, signToken, type JwtKeys } from './support/jwt-keys';

const ISS = 'https://tenant.genauth.example/oidc';
const AUD = 'app-5f0c2b';
const NOW = 1_760_000_000;
const check: JwtCheck = { algorithms: ['HS256', 'RS256'], issuer: ISS, audience: AUD, clockToleranceSec: 30, currentDate: new Date(NOW * 1000) };
const good = { iss: ISS, aud: AUD, sub: 'user-7d1a', iat: NOW - 10, exp: NOW + 600 };

interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly claim?: string;
  readonly reason?: string;
}

/** The JwtError `run` throws, as its visible fields (it must throw one). */
function refusal(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return {
      code: error.code,
      message: error.message,
      ...(error.claim === undefined ? {} : { claim: error.claim }),
      ...(error.reason === undefined ? {} : { reason: error.reason }),
    };
  }
  throw new Error('expected a refusal');
}

describe('JWT refusals name the rule, and the claim, they refused', () => {
  let keys: JwtKeys;
  let secret: KeyObject;

  beforeAll(async () => {
    keys = await makeJwtKeys();
    secret = createSecretKey(keys.secret);
  });

  const hs = (payload: unknown, header: Record<string, unknown> = { alg: 'HS256' }) => signToken(header, payload, { kind: 'hmac', secret: keys.secret });
  const verify = (token: string, key: KeyObject = secret, rules: JwtCheck = check) => verifyJwt(parseJwt(token), key, rules);
  const claimsOf = (extra: Record<string, unknown>) => Object.fromEntries(Object.entries({ ...good, ...extra }).filter(([, value]) => value !== undefined));

  describe('the compact form', () => {
    it.each([
      ['two segments', 'a.b'],
      ['four segments', 'a.b.c.d'],
      ['five segments (a JWE)', 'a.b.c.d.e'],
      ['no dot', 'abc'],
    ])('refuses %s as an invalid compact JWS', (_what, token) => {
      expect(refusal(() => parseJwt(token))).toEqual({ code: 'ERR_JWS_INVALID', message: 'Invalid Compact JWS' });
    });

    it('reads a token that starts with a dot as an empty header, not as a malformed compact form', () => {
      expect(refusal(() => parseJwt(`.${segment(good)}.`))).toEqual({ code: 'ERR_JWS_INVALID', message: 'JWS Protected Header is invalid' });
    });

    it.each([['[]'], ['"HS256"'], ['{'], ['null'], ['']])('refuses the header %j as an invalid protected header', (header) => {
      expect(refusal(() => parseJwt(`${segment(header)}.${segment(good)}.`))).toEqual({ code: 'ERR_JWS_INVALID', message: 'JWS Protected Header is invalid' });
    });

    it('reads a header and payload that start with a byte order mark, as jose does', () => {
      const token = `${segment(`\uFEFF${JSON.stringify({ alg: 'HS256' })}`)}.${segment(`\uFEFF${JSON.stringify(good)}`)}`;
      const parsed = parseJwt(`${token}.`);
      expect(parsed.header).toEqual({ alg: 'HS256' });
      expect(parsed.payload).toEqual(good);
      expect(parsed.signingInput).toBe(token);
    });

    it('keeps a payload that is not a JSON object as no claims set, and refuses it only after the signature', () => {
      const token = hs('[1]');
      expect(parseJwt(token).payload).toBeUndefined();
      expect(refusal(() => verify(token))).toEqual({ code: 'ERR_JWT_INVALID', message: 'JWT Claims Set must be a top-level JSON object' });
      const forged = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.alloc(32).toString('base64url')}`;
      expect(refusal(() => verify(forged))).toEqual({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', message: 'signature verification failed' });
    });
  });

  it('gives a refusal that is not about a claim neither a claim nor a reason, and names every refusal JwtError', () => {
    let caught: unknown;
    try {
      parseJwt('a.b');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JwtError);
    expect((caught as JwtError).name).toBe('JwtError');
    expect(Object.keys(caught as object).sort()).toEqual(['code', 'name']);
    expect('claim' in (caught as object)).toBe(false);
    expect('reason' in (caught as object)).toBe(false);
  });

  describe('the header', () => {
    it.each([[{}], [{ alg: '' }], [{ alg: 5 }], [{ alg: null }]])('refuses %j as a missing or invalid alg', (header) => {
      expect(refusal(() => verify(hs(good, header)))).toEqual({
        code: 'ERR_JWS_INVALID',
        message: 'JWS "alg" (Algorithm) Header Parameter missing or invalid',
      });
    });

    it('refuses an alg the check does not allow', () => {
      expect(refusal(() => verify(hs(good), secret, { ...check, algorithms: ['RS256'] }))).toEqual({
        code: 'ERR_JOSE_ALG_NOT_ALLOWED',
        message: '"alg" (Algorithm) Header Parameter value not allowed',
      });
    });

    it.each([[{ crit: 'b64' }], [{ crit: [] }], [{ crit: [''] }], [{ crit: [5] }], [{ crit: ['b64', ''] }]])('refuses the crit of %j as malformed', (extra) => {
      expect(refusal(() => verify(hs(good, { alg: 'HS256', ...extra })))).toEqual({
        code: 'ERR_JWS_INVALID',
        message: '"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present',
      });
    });

    it('refuses a critical extension it does not know, without naming it', () => {
      expect(refusal(() => verify(hs(good, { alg: 'HS256', crit: ['b64', 'zip'], b64: true, zip: 1 })))).toEqual({
        code: 'ERR_JOSE_NOT_SUPPORTED',
        message: 'an Extension Header Parameter in "crit" is not recognized',
      });
    });

    it('refuses b64 named critical but absent, or not a boolean', () => {
      expect(refusal(() => verify(hs(good, { alg: 'HS256', crit: ['b64'] })))).toEqual({
        code: 'ERR_JWS_INVALID',
        message: 'Extension Header Parameter "b64" is missing',
      });
      expect(refusal(() => verify(hs(good, { alg: 'HS256', crit: ['b64'], b64: 'false' })))).toEqual({
        code: 'ERR_JWS_INVALID',
        message: 'The "b64" (base64url-encode payload) Header Parameter must be a boolean',
      });
    });

    it('accepts a critical b64 of true, and refuses b64 false once the signature holds', () => {
      expect(verify(hs(good, { alg: 'HS256', crit: ['b64'], b64: true }))).toEqual(good);
      expect(refusal(() => verify(hs(good, { alg: 'HS256', crit: ['b64'], b64: false })))).toEqual({
        code: 'ERR_JWT_INVALID',
        message: 'JWTs MUST NOT use unencoded payload',
      });
    });

    it('ignores b64 when crit does not name it', () => {
      expect(verify(hs(good, { alg: 'HS256', b64: false }))).toEqual(good);
    });
  });

  describe('the key', () => {
    const rs = (payload: unknown) => signToken({ alg: 'RS256' }, payload, { kind: 'rsa', key: keys.rsaA, hash: 'sha256' });

    it('refuses RS256 against a secret, an EC key or an RSA key under 2048 bits, saying which', () => {
      expect(refusal(() => verify(rs(good), secret))).toEqual({ code: 'ERR_JWS_KEY_UNUSABLE', message: 'a secret key cannot verify RS256' });
      expect(refusal(() => verify(rs(good), keys.public.ec))).toEqual({ code: 'ERR_JWS_KEY_UNUSABLE', message: 'RS256 needs an RSA key' });
      expect(refusal(() => verify(rs(good), keys.public.rsaSmall))).toEqual({
        code: 'ERR_JWS_KEY_UNUSABLE',
        message: 'RS256 requires key modulusLength to be 2048 bits or larger',
      });
    });

    it('refuses HS256 against an RSA key', () => {
      expect(refusal(() => verify(hs(good), keys.public.rsaA))).toEqual({ code: 'ERR_JWS_KEY_UNUSABLE', message: 'HS256 needs a secret key' });
    });

    it('accepts RS256 with a 2048-bit RSA key, again and again', () => {
      expect(verify(rs(good), keys.public.rsaA)).toEqual(good);
      expect(verify(rs(good), keys.public.rsaA)).toEqual(good);
      expect(refusal(() => verify(rs(good), keys.public.rsaB))).toEqual({
        code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
        message: 'signature verification failed',
      });
    });

    it('refuses an HS256 signature of another length without comparing it', () => {
      const token = hs(good);
      const short = token.slice(0, -4);
      expect(refusal(() => verify(short))).toEqual({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', message: 'signature verification failed' });
      expect(refusal(() => verify(`${token.slice(0, token.lastIndexOf('.'))}.`))).toEqual({
        code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
        message: 'signature verification failed',
      });
    });
  });

  describe('the claims', () => {
    it.each([
      ['iss', { iss: undefined }],
      ['aud', { aud: undefined }],
    ])('refuses a token without %s, naming it as missing', (claim, extra) => {
      expect(refusal(() => verify(hs(claimsOf(extra))))).toEqual({
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        message: `missing required "${claim}" claim`,
        claim,
        reason: 'missing',
      });
    });

    it('checks iss and aud for presence before the required claims, and the required claims last to first', () => {
      const rules = { ...check, requiredClaims: ['sub', 'jti', 'nonce'] };
      expect(refusal(() => verify(hs(claimsOf({ aud: undefined, sub: undefined })), secret, rules))).toMatchObject({ claim: 'aud', reason: 'missing' });
      expect(refusal(() => verify(hs(claimsOf({ sub: undefined })), secret, rules))).toMatchObject({
        message: 'missing required "nonce" claim',
        claim: 'nonce',
      });
      expect(refusal(() => verify(hs(claimsOf({ sub: undefined, nonce: 'n' })), secret, rules))).toMatchObject({
        message: 'missing required "jti" claim',
        claim: 'jti',
      });
      expect(refusal(() => verify(hs(claimsOf({ sub: undefined, nonce: 'n', jti: 'j' })), secret, rules))).toMatchObject({
        message: 'missing required "sub" claim',
        claim: 'sub',
      });
      expect(verify(hs(claimsOf({ nonce: 'n', jti: 'j' })), secret, rules)).toMatchObject({ jti: 'j' });
    });

    it('checks required claims before the issuer value', () => {
      expect(
        refusal(() => verify(hs(claimsOf({ iss: 'https://other.example', sub: undefined })), secret, { ...check, requiredClaims: ['sub'] })),
      ).toMatchObject({ claim: 'sub', reason: 'missing' });
    });

    it('refuses another issuer, and needs only its presence when the expected issuer is empty', () => {
      expect(refusal(() => verify(hs(claimsOf({ iss: `${ISS}/` }))))).toEqual({
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        message: 'unexpected "iss" claim value',
        claim: 'iss',
        reason: 'check_failed',
      });
      expect(verify(hs(claimsOf({ iss: 'anything' })), secret, { ...check, issuer: '' })).toMatchObject({ iss: 'anything' });
    });

    it('refuses another audience, takes an array listing ours, and needs only its presence when the expected audience is empty', () => {
      const refused = { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', message: 'unexpected "aud" claim value', claim: 'aud', reason: 'check_failed' };
      expect(refusal(() => verify(hs(claimsOf({ aud: 'other' }))))).toEqual(refused);
      expect(refusal(() => verify(hs(claimsOf({ aud: ['other'] }))))).toEqual(refused);
      expect(refusal(() => verify(hs(claimsOf({ aud: { [AUD]: true } }))))).toEqual(refused);
      expect(verify(hs(claimsOf({ aud: ['other', AUD] })))).toMatchObject({ sub: 'user-7d1a' });
      expect(verify(hs(claimsOf({ aud: 'other' })), secret, { ...check, audience: '' })).toMatchObject({ aud: 'other' });
    });

    it.each([
      ['iat', { iat: String(NOW) }],
      ['nbf', { nbf: null }],
      ['exp', { exp: [NOW + 600] }],
    ])('refuses a %s that is not a number', (claim, extra) => {
      expect(refusal(() => verify(hs(claimsOf(extra))))).toEqual({
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        message: `"${claim}" claim must be a number`,
        claim,
        reason: 'invalid',
      });
    });

    it('accepts nbf up to now plus the tolerance, and refuses it a second later', () => {
      expect(verify(hs(claimsOf({ nbf: NOW + 30 })))).toMatchObject({ nbf: NOW + 30 });
      expect(refusal(() => verify(hs(claimsOf({ nbf: NOW + 31 }))))).toEqual({
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        message: '"nbf" claim timestamp check failed',
        claim: 'nbf',
        reason: 'check_failed',
      });
    });

    it('accepts exp a second after now minus the tolerance, and refuses it at that instant as expired', () => {
      expect(verify(hs(claimsOf({ exp: NOW - 29 })))).toMatchObject({ exp: NOW - 29 });
      expect(refusal(() => verify(hs(claimsOf({ exp: NOW - 30 }))))).toEqual({
        code: 'ERR_JWT_EXPIRED',
        message: '"exp" claim timestamp check failed',
        claim: 'exp',
        reason: 'check_failed',
      });
    });

    it('reads now in whole seconds from the current date, rounding down', () => {
      const late = { ...check, clockToleranceSec: 0, currentDate: new Date(NOW * 1000 + 999) };
      expect(verify(hs(claimsOf({ nbf: NOW })), secret, late)).toMatchObject({ nbf: NOW });
      expect(verify(hs(claimsOf({ exp: NOW + 1 })), secret, late)).toMatchObject({ exp: NOW + 1 });
      expect(refusal(() => verify(hs(claimsOf({ nbf: NOW + 1 })), secret, late))).toMatchObject({ claim: 'nbf' });
    });

    it('takes a token without iat, nbf or exp', () => {
      expect(verify(hs({ iss: ISS, aud: AUD }))).toEqual({ iss: ISS, aud: AUD });
    });
  });
});

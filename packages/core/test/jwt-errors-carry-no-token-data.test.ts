import { createSecretKey, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { jwtVerify } from 'jose';
import { JwtError, KeySet, parseJwt, verifyJwt, type JwtCheck, type JwtErrorCode } from '../src/jwt';
import { jwkOf, makeJwtKeys, signToken, type JwtKeys } from './support/jwt-keys';

const ISS = 'https://tenant.genauth.example/oidc';
const AUD = 'app-5f0c2b';
const NOW = 1_760_000_000;
/** Values no error may show: a user's identity, and header parameters the token chose. */
const PII = { sub: 'user-PII-sub-4711', email: 'pii.han.meimei@example.cn', phone_number: '+86-PII-13900139000', name: '韩梅梅-PII' };
const HEADER_MARKERS = { kid: 'kid-MARKER-9q', crit: 'x-MARKER-ext', typ: 'typ-MARKER' };
const claims = { iss: ISS, aud: AUD, iat: NOW - 10, exp: NOW + 600, ...PII };
const check: JwtCheck = {
  algorithms: ['HS256', 'RS256'],
  issuer: ISS,
  audience: AUD,
  clockToleranceSec: 0,
  requiredClaims: ['sub', 'iat', 'exp'],
  currentDate: new Date(NOW * 1000),
};

/** Everything a log line or error tracker could print of an error, down its cause chain. */
function everythingShown(error: unknown): string {
  const seen: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 10; depth += 1) {
    seen.push(`${current as string}`, inspect(current, { showHidden: true, depth: Infinity }), JSON.stringify(current) ?? '');
    if (current instanceof Error) {
      seen.push(
        current.stack ?? '',
        ...Object.getOwnPropertyNames(current).map((name) => inspect((current as Record<string, unknown>)[name], { showHidden: true, depth: Infinity })),
      );
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return seen.join('\n');
}

function leaks(error: unknown, token: string): string[] {
  const shown = everythingShown(error);
  const secrets = [...Object.values(PII), ...Object.values(HEADER_MARKERS), ...token.split('.').filter((part) => part.length >= 8)];
  return secrets.filter((value) => shown.includes(value));
}

describe('JwtError', () => {
  let keys: JwtKeys;
  let secret: KeyObject;
  let keySet: KeySet;

  beforeAll(async () => {
    keys = await makeJwtKeys();
    secret = createSecretKey(keys.secret);
    keySet = KeySet.parse({
      keys: [
        jwkOf(keys.public.rsaA, { kid: 'a' }),
        jwkOf(keys.public.rsaB, { kid: 'a' }),
        jwkOf(keys.public.rsaSmall, { kid: 'small' }),
        jwkOf(keys.rsaB, { kid: 'private' }),
      ],
    });
  }, 60_000);

  const hs = (payload: unknown, header: Record<string, unknown> = {}) =>
    signToken({ alg: 'HS256', typ: HEADER_MARKERS.typ, ...header }, payload, { kind: 'hmac', secret: keys.secret });
  const rs = (header: Record<string, unknown>, key: KeyObject = keys.rsaA) =>
    signToken({ alg: 'RS256', typ: HEADER_MARKERS.typ, ...header }, claims, { kind: 'rsa', key, hash: 'sha256' });

  /** One token per refusal (with the key it is checked against), every one carrying the user's data. */
  const cases = (): [JwtErrorCode, string, KeyObject | KeySet][] => [
    ['ERR_JWS_INVALID', `${hs(claims)}.extra`, secret],
    ['ERR_JWS_INVALID', hs(claims, { crit: ['b64'] }), secret],
    ['ERR_JOSE_NOT_SUPPORTED', hs(claims, { crit: [HEADER_MARKERS.crit], [HEADER_MARKERS.crit]: 1 }), secret],
    ['ERR_JOSE_ALG_NOT_ALLOWED', signToken({ alg: 'none', kid: HEADER_MARKERS.kid }, claims, { kind: 'none' }), secret],
    ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', signToken({ alg: 'HS256' }, claims, { kind: 'hmac', secret: keys.wrongSecret }), secret],
    ['ERR_JWS_KEY_UNUSABLE', rs({ kid: 'small' }, keys.rsaSmall), keySet],
    ['ERR_JWT_INVALID', hs(claims, { crit: ['b64'], b64: false }), secret],
    ['ERR_JWT_INVALID', hs(`[${JSON.stringify(PII)}]`), secret],
    ['ERR_JWT_EXPIRED', hs({ ...claims, exp: NOW }), secret],
    ['ERR_JWT_CLAIM_VALIDATION_FAILED', hs({ ...claims, iss: PII.email }), secret],
    ['ERR_JWT_CLAIM_VALIDATION_FAILED', hs({ ...claims, aud: [PII.phone_number] }), secret],
    ['ERR_JWT_CLAIM_VALIDATION_FAILED', hs({ ...claims, iat: PII.name }), secret],
    ['ERR_JWT_CLAIM_VALIDATION_FAILED', hs({ ...claims, nbf: NOW + 1 }), secret],
    ['ERR_JWKS_NO_MATCHING_KEY', rs({ kid: HEADER_MARKERS.kid }), keySet],
    ['ERR_JWKS_MULTIPLE_MATCHING_KEYS', rs({ kid: 'a' }), keySet],
    ['ERR_JWKS_INVALID', rs({ kid: 'private' }, keys.rsaB), keySet],
  ];

  it('never shows the token, its header parameters or its claims: message, properties, inspect, JSON, stack, causes', () => {
    const codes = new Set<string>();
    for (const [code, token, key] of cases()) {
      let error: unknown;
      try {
        verifyJwt(parseJwt(token), key, check);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(JwtError);
      expect((error as JwtError).code).toBe(code);
      expect((error as JwtError).cause).toBeUndefined();
      expect([code, leaks(error, token)]).toEqual([code, []]);
      codes.add(code);
    }
    expect(codes.size).toBe(11);
  });

  it('nor does a malformed key set refused while it is parsed', () => {
    const jwks = { keys: [{ kty: 'RSA', kid: PII.email }, PII.phone_number] };
    let error: unknown;
    try {
      KeySet.parse(jwks);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'ERR_JWKS_INVALID' });
    expect(leaks(error, '')).toEqual([]);
  });

  it('while jose’s own claim errors do show the payload (what this replaces, and proof the check above can fail)', async () => {
    const token = hs({ ...claims, iss: 'https://other.example' });
    const error: unknown = await jwtVerify(token, keys.secret, { issuer: ISS, audience: AUD, currentDate: check.currentDate as Date }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
    expect(leaks(error, token)).toEqual(expect.arrayContaining([PII.email, PII.phone_number]));
  });

  it('is a plain Error with a name, a code and, for claims, the claim name and reason only', () => {
    const error = new JwtError('ERR_JWT_EXPIRED', '"exp" claim timestamp check failed', 'exp', 'check_failed');
    expect(error).toBeInstanceOf(Error);
    expect({ ...error }).toEqual({ code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed', name: 'JwtError' });
    expect(Object.keys(new JwtError('ERR_JWS_INVALID', 'x')).sort()).toEqual(['code', 'name']);
  });
});

import { createSecretKey } from 'node:crypto';
import { JwtError, KeySet, parseJwt, verifyJwt, type JwtCheck, type ParsedJwt } from '../src/jwt';
import { signatureValid } from '../src/jwt/signature';
import { jwkOf, makeJwtKeys, signToken, type JwtKeys } from './support/jwt-keys';

const check: JwtCheck = { algorithms: ['RS256', 'HS256'], issuer: 'https://issuer.example', audience: 'app', clockToleranceSec: 0 };

/** The error `run` throws (it must throw). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the JWT verifier refuses inputs it cannot check, naming why', () => {
  let keys: JwtKeys;

  beforeAll(async () => {
    keys = await makeJwtKeys();
  });

  it('refuses a token that is not a string as an invalid compact JWS', () => {
    const error = thrown(() => parseJwt(42 as unknown as string));
    expect(error).toBeInstanceOf(JwtError);
    expect(error).toMatchObject({ code: 'ERR_JWS_INVALID', message: 'Compact JWS must be a string' });
  });

  it('refuses to verify anything but what parseJwt returned, with a TypeError saying so', () => {
    const lookalike = { header: { alg: 'HS256' }, payload: {}, signingInput: 'a.b', signature: Buffer.alloc(0) } as unknown as ParsedJwt;
    const error = thrown(() => verifyJwt(lookalike, createSecretKey(keys.secret), check));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('verifyJwt needs the ParsedJwt that parseJwt returned');
  });

  it('refuses to check a signature of any algorithm but RS256 and HS256', () => {
    for (const alg of ['ES256', 'none', 'RS512']) {
      const error = thrown(() => signatureValid(alg, keys.public.rsaA, 'a.b', Buffer.alloc(0)));
      expect(error).toBeInstanceOf(JwtError);
      expect(error).toMatchObject({ code: 'ERR_JOSE_NOT_SUPPORTED', message: 'only RS256 and HS256 are supported by this verifier' });
    }
  });

  it('refuses a key that is not a KeyObject, naming the algorithm it was meant for', () => {
    const pem = keys.public.rsaA.export({ format: 'pem', type: 'spki' });
    for (const alg of ['RS256', 'HS256']) {
      const error = thrown(() => signatureValid(alg, pem, 'a.b', Buffer.alloc(0)));
      expect(error).toBeInstanceOf(JwtError);
      expect(error).toMatchObject({ code: 'ERR_JWS_KEY_UNUSABLE', message: `the key for ${alg} must be a KeyObject` });
    }
  });

  it('answers "not valid" for an RS256 signature the crypto layer cannot even read', () => {
    expect(signatureValid('RS256', keys.public.rsaA, 'a.b', null as unknown as Buffer)).toBe(false);
  });

  it('accepts a correct RS256 signature and refuses one over other bytes', () => {
    const token = signToken({ alg: 'RS256' }, { sub: 'u' }, { kind: 'rsa', key: keys.rsaA, hash: 'sha256' });
    const parsed = parseJwt(token);
    expect(signatureValid('RS256', keys.public.rsaA, parsed.signingInput, parsed.signature)).toBe(true);
    expect(signatureValid('RS256', keys.public.rsaA, `${parsed.signingInput}x`, parsed.signature)).toBe(false);
  });

  it('refuses a key set member that carries "oth" (multi-prime RSA) when a token selects it', () => {
    const set = KeySet.parse({ keys: [jwkOf(keys.public.rsaA, { kid: 'a', oth: [] })] });
    const error = thrown(() => set.select({ alg: 'RS256', kid: 'a' }));
    expect(error).toBeInstanceOf(JwtError);
    expect(error).toMatchObject({ code: 'ERR_JOSE_NOT_SUPPORTED', message: 'RSA JWK "oth" (Other Primes Info) Parameter value is not supported' });
  });
});

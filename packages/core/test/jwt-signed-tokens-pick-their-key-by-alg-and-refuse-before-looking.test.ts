import { createSecretKey } from 'node:crypto';
import { MockAgent } from 'undici';
import { JwksCache } from '../src/jwks-cache';
import { JwtError, parseJwt } from '../src/jwt';
import { hmacKey, nowSeconds, verifySignedToken, type SignedTokenRules } from '../src/signed-token';
import { jwkOf, makeJwtKeys, signToken, type JwtKeys } from './support/jwt-keys';
import { failureOf } from './support/failures';

const ORIGIN = 'https://tenant.genauth.example';
const ISSUER = `${ORIGIN}/oidc`;
const AUDIENCE = 'app-5f0c2b';

describe('signed tokens pick their key by alg and refuse before looking at one', () => {
  let keys: JwtKeys;
  let agent: MockAgent;
  let fetches: number;

  beforeAll(async () => {
    keys = await makeJwtKeys();
  });

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    fetches = 0;
    agent
      .get(ORIGIN)
      .intercept({ path: '/oidc/.well-known/jwks.json', method: 'GET' })
      .reply(() => {
        fetches += 1;
        return { statusCode: 200, data: JSON.stringify({ keys: [jwkOf(keys.public.rsaA, { kid: 'a' })] }) };
      })
      .persist();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await agent.close();
  });

  function rules(overrides: Partial<SignedTokenRules> = {}): SignedTokenRules {
    const jwks = new JwksCache({ uri: `${ORIGIN}/oidc/.well-known/jwks.json`, dispatcher: agent, timeoutMs: 5_000, cooldownMs: 0, maxAgeMs: 600_000 });
    return {
      algorithms: ['HS256', 'RS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockToleranceSec: 0,
      requiredClaims: ['sub'],
      jwks,
      secret: createSecretKey(keys.secret),
      ...overrides,
    };
  }

  const now = () => Math.floor(Date.now() / 1000);
  const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'user-7d1a', iat: now() - 10, exp: now() + 600 };
  const hs256 = (header: Record<string, unknown> = {}) => signToken({ alg: 'HS256', ...header }, claims, { kind: 'hmac', secret: keys.secret });
  const rs256 = (header: Record<string, unknown> = {}) =>
    signToken({ alg: 'RS256', kid: 'a', ...header }, claims, { kind: 'rsa', key: keys.rsaA, hash: 'sha256' });

  it('verifies an HS256 token with the app secret synchronously, without fetching keys', () => {
    const payload = verifySignedToken(hs256(), rules());
    expect(payload).not.toBeInstanceOf(Promise);
    expect(payload).toMatchObject({ sub: 'user-7d1a' });
    expect(fetches).toBe(0);
  });

  it('verifies an RS256 token through a promise while the key set is fetched, synchronously once it is cached', async () => {
    const rs = rules();
    const pending = verifySignedToken(rs256(), rs);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toMatchObject({ sub: 'user-7d1a' });
    const cached = verifySignedToken(parseJwt(rs256()), rs);
    expect(cached).not.toBeInstanceOf(Promise);
    expect(cached).toMatchObject({ sub: 'user-7d1a' });
    expect(fetches).toBe(1);
  });

  it.each([['none'], ['RS512'], [''], [5]])('refuses alg %j before any key is looked at', async (alg) => {
    const token = signToken({ alg }, claims, { kind: 'hmac', secret: keys.secret });
    const error = await failureOf(() => verifySignedToken(token, rules()));
    expect(error).toBeInstanceOf(JwtError);
    expect(error).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED', message: '"alg" (Algorithm) Header Parameter value not allowed' });
    expect(fetches).toBe(0);
  });

  it('refuses an alg the rules leave out even when the verifier could check it', async () => {
    const error = await failureOf(() => verifySignedToken(hs256(), rules({ algorithms: ['RS256'] })));
    expect(error).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
  });

  it.each([[5], [null], [['a']]])('refuses a kid of %j, which is not a string, before any key lookup', async (kid) => {
    const error = await failureOf(() => verifySignedToken(rs256({ kid }), rules()));
    expect(error).toBeInstanceOf(JwtError);
    expect(error).toMatchObject({ code: 'ERR_JWS_INVALID', message: 'JWS "kid" Header Parameter must be a string' });
    expect(fetches).toBe(0);
  });

  it('refuses an HS256 token when the app has no secret, without fetching keys', async () => {
    const error = await failureOf(() => verifySignedToken(hs256(), rules({ secret: undefined })));
    expect(error).toBeInstanceOf(JwtError);
    expect(error).toMatchObject({ code: 'ERR_JWS_KEY_UNUSABLE', message: 'HS256 needs the app secret' });
    expect(fetches).toBe(0);
  });

  it('makes the app secret an HMAC key of its UTF-8 bytes, and no key without one', () => {
    const key = hmacKey('秘密-secret');
    expect(key?.type).toBe('secret');
    expect(key?.export().equals(Buffer.from('秘密-secret', 'utf8'))).toBe(true);
    expect(hmacKey(undefined)).toBeUndefined();
  });

  it('counts whole seconds since the epoch, rounding down', () => {
    jest.spyOn(Date, 'now').mockReturnValue(1_760_000_000_999);
    expect(nowSeconds()).toBe(1_760_000_000);
  });
});

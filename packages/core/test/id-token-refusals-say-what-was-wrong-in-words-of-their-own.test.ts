import { createSecretKey } from 'node:crypto';
import { IdTokenError } from '@passport-genauth/core';
import { MockAgent } from 'undici';
import { IdTokenVerifier, type IdTokenVerifierOptions } from '../src/id-token';
import { JwksCache } from '../src/jwks-cache';
import { jwkOf, makeJwtKeys, segment, signToken, type JwtKeys } from './support/jwt-keys';
import { rejectionOf } from './support/failures';

const ORIGIN = 'https://tenant.genauth.example';
const ISSUER = `${ORIGIN}/oidc`;
const AUDIENCE = 'app-5f0c2b';

describe('id_token refusals say what was wrong in words of their own', () => {
  let keys: JwtKeys;
  let agent: MockAgent;
  let jwksBody: string;

  beforeAll(async () => {
    keys = await makeJwtKeys();
  });

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    jwksBody = JSON.stringify({ keys: [jwkOf(keys.public.rsaA, { kid: 'a' })] });
    agent
      .get(ORIGIN)
      .intercept({ path: '/oidc/.well-known/jwks.json', method: 'GET' })
      .reply(() => ({ statusCode: 200, data: jwksBody }))
      .persist();
  });

  afterEach(async () => {
    await agent.close();
  });

  function verifier(overrides: Partial<IdTokenVerifierOptions> = {}): IdTokenVerifier {
    const jwks = new JwksCache({ uri: `${ORIGIN}/oidc/.well-known/jwks.json`, dispatcher: agent, timeoutMs: 5_000, cooldownMs: 0, maxAgeMs: 600_000 });
    return new IdTokenVerifier({
      verify: true,
      issuer: ISSUER,
      audience: AUDIENCE,
      clockToleranceSec: 0,
      secret: createSecretKey(keys.secret),
      jwks,
      ...overrides,
    });
  }

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({ iss: ISSUER, aud: AUDIENCE, sub: 'user-7d1a', iat: now() - 10, exp: now() + 600, ...extra });
  const hs256 = (payload: unknown) => signToken({ alg: 'HS256', typ: 'JWT' }, payload, { kind: 'hmac', secret: keys.secret });
  const rs256 = (payload: unknown, kid = 'a') => signToken({ alg: 'RS256', kid }, payload, { kind: 'rsa', key: keys.rsaA, hash: 'sha256' });

  describe('when idToken.verify is false', () => {
    it('refuses a token that is not a compact JWS as not a valid JWT', async () => {
      const error = await rejectionOf(verifier({ verify: false }).verify('not-a-jwt'));
      expect(error).toBeInstanceOf(IdTokenError);
      expect(error).toMatchObject({ code: 'GENAUTH_ID_TOKEN', status: 401, message: 'id_token is not a valid JWT' });
    });

    it('refuses a token whose payload is not a JSON object as not a valid JWT', async () => {
      const token = `${segment({ alg: 'HS256' })}.${segment('[1,2]')}.${segment('sig')}`;
      const error = await rejectionOf(verifier({ verify: false }).verify(token));
      expect(error).toBeInstanceOf(IdTokenError);
      expect(error).toMatchObject({ code: 'GENAUTH_ID_TOKEN', status: 401, message: 'id_token is not a valid JWT' });
    });

    it('still hands back the claims of a token that decodes', async () => {
      await expect(verifier({ verify: false }).verify(hs256(claims({ sub: 'decoded' })))).resolves.toMatchObject({ sub: 'decoded' });
    });
  });

  it('says an issuer that is not a string is "not a string", next to the issuer it expects', async () => {
    const error = await rejectionOf(verifier().verify(hs256(claims({ iss: 5 }))));
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as Error).message).toBe(
      `id_token "iss" claim check failed: it is not a string but this client expects ${JSON.stringify(ISSUER)}; if that is your GenAuth application's issuer, set appHost (or idToken.issuer) to match`,
    );
  });

  it('quotes a string issuer it did not expect', async () => {
    const error = await rejectionOf(verifier().verify(hs256(claims({ iss: 'https://other.example/oidc' }))));
    expect((error as Error).message).toMatch(/^id_token "iss" claim check failed: it is "https:\/\/other\.example\/oidc" but this client expects/);
  });

  it('says a token selecting a key set member it cannot use "could not be verified", keeping the JwtError as the cause', async () => {
    jwksBody = JSON.stringify({ keys: [jwkOf(keys.rsaA, { kid: 'a' })] });
    const error = await rejectionOf(verifier().verify(rs256(claims())));
    expect(error).toBeInstanceOf(IdTokenError);
    expect(error).toMatchObject({ code: 'GENAUTH_ID_TOKEN', status: 401, message: 'id_token could not be verified' });
    expect((error as Error).cause).toMatchObject({ name: 'JwtError', code: 'ERR_JWKS_INVALID' });
  });

  it('calls an RS256 token from a key too small to trust an invalid signature, also on a client without an app secret', async () => {
    jwksBody = JSON.stringify({ keys: [jwkOf(keys.public.rsaSmall, { kid: 'small' })] });
    const token = signToken({ alg: 'RS256', kid: 'small' }, claims(), { kind: 'rsa', key: keys.rsaSmall, hash: 'sha256' });
    const error = await rejectionOf(verifier({ secret: undefined }).verify(token));
    expect(error).toBeInstanceOf(IdTokenError);
    expect(error).toMatchObject({ code: 'GENAUTH_ID_TOKEN', status: 401, message: 'id_token signature is invalid' });
    expect((error as Error).cause).toMatchObject({ code: 'ERR_JWS_KEY_UNUSABLE' });
  });

  it('tells a client without an app secret that an HS256 token needs one', async () => {
    const error = await rejectionOf(verifier({ secret: undefined }).verify(hs256(claims())));
    expect(error).toMatchObject({
      code: 'GENAUTH_ID_TOKEN',
      message: 'id_token is HS256 but no appSecret is configured: set appSecret, or switch the app to RS256 id_tokens',
    });
  });

  it('says a failure that is neither a JwtError nor a GenAuth error "could not be verified"', async () => {
    const jwks = {
      keyFor: () => {
        throw new RangeError('a key store failed');
      },
    } as unknown as JwksCache;
    const error = await rejectionOf(verifier({ jwks }).verify(rs256(claims())));
    expect(error).toBeInstanceOf(IdTokenError);
    expect(error).toMatchObject({ code: 'GENAUTH_ID_TOKEN', status: 401, message: 'id_token could not be verified' });
  });
});

import { createHash } from 'node:crypto';
import type { ProviderIdentity } from '../src/index';
import { basic, signinBody, startHarness, verifyJwt, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    apps: [
      { appId: 'rs-app', appSecret: 'rs-secret', tokenEndpointAuthMethod: 'client_secret_basic' },
      { appId: 'hs-app', appSecret: 'hs+secret/=:', tokenEndpointAuthMethod: 'client_secret_post', idTokenSigningAlg: 'HS256' },
    ],
    tokenLifetimes: { accessToken: 3600, idToken: 600 },
  });
});
afterAll(() => h.close());

const RS = { 'x-authing-app-id': 'rs-app', authorization: basic('rs-app', 'rs-secret') };
const sub = createHash('sha256').update('google:liz').digest('hex').slice(0, 24);

const LIZ: ProviderIdentity = { user: 'liz', name: 'Liz Lemon', email: 'liz@example.com', phone: '+8613800000000' };

async function loginAs(scope: string | undefined, identity: ProviderIdentity = LIZ) {
  const credential = h.emulator.mintCredential('google', identity);
  const answer = await h.signin(signinBody('google', 'googlePayload', credential, scope === undefined ? {} : { options: { scope } }), RS);
  expect(answer.json.statusCode).toBe(200);
  return answer.json.data as Record<string, any>;
}

const BASE = ['aud', 'auth_time', 'exp', 'iat', 'iss', 'sub'];

describe('claims by scope', () => {
  it('releases only the base claims for openid', async () => {
    const data = await loginAs('openid');
    const { claims } = verifyJwt(data['id_token'], h.emulator.jwks());
    expect(Object.keys(claims).sort()).toEqual(BASE);
    expect(claims).toMatchObject({ iss: `${h.url}/oidc`, aud: 'rs-app', sub });
    expect(claims['auth_time']).toBe(claims['iat']);
    expect(data['scope']).toBe('openid');
  });

  it('defaults to openid profile', async () => {
    const data = await loginAs(undefined);
    const { claims } = verifyJwt(data['id_token'], h.emulator.jwks());
    expect(data['scope']).toBe('openid profile');
    expect(claims).toMatchObject({
      name: 'Liz Lemon',
      nickname: 'liz',
      given_name: 'Liz',
      family_name: 'Lemon',
      picture: `https://avatars.genauth-emulator.invalid/${sub}.png`,
    });
    expect(claims['updated_at']).toBe(claims['iat']);
    expect(claims['email']).toBeUndefined();
  });

  it('adds preferred_username, email and phone claims for their scopes', async () => {
    const data = await loginAs('openid  username email phone');
    const { claims } = verifyJwt(data['id_token'], h.emulator.jwks());
    expect(data['scope']).toBe('openid username email phone');
    expect(Object.keys(claims).sort()).toEqual([...BASE, 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'preferred_username'].sort());
    expect(claims).toMatchObject({
      preferred_username: 'liz',
      email: 'liz@example.com',
      email_verified: true,
      phone_number: '+8613800000000',
      phone_number_verified: true,
    });
  });

  it('leaves out email and phone the provider user does not have', async () => {
    const data = await loginAs('openid email phone', { user: 'liz' });
    const { claims } = verifyJwt(data['id_token'], h.emulator.jwks());
    expect(Object.keys(claims).sort()).toEqual(BASE);
  });

  it('returns a refresh_token only with offline_access', async () => {
    expect(await loginAs('openid profile')).not.toHaveProperty('refresh_token');
    const data = await loginAs('openid offline_access');
    expect(data['refresh_token']).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('tokens', () => {
  it('signs the access_token with RS256 and a kid, with exactly jti, sub, iat, exp, scope, iss, aud in that order', async () => {
    const data = await loginAs('openid email');
    const { header, claims } = verifyJwt(data['access_token'], h.emulator.jwks());
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: h.emulator.currentKid });
    expect(h.emulator.currentKid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(claims)).toEqual(['jti', 'sub', 'iat', 'exp', 'scope', 'iss', 'aud']);
    expect(claims).toMatchObject({ sub, scope: 'openid email', iss: `${h.url}/oidc`, aud: 'rs-app' });
    expect(claims['jti']).toMatch(/^[A-Za-z0-9_-]{21}$/);
    const second = verifyJwt((await loginAs('openid email'))['access_token'], h.emulator.jwks()).claims;
    expect(second['jti']).not.toBe(claims['jti']);
  });

  it('applies the configured lifetimes', async () => {
    const data = await loginAs('openid');
    expect(data['expire_in']).toBe(3600);
    expect(data['expires_in']).toBe(3600);
    const access = verifyJwt(data['access_token'], h.emulator.jwks()).claims as Record<string, number>;
    const id = verifyJwt(data['id_token'], h.emulator.jwks()).claims as Record<string, number>;
    expect(access['exp']! - access['iat']!).toBe(3600);
    expect(id['exp']! - id['iat']!).toBe(600);
    expect(Math.abs(id['iat']! - Date.now() / 1000)).toBeLessThan(5);
  });

  it('signs an HS256 app id_token with the app secret, still RS256 for its access_token', async () => {
    const credential = h.emulator.mintCredential('wechat', { user: 'max' });
    const answer = await h.signin(signinBody('wechat', 'wechatPayload', credential, { client_id: 'hs-app', client_secret: 'hs+secret/=:' }), {
      'x-authing-app-id': 'hs-app',
    });
    const id = verifyJwt(answer.json.data.id_token, { keys: [] }, 'hs+secret/=:');
    expect(id.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(id.claims['aud']).toBe('hs-app');
    expect(() => verifyJwt(answer.json.data.id_token, { keys: [] }, 'other-secret')).toThrow('bad HS256 signature');
    expect(verifyJwt(answer.json.data.access_token, h.emulator.jwks()).header['alg']).toBe('RS256');
  });

  it('takes iss from the Host header the client used', async () => {
    const credential = h.emulator.mintCredential('google', { user: 'liz' });
    const answer = await h.signin(signinBody('google', 'googlePayload', credential), { ...RS, host: 'genauth.localtest:8443' });
    expect(verifyJwt(answer.json.data.id_token, h.emulator.jwks()).claims['iss']).toBe('http://genauth.localtest:8443/oidc');
  });
});

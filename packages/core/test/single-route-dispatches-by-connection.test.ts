import { startEmulator, DEMO_APP, type Emulator } from '@passport-genauth/emulator';
import { loginApp } from '@passport-genauth/testing';
import request from 'supertest';
import { ConfigurationError, GenAuthClient, GenAuthMobileStrategy, authorizationCodeProvider, accessTokenProvider, defineStrategy } from '../src';

const apple = authorizationCodeProvider({ connection: 'apple', payloadKey: 'applePayload', title: 'Apple' });
const facebook = accessTokenProvider({ connection: 'facebook', payloadKey: 'facebookPayload', title: 'Facebook' });
class AppleStrategy extends defineStrategy(apple) {}
class FacebookStrategy extends defineStrategy(facebook) {}

describe('GenAuthMobileStrategy (genauth-mobile)', () => {
  let emulator: Emulator;
  let client: GenAuthClient;
  beforeAll(async () => {
    emulator = await startEmulator();
    client = new GenAuthClient({ appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: 'client_secret_basic' });
  });
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  const app = () =>
    loginApp([
      new GenAuthMobileStrategy({
        strategies: [
          new AppleStrategy({ client, extIdpConnidentifier: 'apple' }, async (_t, profile) => ({ id: profile.id, via: 'apple' })),
          new FacebookStrategy({ client, extIdpConnidentifier: 'facebook', credentialSources: { bearer: true } }, async (_t, profile) => ({
            id: profile.id,
            via: 'facebook',
          })),
        ],
      }) as never,
    ]);

  it('runs the strategy registered for the connection named in the body, with its own verify', async () => {
    const credential = emulator.mintCredential('apple', { user: 'ann' });
    const res = await request(app())
      .post('/login/genauth-mobile')
      .send({ connection: 'apple', ...credential });
    expect(res.status).toBe(200);
    expect(res.body.user.via).toBe('apple');
    expect(emulator.requests.at(-1)?.body).toMatchObject({ connection: 'apple', applePayload: credential });
  });

  it('dispatches on the connection from the query string, and a token provider that opted in accepts Bearer', async () => {
    const { access_token } = emulator.mintCredential('facebook', { user: 'fay' });
    const res = await request(app()).post('/login/genauth-mobile?connection=facebook').set('authorization', `Bearer ${access_token}`).send({});
    expect(res.status).toBe(200);
    expect(res.body.user.via).toBe('facebook');
  });

  it('answers 400 listing the accepted connections when connection is missing or not registered, without calling GenAuth', async () => {
    const before = emulator.stats().received;
    const missing = await request(app()).post('/login/genauth-mobile').send({ code: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('Invalid mobile sign-in request: connection is required: one of apple, facebook');
    const unknown = await request(app()).post('/login/genauth-mobile').send({ connection: 'wechat', code: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('connection must be one of apple, facebook');
    expect(emulator.stats().received).toBe(before);
  });

  it("reads the connection from the x-genauth-connection header, never from HTTP's Connection header", async () => {
    const credential = emulator.mintCredential('apple', { user: 'hal' });
    const res = await request(app()).post('/login/genauth-mobile').set('x-genauth-connection', 'apple').set('connection', 'keep-alive').send(credential);
    expect(res.status).toBe(200);
    expect(res.body.user.via).toBe('apple');
  });

  it('refuses two strategies for one connection, and an empty list, at construction', () => {
    const one = () => new AppleStrategy({ client, extIdpConnidentifier: 'apple' }, async () => ({}));
    expect(() => new GenAuthMobileStrategy({ strategies: [one(), one()] })).toThrow(ConfigurationError);
    expect(() => new GenAuthMobileStrategy({ strategies: [] })).toThrow(/register at least one/);
  });
});

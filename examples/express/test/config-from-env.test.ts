import request from 'supertest';
import { createApp } from '../src/app';
import { EnvConfigError, idpVariable, readConfig } from '../src/config';
import { connectGenAuth } from '../src/connect';

describe('readConfig', () => {
  it('chooses the embedded emulator when no GENAUTH_APP_* variable is set', () => {
    expect(readConfig({ PATH: '/usr/bin' })).toEqual({ mode: 'emulator', identitySources: {} });
  });

  it('reads a real GenAuth application and its identity sources from the variables', () => {
    const config = readConfig({
      GENAUTH_APP_HOST: 'https://my-app.genauth.ai',
      GENAUTH_APP_ID: '6063fb2f3c',
      GENAUTH_APP_SECRET: 's3cret',
      GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD: 'client_secret_basic',
      GENAUTH_IDP_WECHAT: 'wechat-mobile',
      GENAUTH_IDP_LARK_INTERNAL: 'lark-corp',
    });
    expect(config).toEqual({
      mode: 'genauth',
      client: { appHost: 'https://my-app.genauth.ai', appId: '6063fb2f3c', appSecret: 's3cret', tokenEndpointAuthMethod: 'client_secret_basic' },
      identitySources: { wechat: 'wechat-mobile', lark_internal: 'lark-corp' },
    });
  });

  it('leaves the secret and the method out for a public app', () => {
    expect(readConfig({ GENAUTH_APP_HOST: 'https://my-app.genauth.ai', GENAUTH_APP_ID: 'app' })).toEqual({
      mode: 'genauth',
      client: { appHost: 'https://my-app.genauth.ai', appId: 'app' },
      identitySources: {},
    });
  });

  it('rejects an authentication method GenAuth does not offer, naming the variable and the choices', () => {
    const read = () => readConfig({ GENAUTH_APP_HOST: 'https://a.genauth.ai', GENAUTH_APP_ID: 'app', GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD: 'basic' });
    expect(read).toThrow(EnvConfigError);
    expect(read).toThrow("GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD must be one of none, client_secret_post, client_secret_basic (got 'basic')");
  });

  it('lists every missing variable at once', () => {
    try {
      readConfig({ GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD: 'client_secret_post' });
      throw new Error('readConfig did not throw');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvConfigError);
      expect((error as EnvConfigError).problems).toEqual([
        expect.stringMatching(/^GENAUTH_APP_HOST is required/),
        expect.stringMatching(/^GENAUTH_APP_ID is required/),
        'GENAUTH_APP_SECRET is required with GENAUTH_TOKEN_ENDPOINT_AUTH_METHOD=client_secret_post',
      ]);
    }
  });

  it('rejects an identity-source variable that names no connection', () => {
    expect(() => readConfig({ GENAUTH_IDP_WEIXIN: 'x' })).toThrow(/GENAUTH_IDP_WEIXIN does not name a connection/);
  });

  it('names the identity-source variable of a connection in upper case', () => {
    expect(idpVariable('wechat_mini_program_code')).toBe('GENAUTH_IDP_WECHAT_MINI_PROGRAM_CODE');
  });
});

describe('connectGenAuth', () => {
  it('starts the emulator for the emulator config, says so first, and logs in with its identity sources', async () => {
    const genauth = await connectGenAuth(readConfig({ GENAUTH_IDP_WECHAT: 'wechat-mobile' }));
    try {
      expect(genauth.description).toMatch(/^GenAuth: no GENAUTH_APP_\* variables set, so using the embedded GenAuth emulator at http:\/\/127\.0\.0\.1:\d+/);
      expect(genauth.client.appId).toBe('demo-app');
      const app = createApp({ client: genauth.client, identitySources: genauth.identitySources });
      const res = await request(app)
        .post('/auth/wechat')
        .send(genauth.emulator!.mintCredential('wechat', { user: 'ken' }));
      expect(res.status).toBe(200);
      expect(genauth.emulator!.requests.at(-1)?.body).toMatchObject({ extIdpConnidentifier: 'wechat-mobile' });
    } finally {
      await genauth.close();
    }
  });

  it('builds a client for a real application without starting anything', async () => {
    const genauth = await connectGenAuth(readConfig({ GENAUTH_APP_HOST: 'https://my-app.genauth.ai', GENAUTH_APP_ID: 'app', GENAUTH_APP_SECRET: 'x' }));
    try {
      expect(genauth.emulator).toBeUndefined();
      expect(genauth.client.toJSON()).toEqual({ appHost: 'https://my-app.genauth.ai', appId: 'app', tokenEndpointAuthMethod: 'client_secret_post' });
      expect(genauth.description).toBe('GenAuth: signing in with application app at https://my-app.genauth.ai (client_secret_post)');
    } finally {
      await genauth.close();
    }
  });
});

import { GenAuthClient } from '../src';
import { APP, type MockGenAuth } from '@passport-genauth/testing';
import { codeSignIn, startMock } from './support/providers';

describe('client sends its fixed headers and describes itself safely', () => {
  let mock: MockGenAuth;
  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
  });
  afterEach(() => mock.close());

  it('asks for JSON, names itself and the app, and sends no language header unless one is set', async () => {
    await mock.succeed();
    await mock.client().signInByMobile(codeSignIn());
    const headers = mock.requests[0]?.headers ?? {};
    expect(headers.accept).toBe('application/json');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe('passport-genauth/0.1 (+https://www.npmjs.com/package/@passport-genauth/core)');
    expect(headers['x-authing-app-id']).toBe(APP.appId);
    expect(headers).not.toHaveProperty('x-authing-lang');
  });

  it('normalises the appHost it was given and signs in there', async () => {
    await mock.succeed();
    const client = new GenAuthClient({ appHost: 'https://UNIT-TEST.genauth.ai:443//', appId: APP.appId, dispatcher: mock.agent });
    expect(client.appHost).toBe(APP.appHost);
    await client.signInByMobile(codeSignIn());
    expect(mock.requests).toHaveLength(1);
  });

  it('logs as its public settings only, with none as the method of an app without a secret', () => {
    const withSecret = mock.client();
    const publicApp = new GenAuthClient({ appHost: APP.appHost, appId: 'public-app', dispatcher: mock.agent });
    expect(JSON.parse(JSON.stringify(withSecret))).toEqual({ appHost: APP.appHost, appId: APP.appId, tokenEndpointAuthMethod: 'client_secret_post' });
    expect(publicApp.toJSON()).toEqual({ appHost: APP.appHost, appId: 'public-app', tokenEndpointAuthMethod: 'none' });
    expect(publicApp.tokenEndpointAuthMethod).toBe('none');
  });

  it('leaves a dispatcher it was given open when it is closed', async () => {
    const client = mock.client();
    await client.close();
    await mock.succeed();
    await expect(client.signInByMobile(codeSignIn())).resolves.toMatchObject({ tokens: { accessToken: 'at-123' } });
  });
});

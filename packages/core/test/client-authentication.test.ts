import { GenAuthClient, clientAuthentication, clientSecretBasic, clientSecretPost, none } from '@passport-genauth/core';
import { APP, type MockGenAuth } from '@passport-genauth/testing';
import { codeSignIn, startMock } from './support/providers';

const EXPECTED_BASIC = 'Basic YXBwLXVuZGVyLXRlc3Q6c2UrY3IvZXQ9d2l0aDpjb2xvbg==';

describe('client authentication on the wire', () => {
  let mock: MockGenAuth;
  let client: GenAuthClient | undefined;

  beforeEach(async () => {
    mock = await startMock();
    mock.serveJwks();
    await mock.succeed();
  });

  afterEach(async () => {
    await client?.close();
    client = undefined;
    await mock.close();
  });

  async function sendOne(made: GenAuthClient, extra: Record<string, unknown> = {}) {
    client = made;
    await made.signInByMobile(codeSignIn('the-code', extra));
    expect(mock.requests).toHaveLength(1);
    return mock.requests[0]!;
  }

  it('sends no authorization header and neither client_id nor client_secret for none', async () => {
    const sent = await sendOne(new GenAuthClient({ appHost: APP.appHost, appId: APP.appId, tokenEndpointAuthMethod: 'none', dispatcher: mock.agent }));
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers['x-authing-app-id']).toBe(APP.appId);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toEqual({
      connection: 'test_code',
      extIdpConnidentifier: 'test-source',
      testCodePayload: { code: 'the-code' },
    });
  });

  it('sends nothing secret for none even when an appSecret is configured for HS256 id_tokens', async () => {
    const sent = await sendOne(mock.client({ tokenEndpointAuthMethod: 'none' }));
    expect(sent.headers.authorization).toBeUndefined();
    expect(JSON.stringify(sent)).not.toContain(APP.appSecret);
    expect(sent.body).toEqual({ connection: 'test_code', extIdpConnidentifier: 'test-source', testCodePayload: { code: 'the-code' } });
  });

  it('puts client_id and client_secret in the JSON body for client_secret_post', async () => {
    const sent = await sendOne(mock.client({ tokenEndpointAuthMethod: 'client_secret_post' }));
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers['x-authing-app-id']).toBe(APP.appId);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toEqual({
      connection: 'test_code',
      extIdpConnidentifier: 'test-source',
      testCodePayload: { code: 'the-code' },
      client_id: APP.appId,
      client_secret: 'se+cr/et=with:colon',
    });
  });

  it('uses client_secret_post by default when an appSecret is given', async () => {
    const sent = await sendOne(new GenAuthClient({ appHost: APP.appHost, appId: APP.appId, appSecret: APP.appSecret, dispatcher: mock.agent }));
    expect(sent.body.client_secret).toBe(APP.appSecret);
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('sends Basic base64(appId:appSecret) from the raw strings for client_secret_basic, and no secret in the body', async () => {
    const sent = await sendOne(mock.client({ tokenEndpointAuthMethod: 'client_secret_basic' }));
    // The secret holds +, /, = and :; GenAuth joins the raw strings (no form-url-encoding first).
    expect(APP.appSecret).toBe('se+cr/et=with:colon');
    expect(sent.headers.authorization).toBe(EXPECTED_BASIC);
    expect(sent.headers['x-authing-app-id']).toBe(APP.appId);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toEqual({ connection: 'test_code', extIdpConnidentifier: 'test-source', testCodePayload: { code: 'the-code' } });
    expect(sent.body).not.toHaveProperty('client_secret');
    expect(sent.body).not.toHaveProperty('client_id');
  });

  it('adds options to the body only when there are some', async () => {
    const sent = await sendOne(mock.client({ tokenEndpointAuthMethod: 'none' }), {
      options: { scope: 'openid profile', context: { ip: '10.0.0.1' }, tenantId: 't-1', customData: { plan: 'pro' } },
    });
    expect(sent.body).toEqual({
      connection: 'test_code',
      extIdpConnidentifier: 'test-source',
      testCodePayload: { code: 'the-code' },
      options: { scope: 'openid profile', context: { ip: '10.0.0.1' }, tenantId: 't-1', customData: { plan: 'pro' } },
    });
  });

  it('leaves an empty options object out of the body', async () => {
    const sent = await sendOne(mock.client({ tokenEndpointAuthMethod: 'none' }), { options: {} });
    expect(sent.body).not.toHaveProperty('options');
  });

  it('sends x-authing-lang when lang is set', async () => {
    const sent = await sendOne(mock.client({ lang: 'en-US' }));
    expect(sent.headers['x-authing-lang']).toBe('en-US');
  });
});

describe('the client authentication functions', () => {
  it('none adds nothing to the body or the headers', () => {
    const body: Record<string, unknown> = { connection: 'wechat' };
    const headers: Record<string, string> = { 'x-authing-app-id': 'a' };
    none()(body, headers);
    expect(body).toEqual({ connection: 'wechat' });
    expect(headers).toEqual({ 'x-authing-app-id': 'a' });
  });

  it('clientSecretPost puts client_id and client_secret in the body and touches no header', () => {
    const body: Record<string, unknown> = { connection: 'wechat' };
    const headers: Record<string, string> = {};
    clientSecretPost('my-app', 'S3CRET+/=:x')(body, headers);
    expect(body).toEqual({ connection: 'wechat', client_id: 'my-app', client_secret: 'S3CRET+/=:x' });
    expect(headers).toEqual({});
  });

  it('clientSecretBasic sets the exact Basic header from the raw id and secret and touches no body field', () => {
    const body: Record<string, unknown> = { connection: 'wechat' };
    const headers: Record<string, string> = {};
    clientSecretBasic('my-app', 'S3CRET+/=:x')(body, headers);
    expect(headers).toEqual({ authorization: 'Basic bXktYXBwOlMzQ1JFVCsvPTp4' });
    expect(Buffer.from('bXktYXBwOlMzQ1JFVCsvPTp4', 'base64').toString('utf8')).toBe('my-app:S3CRET+/=:x');
    expect(body).toEqual({ connection: 'wechat' });
  });

  it('clientAuthentication picks the function for each method', () => {
    const run = (method: 'none' | 'client_secret_post' | 'client_secret_basic') => {
      const body: Record<string, unknown> = {};
      const headers: Record<string, string> = {};
      clientAuthentication(method, 'id', 'pw')(body, headers);
      return { body, headers };
    };
    expect(run('none')).toEqual({ body: {}, headers: {} });
    expect(run('client_secret_post')).toEqual({ body: { client_id: 'id', client_secret: 'pw' }, headers: {} });
    expect(run('client_secret_basic')).toEqual({ body: {}, headers: { authorization: `Basic ${Buffer.from('id:pw').toString('base64')}` } });
  });
});

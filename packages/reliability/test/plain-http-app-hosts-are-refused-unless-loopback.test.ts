import { ConfigurationError, GenAuthClient, hasErrorCode } from '@passport-genauth/core';
import { WechatStrategy } from '@passport-genauth/wechat';

const APP_ID = 'app-id';
const verify = async () => ({});

function constructionError(build: () => unknown): unknown {
  try {
    const built = build();
    if (built instanceof GenAuthClient) void built.close();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('appHost must be https except for loopback', () => {
  it.each(['https://my-app.genauth.ai', 'https://my-app.authing.cn/', 'https://10.0.0.5:8443'])('%s is accepted', (appHost) => {
    expect(constructionError(() => new GenAuthClient({ appHost, appId: APP_ID }))).toBeUndefined();
  });

  it.each(['http://127.0.0.1:3999', 'http://localhost', 'http://localhost:8080', 'http://[::1]:3999'])('loopback %s is accepted over plain http', (appHost) => {
    expect(constructionError(() => new GenAuthClient({ appHost, appId: APP_ID }))).toBeUndefined();
  });

  it.each([
    'http://my-app.genauth.ai',
    'HTTP://MY-APP.GENAUTH.AI',
    'http://10.0.0.5:3999',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'http://0.0.0.0:3999',
  ])('plain-http %s is refused at construction with ConfigurationError naming appHost', (appHost) => {
    const error = constructionError(() => new GenAuthClient({ appHost, appId: APP_ID }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(hasErrorCode(error, 'GENAUTH_INVALID_OPTIONS')).toBe(true);
    expect((error as ConfigurationError).issues.join('\n')).toMatch(/^appHost: must use https:\/\//m);
  });

  it.each(['ftp://my-app.genauth.ai', 'ws://my-app.genauth.ai', 'file:///etc/passwd', 'my-app.genauth.ai', 'javascript:alert(1)'])(
    '%s (not http or https) is refused even with allowInsecureHttp',
    (appHost) => {
      const error = constructionError(() => new GenAuthClient({ appHost, appId: APP_ID, allowInsecureHttp: true }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).issues.some((issue) => issue.startsWith('appHost:'))).toBe(true);
    },
  );

  it('a plain-http non-loopback host is accepted with allowInsecureHttp: true', () => {
    expect(constructionError(() => new GenAuthClient({ appHost: 'http://my-app.genauth.ai', appId: APP_ID, allowInsecureHttp: true }))).toBeUndefined();
    expect(constructionError(() => new GenAuthClient({ appHost: 'http://10.0.0.5:3999', appId: APP_ID, allowInsecureHttp: true }))).toBeUndefined();
  });

  it('allowInsecureHttp: false is the same as leaving it out', () => {
    expect(constructionError(() => new GenAuthClient({ appHost: 'http://my-app.genauth.ai', appId: APP_ID, allowInsecureHttp: false }))).toBeInstanceOf(
      ConfigurationError,
    );
  });

  it('the same rule holds for client settings given inline to a strategy', () => {
    const refused = constructionError(() => new WechatStrategy({ appHost: 'http://my-app.genauth.ai', appId: APP_ID, extIdpConnidentifier: 'wechat' }, verify));
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as ConfigurationError).message).toMatch(/appHost: must use https:\/\//);
    expect(
      constructionError(
        () => new WechatStrategy({ appHost: 'http://my-app.genauth.ai', appId: APP_ID, allowInsecureHttp: true, extIdpConnidentifier: 'wechat' }, verify),
      ),
    ).toBeUndefined();
  });

  it('an https host that carries credentials, a query or a fragment is refused', () => {
    for (const appHost of ['https://user:pass@my-app.genauth.ai', 'https://my-app.genauth.ai/?x=1', 'https://my-app.genauth.ai/#f']) {
      expect(constructionError(() => new GenAuthClient({ appHost, appId: APP_ID }))).toBeInstanceOf(ConfigurationError);
    }
  });

  it('a JWKS URI is held to the same rule as appHost (not fetched over plain http from a remote host)', () => {
    const error = constructionError(
      () => new GenAuthClient({ appHost: 'https://my-app.genauth.ai', appId: APP_ID, idToken: { jwksUri: 'http://keys.evil.example/jwks.json' } }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
  });
});

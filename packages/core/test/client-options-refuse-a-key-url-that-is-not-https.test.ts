import { ConfigurationError, GenAuthClient, clientAuthentication } from '../src';

const base = { appHost: 'https://example.genauth.ai', appId: 'app', appSecret: 'secret' } as const;

function refusal(build: () => unknown): ConfigurationError {
  try {
    build();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('client options refuse a key URL that is not https', () => {
  it('refuses a plain-http jwksUri on a public host, naming idToken.jwksUri and the override', () => {
    const error = refusal(() => new GenAuthClient({ ...base, idToken: { jwksUri: 'http://keys.example.com/jwks.json' } }));
    expect(error.issues).toEqual(['idToken.jwksUri: must use https:// (plain http is allowed for loopback only; set allowInsecureHttp: true to override)']);
  });

  it('refuses a jwksUri with a scheme other than http or https', () => {
    const error = refusal(() => new GenAuthClient({ ...base, idToken: { jwksUri: 'ftp://keys.example.com/jwks.json' } }));
    expect(error.issues).toEqual(['idToken.jwksUri: must use https://']);
  });

  it('accepts an https jwksUri and a loopback http one', async () => {
    const clients = [
      new GenAuthClient({ ...base, idToken: { jwksUri: 'https://keys.example.com/jwks.json' } }),
      new GenAuthClient({ ...base, idToken: { jwksUri: 'http://127.0.0.1:9/jwks.json' } }),
      new GenAuthClient({ ...base, allowInsecureHttp: true, idToken: { jwksUri: 'http://keys.example.com/jwks.json' } }),
    ];
    await Promise.all(clients.map((client) => client.close()));
  });
});

describe('client options name the appHost and appSecret in what they refuse', () => {
  it('refuses a plain-http appHost on a public host at the appHost path', () => {
    expect(refusal(() => new GenAuthClient({ ...base, appHost: 'http://example.genauth.ai' })).issues).toEqual([
      'appHost: must use https:// (plain http is allowed for loopback only; set allowInsecureHttp: true to override)',
    ]);
  });

  it('refuses an appHost that is not a URL, or that carries credentials, a query or a fragment', () => {
    expect(refusal(() => new GenAuthClient({ ...base, appHost: 'example.genauth.ai' })).issues).toEqual([
      'appHost: must be an absolute URL such as https://my-app.genauth.ai',
    ]);
    expect(refusal(() => new GenAuthClient({ ...base, appHost: 'https://user:pw@example.genauth.ai/?' })).issues).toEqual([
      'appHost: must not carry a query string or fragment',
      'appHost: must not carry credentials',
    ]);
  });

  it('asks for appSecret at its own path when a secret method is configured without one', () => {
    expect(refusal(() => new GenAuthClient({ appHost: base.appHost, appId: 'app', tokenEndpointAuthMethod: 'client_secret_basic' })).issues).toEqual([
      "appSecret: required when tokenEndpointAuthMethod is 'client_secret_basic' (set appSecret, or use 'none' if the app is public)",
    ]);
  });
});

describe('client authentication needs a secret for the secret methods', () => {
  it('throws a TypeError naming the method when client_secret_post has no secret', () => {
    expect(() => clientAuthentication('client_secret_post', 'app', undefined)).toThrow(new TypeError('client_secret_post needs an appSecret'));
  });

  it('throws a TypeError naming the method when client_secret_basic has an empty secret', () => {
    expect(() => clientAuthentication('client_secret_basic', 'app', '')).toThrow(new TypeError('client_secret_basic needs an appSecret'));
  });
});

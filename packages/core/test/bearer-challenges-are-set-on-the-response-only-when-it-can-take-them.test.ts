import { GenAuthBearerStrategy, type AccessTokenClaims, type BearerClient, type BearerVerifyClaims } from '@passport-genauth/core';
import { APP, ISSUER, runStrategy } from '@passport-genauth/testing';

const CLAIMS: AccessTokenClaims = { jti: 'jti-1', sub: 'user-1', exp: 4_102_444_800, scope: 'openid', iss: ISSUER, aud: APP.appId };

const client: BearerClient = {
  verifyAccessToken: () => Promise.resolve(CLAIMS),
  introspect: () => Promise.resolve({ active: false }),
};

/** A response double recording the headers it was given. */
function response(init: { headersSent?: boolean; refuse?: boolean } = {}) {
  const set: [string, string][] = [];
  return {
    set,
    headersSent: init.headersSent ?? false,
    setHeader(name: string, value: string) {
      if (init.refuse) throw new Error('ERR_HTTP_HEADERS_SENT');
      set.push([name, value]);
    },
  };
}

const strategy = () => new GenAuthBearerStrategy({ client, realm: 'orders' }, (claims: BearerVerifyClaims) => ({ id: claims.sub }));
const NO_TOKEN = { type: 'fail', status: 401, challenge: expect.objectContaining({ wwwAuthenticate: 'Bearer realm="orders"' }) };

describe('the WWW-Authenticate challenge of a failed bearer request', () => {
  it('is set on the response Passport attached to the request', async () => {
    const res = response();
    expect(await runStrategy(strategy(), { headers: {}, res })).toEqual(NO_TOKEN);
    expect(res.set).toEqual([['WWW-Authenticate', 'Bearer realm="orders"']]);
  });

  it('is not set once the response has sent its headers, and the failure is still delivered', async () => {
    const res = response({ headersSent: true });
    expect(await runStrategy(strategy(), { headers: {}, res })).toEqual(NO_TOKEN);
    expect(res.set).toEqual([]);
  });

  it('is skipped when the response refuses headers or has no setHeader, and the failure is still delivered', async () => {
    expect(await runStrategy(strategy(), { headers: {}, res: response({ refuse: true }) })).toEqual(NO_TOKEN);
    expect(await runStrategy(strategy(), { headers: {}, res: {} })).toEqual(NO_TOKEN);
    expect(await runStrategy(strategy(), { headers: {} })).toEqual(NO_TOKEN);
  });

  it('is not set for a successful request', async () => {
    const res = response();
    expect(await runStrategy(strategy(), { headers: { authorization: 'Bearer abc.def.ghi' }, res })).toMatchObject({ type: 'success', user: { id: 'user-1' } });
    expect(res.set).toEqual([]);
  });
});

describe('a bearer strategy described for logs', () => {
  it('shows its name, realm, scopes and whether it introspects, and nothing of its client', () => {
    const described = new GenAuthBearerStrategy({ client, name: 'orders-api', realm: 'orders', scopes: ['orders:read'], introspect: true }, () => false);
    expect(JSON.parse(JSON.stringify(described))).toEqual({ name: 'orders-api', realm: 'orders', scopes: ['orders:read'], introspect: true });
    expect(JSON.parse(JSON.stringify(strategy()))).toEqual({ name: 'genauth-bearer', realm: 'orders', scopes: [], introspect: false });
  });
});

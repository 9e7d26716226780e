import { getAuthFailure } from '@passport-genauth/core';
import { MockGenAuth, mockRequest, runStrategy } from '@passport-genauth/testing';
import { BaiduStrategy } from '../src';

let genauth: MockGenAuth;
beforeAll(async () => {
  genauth = await MockGenAuth.start();
  genauth.serveJwks();
});
afterAll(() => genauth.close());

const baidu = () => new BaiduStrategy({ client: genauth.client(), extIdpConnidentifier: 'baidu-mobile' }, () => ({ id: 'baidu-user' }));

describe('Baidu takes a code or an access_token', () => {
  it.each([
    ['an access_token alone is sent as { access_token }', { access_token: 'bd-access-token-1' }, { access_token: 'bd-access-token-1' }],
    ['when both are given only the code is sent', { code: 'bd-code-1', access_token: 'bd-access-token-2' }, { code: 'bd-code-1' }],
  ])('%s', async (_rule, body, payload) => {
    await genauth.succeed();
    const result = await runStrategy(baidu(), mockRequest({ body }));
    expect(result.type).toBe('success');
    expect(genauth.requests.at(-1)?.body.baiduPayload).toEqual(payload);
  });

  it('answers 400 "one of code or access_token is required" when neither is given, without calling GenAuth', async () => {
    const sent = genauth.requests.length;
    const req = mockRequest({ body: { code: '', access_token: '' } });
    await expect(runStrategy(baidu(), req)).resolves.toMatchObject({ type: 'fail', status: 400 });
    expect(getAuthFailure(req)?.message).toBe('Invalid Baidu credentials: one of code or access_token is required');
    expect(genauth.requests).toHaveLength(sent);
  });
});

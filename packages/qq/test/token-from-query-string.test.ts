import { MockGenAuth, mockRequest, runStrategy } from '@passport-genauth/testing';
import { QQStrategy } from '../src';

describe('QQ access token in the query string', () => {
  let fake: MockGenAuth;
  beforeEach(async () => {
    fake = await MockGenAuth.start();
    fake.serveJwks();
    await fake.succeed();
  });
  afterEach(() => fake.close());

  const signIn = (query: Record<string, string>, body?: object, credentialSources: { query?: boolean } = { query: true }) =>
    runStrategy(
      new QQStrategy({ client: fake.client(), extIdpConnidentifier: 'qq-mobile', credentialSources }, async (_tokens, profile) => ({ id: profile.id })),
      mockRequest(body === undefined ? { query } : { query, body }),
    );

  it('ignores ?access_token= unless the strategy opts in (a token in a URL lands in proxy logs)', async () => {
    expect(await signIn({ access_token: 'qq-token-from-query' }, undefined, {})).toMatchObject({ type: 'fail', status: 400 });
    expect(fake.requests).toHaveLength(0);
  });

  it('reads ?access_token= with credentialSources.query when the request has no body parser, and sends it as qqPayload', async () => {
    expect((await signIn({ access_token: 'qq-token-from-query' })).type).toBe('success');
    expect(fake.requests[0]?.body.qqPayload).toStrictEqual({ access_token: 'qq-token-from-query' });
  });

  it('prefers the body over the query string when both carry access_token', async () => {
    expect((await signIn({ access_token: 'qq-token-in-query' }, { access_token: 'qq-token-in-body' })).type).toBe('success');
    expect(fake.requests[0]?.body.qqPayload).toStrictEqual({ access_token: 'qq-token-in-body' });
  });
});

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

  const signIn = (query: Record<string, string>, body?: object) =>
    runStrategy(
      new QQStrategy({ client: fake.client(), extIdpConnidentifier: 'qq-mobile' }, async (_tokens, profile) => ({ id: profile.id })),
      mockRequest(body === undefined ? { query } : { query, body }),
    );

  it('reads ?access_token= when the request has no body parser, and sends it as qqPayload', async () => {
    expect((await signIn({ access_token: 'qq-token-from-query' })).type).toBe('success');
    expect(fake.requests[0]?.body.qqPayload).toStrictEqual({ access_token: 'qq-token-from-query' });
  });

  it('prefers the body over the query string when both carry access_token', async () => {
    expect((await signIn({ access_token: 'qq-token-in-query' }, { access_token: 'qq-token-in-body' })).type).toBe('success');
    expect(fake.requests[0]?.body.qqPayload).toStrictEqual({ access_token: 'qq-token-in-body' });
  });
});

import { getAuthFailure } from '@passport-genauth/core';
import { MockGenAuth, mockRequest, runStrategy, type MockRequestInit } from '@passport-genauth/testing';
import { DingTalkStrategy } from '../src';

/** One fake GenAuth for the file, serving its JWKS. */
const mock = MockGenAuth.start().then((genauth) => {
  genauth.serveJwks();
  return genauth;
});
afterAll(async () => (await mock).close());

/** Runs one DingTalk login and resolves with the `dingTalkPayload` GenAuth received. */
async function payloadSentFor(init: MockRequestInit): Promise<unknown> {
  const genauth = await mock;
  await genauth.succeed();
  const credentialSources = { query: true };
  const strategy = new DingTalkStrategy({ client: genauth.client(), extIdpConnidentifier: 'dingtalk-mobile', credentialSources }, () => ({ id: 'dt' }));
  const outcome = await runStrategy(strategy, mockRequest(init));
  expect(outcome.type).toBe('success');
  return genauth.requests.at(-1)?.body.dingTalkPayload;
}

describe('DingTalk isSnsCode', () => {
  it('sends a JSON false as the boolean false', async () => {
    await expect(payloadSentFor({ body: { code: 'dt-code-1', isSnsCode: false } })).resolves.toEqual({ code: 'dt-code-1', isSnsCode: false });
  });

  it('turns isSnsCode=true from an opted-in query string into the boolean true on the wire', async () => {
    const payload = await payloadSentFor({ body: { code: 'dt-code-2' }, query: { isSnsCode: 'true' } });
    expect(payload).toEqual({ code: 'dt-code-2', isSnsCode: true });
  });

  it('leaves isSnsCode out of the payload when the app does not send it', async () => {
    await expect(payloadSentFor({ body: { code: 'dt-code-3' } })).resolves.toStrictEqual({ code: 'dt-code-3' });
  });

  it('answers 400 naming isSnsCode when it is "yes", without calling GenAuth', async () => {
    const genauth = await mock;
    const calls = genauth.requests.length;
    const req = mockRequest({ body: { code: 'dt-code-4', isSnsCode: 'yes' } });
    const strategy = new DingTalkStrategy({ client: genauth.client(), extIdpConnidentifier: 'dingtalk-mobile' }, () => ({ id: 'dt' }));
    expect(await runStrategy(strategy, req)).toMatchObject({ type: 'fail', status: 400 });
    expect(getAuthFailure(req)).toMatchObject({ message: 'Invalid DingTalk credentials: isSnsCode must be true or false', fields: ['isSnsCode'] });
    expect(genauth.requests.length).toBe(calls);
  });
});

import { signinBody, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('POST /__emulator/credentials', () => {
  it('mints the same shape as mintCredential(), always on', async () => {
    const answer = await h.post('/__emulator/credentials', { connection: 'yidun', user: 'sam', phone: '+8613900000000' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json).sort()).toEqual(['accessToken', 'token']);
    expect(Object.keys(h.emulator.mintCredential('yidun', { user: 'sam' })).sort()).toEqual(['accessToken', 'token']);
    const login = await h.signin(signinBody('yidun', 'yidunPayload', answer.json, { options: { scope: 'openid phone' } }));
    expect(login.json.statusCode).toBe(200);
    const claims = JSON.parse(Buffer.from(login.json.data.id_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ phone_number: '+8613900000000', phone_number_verified: true });
  });

  it('answers 400 with an error for a bad request', async () => {
    expect(await h.post('/__emulator/credentials', { connection: 'myspace', user: 'sam' })).toMatchObject({
      status: 400,
      json: { error: 'connection must be one of the 32 connections' },
    });
    expect(await h.post('/__emulator/credentials', { connection: 'wechat' })).toMatchObject({
      status: 400,
      json: { error: 'identity.user must be a non-empty string' },
    });
    expect(await h.post('/__emulator/credentials', { connection: 'wechat', user: 'sam', email: 5 })).toMatchObject({
      status: 400,
      json: { error: 'identity.email must be a string' },
    });
  });
});

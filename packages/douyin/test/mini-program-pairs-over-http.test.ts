import { loginApp, MockGenAuth } from '@passport-genauth/testing';
import request from 'supertest';
import { DouyinMiniProgramCodeAndPhoneStrategy, DouyinMiniProgramCodeStrategy } from '../src';

describe('Douyin mini program payloads posted to an Express app', () => {
  let tt: MockGenAuth;
  let app: ReturnType<typeof loginApp>;
  beforeAll(async () => {
    tt = await MockGenAuth.start();
    tt.serveJwks();
    const verify = async () => ({ id: 'douyin-user' });
    app = loginApp([
      new DouyinMiniProgramCodeStrategy({ client: tt.client(), extIdpConnidentifier: 'douyin-mp' }, verify),
      new DouyinMiniProgramCodeAndPhoneStrategy({ client: tt.client(), extIdpConnidentifier: 'douyin-mp-phone' }, verify),
    ]);
  });
  afterAll(() => tt.close());

  const post = (path: string, body: object) => request(app).post(`/login/genauth-douyin-mini-program-${path}`).send(body);

  const phone = { encryptedData: 'cGhvbmU=', iv: 'cGl2' };
  test.each([
    { path: 'code', body: { code: 'tt-1', iv: 'aXY=' }, field: 'encryptedData' },
    { path: 'code', body: { code: 'tt-1', encryptedData: 'ZW5j' }, field: 'iv' },
    { path: 'code-and-phone', body: { loginParams: { code: 'tt-1', encryptedData: 'ZW5j' }, phoneParams: phone }, field: 'loginParams.iv' },
    { path: 'code-and-phone', body: { loginParams: { code: 'tt-1' }, phoneParams: { iv: 'cGl2' } }, field: 'phoneParams.encryptedData' },
    { path: 'code-and-phone', body: { loginParams: { code: 'tt-1' }, phoneParams: { encryptedData: 'cGhvbmU=' } }, field: 'phoneParams.iv' },
  ])('POST /login/genauth-douyin-mini-program-$path answers 400 naming $field', async ({ path, body, field }) => {
    const sent = tt.requests.length;
    const res = await post(path, body);
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([field]);
    expect(res.body.message).toMatch(new RegExp(`credentials: ${field.replace('.', '\\.')} is required`));
    expect(tt.requests.length).toBe(sent);
  });

  it('does not send an encryptedData the mini program left empty', async () => {
    await tt.succeed();
    await post('code', { code: 'tt-2', encryptedData: '' }).expect(200);
    expect(tt.requests.at(-1)?.body).toMatchObject({ connection: 'douyin_mini_program_code', douyinMiniProgramCodePayload: { code: 'tt-2' } });
    expect(tt.requests.at(-1)?.body.douyinMiniProgramCodePayload).not.toHaveProperty('encryptedData');
  });
});

import { loginApp, MockGenAuth } from '@passport-genauth/testing';
import request from 'supertest';
import { LineStrategy } from '../src';

describe('LINE through an Express app', () => {
  let mock: MockGenAuth;
  beforeAll(async () => {
    mock = await MockGenAuth.start();
    mock.serveJwks();
  });
  afterAll(() => mock.close());

  /** A fresh app with one LINE strategy; GenAuth will answer its next sign-in successfully. */
  const app = async (credentialSources: { bearer?: boolean } = {}) => {
    await mock.succeed();
    return loginApp([
      new LineStrategy({ client: mock.client(), extIdpConnidentifier: 'line-mobile', credentialSources }, async (_tokens, profile) => ({ id: profile.id })),
    ]);
  };
  const linePayload = () => mock.requests.at(-1)?.body.linePayload;

  it('signs in with an access_token alone and sends no id_token', async () => {
    await request(await app())
      .post('/login/genauth-line')
      .send({ access_token: 'line-at-only' })
      .expect(200);
    expect(linePayload()).toStrictEqual({ access_token: 'line-at-only' });
  });

  it('forwards the LINE id_token when the app sends it', async () => {
    await request(await app())
      .post('/login/genauth-line')
      .send({ access_token: 'line-at-2', id_token: 'line.id.token' })
      .expect(200);
    expect(linePayload()).toStrictEqual({ access_token: 'line-at-2', id_token: 'line.id.token' });
  });

  it('takes the access token from Authorization: Bearer when the strategy opts in and the request has no body', async () => {
    await request(await app({ bearer: true }))
      .post('/login/genauth-line')
      .set('authorization', 'Bearer line-at-bearer')
      .expect(200);
    expect(linePayload()).toStrictEqual({ access_token: 'line-at-bearer' });
  });
});

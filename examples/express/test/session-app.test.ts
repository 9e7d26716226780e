import request from 'supertest';
import { createSessionApp } from '../src/session-app';
import { startGenAuth, type TestGenAuth } from './support/genauth';

let genauth: TestGenAuth;
let app: ReturnType<typeof createSessionApp>;

beforeAll(async () => {
  genauth = await startGenAuth();
  app = createSessionApp({ client: genauth.client, sessionSecret: 'test-session-secret' });
});
afterAll(() => genauth.close());

describe('the session variant', () => {
  it('starts a session on login, answers GET /me with the user, and forgets them after POST /logout', async () => {
    const agent = request.agent(app);
    const login = await agent.post('/auth/wechat').send(genauth.emulator.mintCredential('wechat', { user: 'ivan', email: 'ivan@example.com' }));
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ user: expect.objectContaining({ connection: 'wechat', email: 'ivan@example.com' }) });
    expect(login.headers['set-cookie']?.[0]).toMatch(/^sid=.*HttpOnly/);

    const me = await agent.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual(login.body.user);

    const logout = await agent.post('/logout');
    expect(logout.status).toBe(204);
    const after = await agent.get('/me');
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('answers GET /me with 401 without a session cookie', async () => {
    const res = await request(app).get('/me');
    expect(res.status).toBe(401);
  });

  it('starts no session when the login fails, and answers the failure as JSON', async () => {
    const res = await request(app).post('/auth/wechat').send({ code: 'locked-code-3' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'GENAUTH_SIGNIN_REJECTED', apiCode: 2005 });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('keeps the tokens out of the answer and out of the cookie', async () => {
    const res = await request(app).post('/auth/mobile').send({ connection: 'apple', ...genauth.emulator.mintCredential('apple', { user: 'judy' }) });
    expect(res.status).toBe(200);
    expect(res.body.tokens).toBeUndefined();
    expect(res.headers['set-cookie']?.[0]?.length).toBeLessThan(200);
  });
});

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

  it('keeps the tokens out of the answer and out of the cookie, which holds only a signed session id', async () => {
    const res = await request(app)
      .post('/auth/mobile')
      .send({ connection: 'apple', ...genauth.emulator.mintCredential('apple', { user: 'judy' }) });
    expect(res.status).toBe(200);
    expect(res.body.tokens).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    // express-session's signed id and nothing else: `s:` + 32 id characters + `.` + an HMAC.
    const value = /^sid=([^;]+);/.exec(res.headers['set-cookie']?.[0] ?? '')?.[1];
    expect(decodeURIComponent(value ?? '')).toMatch(/^s:[\w-]{32}\.[\w+/]{43}$/);
  });

  describe('login CSRF', () => {
    it("refuses a cross-site form post carrying the attacker's code in the query string, without calling GenAuth", async () => {
      const before = genauth.emulator.stats().received;
      const attackerCode = genauth.emulator.mintCredential('wechat', { user: 'mallory' }).code;
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'x=1'],
        ['text/plain', 'x=1'],
      ] as const) {
        const res = await request(app).post(`/auth/wechat?code=${attackerCode}`).set('content-type', type).set('origin', 'https://evil.example').send(body);
        expect(res.status).toBe(403);
        expect(res.headers['set-cookie']).toBeUndefined();
        const sameOriginForm = await request(app).post(`/auth/wechat?code=${attackerCode}`).set('content-type', type).send(body);
        expect(sameOriginForm.status).toBe(415);
      }
      expect(genauth.emulator.stats().received).toBe(before);
    });

    it('never signs in with a code in the query string even as JSON: the body is the only credential source', async () => {
      const before = genauth.emulator.stats().received;
      const attackerCode = genauth.emulator.mintCredential('wechat', { user: 'mallory' }).code;
      const res = await request(app).post(`/auth/wechat?code=${attackerCode}`).send({});
      expect(res.status).toBe(400);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(genauth.emulator.stats().received).toBe(before);
    });

    it("accepts the app's own origin", async () => {
      const res = await request(app)
        .post('/auth/wechat')
        .set('origin', 'http://127.0.0.1')
        .set('host', '127.0.0.1')
        .send(genauth.emulator.mintCredential('wechat', { user: 'oscar' }));
      expect(res.status).toBe(200);
    });
  });
});

import { startHarness, type Harness } from './support/harness';
import { BASIC_APP, callAs, login, METHOD_APPS } from './support/lifecycle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apps: METHOD_APPS, refreshTokenRotation: true });
});
afterAll(() => h.close());

const refresh = (refreshToken: string) => callAs(h, BASIC_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: refreshToken });
const introspect = (token: string) => callAs(h, BASIC_APP, '/oidc/token/introspection', { token });

describe('refresh token rotation (refreshTokenRotation: true)', () => {
  it('answers a new refresh token each time; the newest one keeps working and the retired one is inactive', async () => {
    const tokens = await login(h, BASIC_APP, 'rot-chain');
    const first = await refresh(tokens.refresh_token!);
    expect(first.status).toBe(200);
    expect(first.json.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.json.refresh_token).not.toBe(tokens.refresh_token);
    const second = await refresh(first.json.refresh_token);
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).not.toBe(first.json.refresh_token);
    expect((await introspect(tokens.refresh_token!)).json).toEqual({ active: false });
    expect((await introspect(second.json.refresh_token)).json).toMatchObject({ active: true, jti: second.json.refresh_token });
  });

  it('treats reuse of a retired refresh token as theft: invalid_grant, and the whole grant is revoked', async () => {
    const tokens = await login(h, BASIC_APP, 'rot-reuse');
    const rotated = await refresh(tokens.refresh_token!);
    const reuse = await refresh(tokens.refresh_token!);
    expect([reuse.status, reuse.json.error]).toEqual([400, 'invalid_grant']);
    // Everything of the grant is dead now: the newest refresh token and every access token.
    const next = await refresh(rotated.json.refresh_token);
    expect([next.status, next.json.error]).toEqual([400, 'invalid_grant']);
    expect((await introspect(tokens.access_token)).json).toEqual({ active: false });
    expect((await introspect(rotated.json.access_token)).json).toEqual({ active: false });
    expect(
      h.emulator
        .requestsTo('token')
        .slice(-2)
        .map((entry) => [entry.error, entry.tokenKind]),
    ).toEqual([
      ['invalid_grant', 'refresh_token'],
      ['invalid_grant', 'unknown'],
    ]);
  });

  it('leaves other grants of the same user alone', async () => {
    const one = await login(h, BASIC_APP, 'rot-two-devices');
    const two = await login(h, BASIC_APP, 'rot-two-devices');
    await refresh(one.refresh_token!);
    await refresh(one.refresh_token!);
    expect((await refresh(two.refresh_token!)).status).toBe(200);
  });
});

describe('without rotation (the default)', () => {
  it('answers the same refresh token every time, and using it again and again is fine', async () => {
    const same = await startHarness({ apps: METHOD_APPS });
    try {
      const tokens = await login(same, BASIC_APP, 'rot-off');
      for (let i = 0; i < 3; i += 1) {
        const answer = await callAs(same, BASIC_APP, '/oidc/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
        expect(answer.json.refresh_token).toBe(tokens.refresh_token);
      }
    } finally {
      await same.close();
    }
  });
});

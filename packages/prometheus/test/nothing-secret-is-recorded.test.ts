import { inspect } from 'node:util';
import { GenAuthClient, channels } from '@passport-genauth/core';
import { startEmulator, type Emulator, type EmulatorApp } from '@passport-genauth/emulator';
import { Registry } from 'prom-client';
import request from 'supertest';
import { createPrometheusMetrics } from '../src';
import { backend } from './support/backend';
import { registerInMemoryOtel } from './support/otel';

/** One app per client authentication method and id_token signature. */
const APPS: readonly EmulatorApp[] = [
  { appId: 'rs256-post', appSecret: 'sEcReT-rs256-post-9f8e7d6c', tokenEndpointAuthMethod: 'client_secret_post', idTokenSigningAlg: 'RS256' },
  { appId: 'hs256-basic', appSecret: 'sEcReT-hs256-basic-1a2b3c4d', tokenEndpointAuthMethod: 'client_secret_basic', idTokenSigningAlg: 'HS256' },
  { appId: 'hs256-none', appSecret: 'sEcReT-hs256-none-5e6f7a8b', tokenEndpointAuthMethod: 'none', idTokenSigningAlg: 'HS256' },
  { appId: 'rs256-none', tokenEndpointAuthMethod: 'none', idTokenSigningAlg: 'RS256' },
];

const EMAIL = 'li.lei.private@example.cn';
const PHONE = '+8613812345678';

/** Everything every observer was handed, serialised as a log shipper would (JSON) and as a console would (inspect). */
function recordEverything(): { texts: string[]; stop(): void } {
  const texts: string[] = [];
  const undo: Array<() => void> = [];
  const keep = (message: unknown) => {
    texts.push(JSON.stringify(message), inspect(message, { depth: 8 }));
  };
  for (const name of ['authenticate', 'exchange', 'idToken'] as const) {
    for (const event of ['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const) {
      channels[name][event].subscribe(keep);
      undo.push(() => channels[name][event].unsubscribe(keep));
    }
  }
  channels.jwksFetch.subscribe(keep);
  undo.push(() => channels.jwksFetch.unsubscribe(keep));
  return { texts, stop: () => undo.forEach((fn) => fn()) };
}

describe('nothing secret is recorded: channels, OpenTelemetry spans and metrics, Prometheus', () => {
  let emulator: Emulator;
  const secrets = new Set<string>();
  const keepSecret = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 6) secrets.add(value);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ apps: [...APPS], faults: true });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('every outcome, for HS256 and RS256 id_tokens and each client authentication method, leaves no credential, secret, token, Basic header, phone or email', async () => {
    const otel = registerInMemoryOtel();
    const registry = new Registry();
    const prometheus = createPrometheusMetrics({ registry });
    const recorded = recordEverything();
    const clients: GenAuthClient[] = [];
    try {
      for (const app of APPS) {
        keepSecret(app.appSecret);
        if (app.appSecret && app.tokenEndpointAuthMethod === 'client_secret_basic') {
          keepSecret(Buffer.from(`${app.appId}:${app.appSecret}`).toString('base64'));
        }
        const options = {
          appHost: emulator.url,
          appId: app.appId,
          tokenEndpointAuthMethod: app.tokenEndpointAuthMethod,
          ...(app.appSecret ? { appSecret: app.appSecret } : {}),
        };
        const client = new GenAuthClient(options);
        const strict = new GenAuthClient({ ...options, idToken: { issuer: 'https://elsewhere.genauth.ai/oidc' } });
        clients.push(client, strict);
        const server = backend(client);

        // A login (the id_token carries the email and phone claims).
        const credential = emulator.mintCredential('wechat', { user: `user-${app.appId}`, email: EMAIL, phone: PHONE });
        Object.values(credential).forEach(keepSecret);
        const login = await request(server).post('/auth/wechat').send(credential);
        expect(login.status).toBe(200);
        const tokens = login.body.tokens as { accessToken: string; idToken: string; refreshToken: string };
        [tokens.accessToken, tokens.idToken, tokens.refreshToken].forEach(keepSecret);

        // The session: bearer checks (offline and introspected), userinfo, refresh, revocation.
        expect((await request(server).get('/api/me').set('authorization', `Bearer ${tokens.accessToken}`)).status).toBe(200);
        expect((await request(server).get('/api/me/introspected').set('authorization', `Bearer ${tokens.accessToken}`)).status).toBe(200);
        expect((await client.userInfo(tokens.accessToken)).email).toBe(EMAIL);
        const refreshed = await client.refresh(tokens.refreshToken);
        [refreshed.tokens.accessToken, refreshed.tokens.idToken, refreshed.tokens.refreshToken].forEach(keepSecret);
        await client.revoke(refreshed.tokens.refreshToken, { tokenTypeHint: 'refresh_token' });
        await client.revoke(refreshed.tokens.accessToken, { tokenTypeHint: 'access_token' });
        await expect(client.refresh(refreshed.tokens.refreshToken)).rejects.toMatchObject({ code: 'GENAUTH_INVALID_GRANT' });
        await expect(client.userInfo(refreshed.tokens.accessToken)).rejects.toMatchObject({ code: 'GENAUTH_ACCESS_TOKEN' });
        expect((await request(server).get('/api/me/introspected').set('authorization', `Bearer ${refreshed.tokens.accessToken}`)).status).toBe(401);
        const forged = `${tokens.accessToken.slice(0, -12)}AAAAAAAAAAAA`;
        keepSecret(forged);
        expect((await request(server).get('/api/me').set('authorization', `Bearer ${forged}`)).status).toBe(401);

        // Refusals and failures: a locked user, GenAuth unreachable, an id_token for another issuer.
        expect((await request(server).post('/auth/wechat').send({ code: 'locked-secret-code-77' })).status).toBe(401);
        keepSecret('locked-secret-code-77');
        emulator.injectFaults({ kind: 'reset' });
        const lost = emulator.mintCredential('wechat', { user: `lost-${app.appId}`, email: EMAIL, phone: PHONE });
        Object.values(lost).forEach(keepSecret);
        expect((await request(server).post('/auth/wechat').send(lost)).status).toBe(502);
        const refused = emulator.mintCredential('wechat', { user: `refused-${app.appId}`, email: EMAIL, phone: PHONE });
        Object.values(refused).forEach(keepSecret);
        expect((await request(backend(strict)).post('/auth/wechat').send(refused)).status).toBe(401);
      }
      keepSecret(EMAIL);
      keepSecret(PHONE);
      keepSecret(PHONE.slice(1));

      const spans = otel.spans.getFinishedSpans().map((span) => ({
        name: span.name,
        attributes: span.attributes,
        status: span.status,
        events: span.events,
        links: span.links,
        resource: span.resource.attributes,
      }));
      const everything = [
        ...recorded.texts,
        JSON.stringify(spans),
        inspect(spans, { depth: 8 }),
        JSON.stringify(await otel.metrics()),
        await registry.metrics(),
      ].join('\n');

      // The record is not empty: every layer saw the logins and the failures.
      expect(recorded.texts.length).toBeGreaterThan(200);
      for (const seen of [
        'genauth.authenticate',
        'genauth.exchange',
        'genauth.id_token.verify',
        'genauth.authenticate.duration',
        'passport_genauth_authenticate_duration_seconds',
        'GENAUTH_SIGNIN_REJECTED',
        'GENAUTH_HTTP',
        'GENAUTH_ID_TOKEN',
        'GENAUTH_INVALID_GRANT',
        'HS256',
        'RS256',
        'client_secret_basic',
        'client_secret_post',
      ]) {
        expect(everything).toContain(seen);
      }
      expect([...secrets].filter((secret) => secret.startsWith('eyJ')).length).toBeGreaterThanOrEqual(APPS.length * 4);
      const leaked = [...secrets].filter((secret) => everything.includes(secret));
      expect(leaked).toEqual([]);
    } finally {
      recorded.stop();
      prometheus.close();
      await Promise.all(clients.map((client) => client.close()));
      await otel.shutdown();
    }
  });
});

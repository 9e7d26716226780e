import { GenAuthClient } from '@passport-genauth/core';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import { Counter, Registry } from 'prom-client';
import request from 'supertest';
import { createPrometheusMetrics, type PrometheusMetrics } from '../src';
import { backend } from './support/backend';
import { startOddGenAuth } from '@passport-genauth/testing';

/** `name{labels} value` lines of the registry's exposition, `_bucket` lines left out, for exact comparison. */
async function samples(registry: Registry, prefix = 'passport_genauth'): Promise<string[]> {
  const text = await registry.metrics();
  return text
    .split('\n')
    .filter((line) => line.startsWith(prefix) && !line.includes('_bucket{'))
    .map((line) => (line.includes('_sum{') ? line.replace(/ [\d.e+-]+$/, ' <seconds>') : line));
}

/** Every value each label takes in the exposition. */
async function labelValues(registry: Registry): Promise<Record<string, Set<string>>> {
  const values: Record<string, Set<string>> = {};
  for (const line of (await registry.metrics()).split('\n')) {
    for (const [, name, value] of line.matchAll(/([a-z_]+)="([^"]*)"/g)) {
      if (name === 'le') continue;
      (values[name!] ??= new Set()).add(value!);
    }
  }
  return values;
}

describe('createPrometheusMetrics', () => {
  let emulator: Emulator;
  let client: GenAuthClient;
  let registry: Registry;
  let metrics: PrometheusMetrics;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  beforeEach(() => {
    registry = new Registry();
    metrics = createPrometheusMetrics({ registry });
    client = new GenAuthClient({ appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: 'client_secret_basic' });
  });
  afterEach(async () => {
    metrics.close();
    await client.close();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('counts known logins: per connection, result and error code; GenAuth refusals per apiCode; call durations; the JWKS fetch', async () => {
    const app = backend(client);
    for (const user of ['ann', 'bob']) expect((await request(app).post('/auth/wechat').send(emulator.mintCredential('wechat', { user }))).status).toBe(200);
    expect((await request(app).post('/auth/wechat').send({ code: 'locked-user-1' })).status).toBe(401);
    expect((await request(app).post('/auth/wechat').send({ code: 'mfa-needed-1' })).status).toBe(401);
    expect((await request(app).post('/auth/wechat').send({})).status).toBe(400);
    emulator.injectFaults({ kind: 'reset' });
    expect(
      (
        await request(app)
          .post('/auth/wechat')
          .send(emulator.mintCredential('wechat', { user: 'cy' }))
      ).status,
    ).toBe(502);

    expect(await samples(registry)).toEqual([
      'passport_genauth_authenticate_duration_seconds_sum{connection="wechat",result="success",error_code="none"} <seconds>',
      'passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 2',
      'passport_genauth_authenticate_duration_seconds_sum{connection="wechat",result="fail",error_code="GENAUTH_SIGNIN_REJECTED"} <seconds>',
      'passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="fail",error_code="GENAUTH_SIGNIN_REJECTED"} 2',
      'passport_genauth_authenticate_duration_seconds_sum{connection="wechat",result="fail",error_code="GENAUTH_INVALID_CREDENTIALS"} <seconds>',
      'passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="fail",error_code="GENAUTH_INVALID_CREDENTIALS"} 1',
      'passport_genauth_authenticate_duration_seconds_sum{connection="wechat",result="error",error_code="GENAUTH_HTTP"} <seconds>',
      'passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="error",error_code="GENAUTH_HTTP"} 1',
      'passport_genauth_exchange_duration_seconds_sum{operation="sign-in",outcome="success"} <seconds>',
      'passport_genauth_exchange_duration_seconds_count{operation="sign-in",outcome="success"} 2',
      'passport_genauth_exchange_duration_seconds_sum{operation="sign-in",outcome="fail"} <seconds>',
      'passport_genauth_exchange_duration_seconds_count{operation="sign-in",outcome="fail"} 2',
      'passport_genauth_exchange_duration_seconds_sum{operation="sign-in",outcome="error"} <seconds>',
      'passport_genauth_exchange_duration_seconds_count{operation="sign-in",outcome="error"} 1',
      'passport_genauth_exchange_rejections_total{connection="wechat",operation="sign-in",api_code="2005",status_code="403"} 1',
      'passport_genauth_exchange_rejections_total{connection="wechat",operation="sign-in",api_code="1636",status_code="400"} 1',
      'passport_genauth_jwks_fetches_total{result="success"} 1',
    ]);
    // The histograms have buckets, in seconds.
    expect(await registry.metrics()).toContain(
      'passport_genauth_authenticate_duration_seconds_bucket{le="0.005",connection="wechat",result="success",error_code="none"}',
    );
  });

  it('counts bearer checks under connection "bearer", and introspection, refresh and revocation calls by operation', async () => {
    const app = backend(client);
    const login = await request(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'dee' }));
    const { accessToken, refreshToken } = login.body.tokens as { accessToken: string; refreshToken: string };
    expect((await request(app).get('/api/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
    expect((await request(app).get('/api/me')).status).toBe(401);
    await client.refresh(refreshToken);
    await client.revoke(refreshToken);
    await client.revoke(accessToken);
    expect((await request(app).get('/api/me/introspected').set('authorization', `Bearer ${accessToken}`)).status).toBe(401);
    await expect(client.refresh(refreshToken)).rejects.toMatchObject({ code: 'GENAUTH_INVALID_GRANT' });

    const lines = await samples(registry);
    expect(lines).toEqual(
      expect.arrayContaining([
        'passport_genauth_authenticate_duration_seconds_count{connection="bearer",result="success",error_code="none"} 1',
        'passport_genauth_authenticate_duration_seconds_count{connection="bearer",result="fail",error_code="GENAUTH_ACCESS_TOKEN"} 2',
        'passport_genauth_exchange_duration_seconds_count{operation="refresh",outcome="success"} 1',
        'passport_genauth_exchange_duration_seconds_count{operation="refresh",outcome="fail"} 1',
        'passport_genauth_exchange_duration_seconds_count{operation="revoke",outcome="success"} 2',
        'passport_genauth_exchange_duration_seconds_count{operation="introspect",outcome="success"} 1',
        'passport_genauth_exchange_rejections_total{connection="none",operation="refresh",api_code="none",status_code="none"} 1',
      ]),
    );
  });

  it('installing twice on one registry does not throw and counts each login once; the last close removes the metrics', async () => {
    const again = createPrometheusMetrics({ registry });
    expect(again.metricNames).toEqual(metrics.metricNames);
    const app = backend(client);
    await request(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'eve' }));
    expect(await samples(registry)).toContain('passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 1');

    again.close();
    again.close();
    await request(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'fay' }));
    expect(await samples(registry)).toContain('passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 2');

    metrics.close();
    expect(registry.getMetricsAsArray()).toEqual([]);
    await request(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'gus' }));
    expect(await samples(registry)).toEqual([]);
    // Installing after a full close starts again from zero.
    metrics = createPrometheusMetrics({ registry });
    await request(app)
      .post('/auth/wechat')
      .send(emulator.mintCredential('wechat', { user: 'hal' }));
    expect(await samples(registry)).toContain('passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 1');
  });

  it('another prefix or another registry is an installation of its own; a bad prefix is refused', async () => {
    const other = new Registry();
    const second = createPrometheusMetrics({ registry: other, prefix: 'myapp_auth' });
    try {
      await request(backend(client))
        .post('/auth/wechat')
        .send(emulator.mintCredential('wechat', { user: 'ivy' }));
      expect(await samples(other, 'myapp_auth')).toContain(
        'myapp_auth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 1',
      );
      expect(await samples(registry)).toContain(
        'passport_genauth_authenticate_duration_seconds_count{connection="wechat",result="success",error_code="none"} 1',
      );
    } finally {
      second.close();
    }
    expect(() => createPrometheusMetrics({ registry, prefix: 'bad prefix' })).toThrow(TypeError);
    // A metric of the same name that is not ours: a clear error, and nothing of ours left behind.
    const taken = new Registry();
    new Counter({ name: 'passport_genauth_jwks_fetches_total', help: 'the app’s own', registers: [taken] });
    expect(() => createPrometheusMetrics({ registry: taken })).toThrow('already has passport_genauth_jwks_fetches_total');
    expect(taken.getMetricsAsArray()).toHaveLength(1);
  });

  it('keeps every label to a small fixed set: no request data, user, request id or app id, unknown apiCodes as _OTHER', async () => {
    const app = backend(client);
    // Connections a client makes up, on the single route.
    for (let i = 0; i < 40; i += 1)
      await request(app)
        .post('/auth/mobile')
        .send({ connection: `made_up_${i}`, code: `x-${i}` });
    // apiCodes GenAuth may invent, each with its own request id.
    let n = 0;
    const odd = await startOddGenAuth(() => ({ statusCode: 400 + (n % 300), apiCode: 5000 + (n++ % 97), message: 'new', requestId: `req-${n}` }));
    const oddClient = new GenAuthClient({ appHost: odd.url, appId: 'tenant-42', tokenEndpointAuthMethod: 'none' });
    try {
      for (let i = 0; i < 40; i += 1)
        await request(backend(oddClient))
          .post('/auth/wechat')
          .send({ code: `c-${i}` });
    } finally {
      await oddClient.close();
      await odd.close();
    }
    const labels = await labelValues(registry);
    expect(Object.keys(labels).sort()).toEqual(['api_code', 'connection', 'error_code', 'operation', 'outcome', 'result', 'status_code']);
    expect([...labels.connection!].sort()).toEqual(['none', 'wechat']);
    expect([...labels.api_code!]).toEqual(['_OTHER']);
    expect([...labels.status_code!].every((value) => value === '_OTHER' || /^\d{3}$/.test(value))).toBe(true);
    expect(labels.status_code!.size).toBeLessThanOrEqual(13);
    const everything = await registry.metrics();
    for (const leak of ['tenant-42', 'req-1', 'made_up_', 'c-1']) expect(everything).not.toContain(leak);
  });
});

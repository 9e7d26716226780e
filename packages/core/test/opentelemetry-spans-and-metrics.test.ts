import { createHash } from 'node:crypto';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DEMO_APP, startEmulator, type Emulator } from '@passport-genauth/emulator';
import request from 'supertest';
import { GenAuthClient, configureTelemetry } from '../src';
import { startOddGenAuth } from '@passport-genauth/testing';
import { observedApp } from './support/observed-app';
import { SCENARIOS, type ScenarioContext } from './support/observed-scenarios';
import { onlySpan, registerInMemoryOtel, spanTree, type InMemoryOtel } from './support/otel-sdk';

/** The span tree each scenario leaves (the JWKS is already cached: no key fetch). */
const TREES: Readonly<Record<string, string[]>> = {
  'a login': ['genauth.authenticate', '  genauth.exchange', '    POST', '  genauth.id_token.verify'],
  'a missing credential': ['genauth.authenticate'],
  'a locked user': ['genauth.authenticate', '  genauth.exchange', '    POST'],
  'GenAuth resetting the connection': ['genauth.authenticate', '  genauth.exchange', '    POST'],
  'a bearer check': [...['genauth.authenticate', '  genauth.exchange', '    POST', '  genauth.id_token.verify'], 'genauth.authenticate'],
  'a refresh and a revocation': [
    ...['genauth.authenticate', '  genauth.exchange', '    POST', '  genauth.id_token.verify'],
    'genauth.exchange',
    '  POST',
    'genauth.id_token.verify',
    'genauth.exchange',
    '  POST',
  ],
};

describe('OpenTelemetry through @opentelemetry/api (in-memory exporters, undici instrumented)', () => {
  let otel: InMemoryOtel;
  let emulator: Emulator;
  let client: GenAuthClient;
  let context: ScenarioContext;

  beforeAll(async () => {
    otel = registerInMemoryOtel();
    expect(await configureTelemetry()).toEqual({ openTelemetry: 'enabled' });
    emulator = await startEmulator();
    client = new GenAuthClient({ appHost: emulator.url, appId: DEMO_APP.appId, appSecret: DEMO_APP.appSecret, tokenEndpointAuthMethod: 'client_secret_basic' });
    await client.warmUp();
    context = { emulator, client, app: observedApp(client) };
  });
  beforeEach(() => otel.reset());
  afterEach(() => configureTelemetry());
  afterAll(async () => {
    await client.close();
    await emulator.close();
    await otel.shutdown();
  });

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    '%s: the app sees the same outcome, and the spans nest as GenAuth was called',
    async (name, scenario) => {
      const res = await scenario.run(context);
      expect(res.status).toBe(scenario.status);
      if (scenario.code) expect(res.body.code).toBe(scenario.code);
      expect(spanTree(otel.spans.getFinishedSpans())).toEqual(TREES[name]);
    },
  );

  it('a login: INTERNAL spans with the strategy, connection, result and server; undici POST is a CLIENT span under genauth.exchange', async () => {
    await SCENARIOS[0]!.run(context);
    const spans = otel.spans.getFinishedSpans();
    const authenticate = onlySpan(spans, 'genauth.authenticate');
    const exchange = onlySpan(spans, 'genauth.exchange');
    const post = onlySpan(spans, 'POST');
    const idToken = onlySpan(spans, 'genauth.id_token.verify');
    expect([authenticate.kind, exchange.kind, idToken.kind, post.kind]).toEqual([SpanKind.INTERNAL, SpanKind.INTERNAL, SpanKind.INTERNAL, SpanKind.CLIENT]);
    expect(authenticate.attributes).toEqual({
      'genauth.strategy': 'genauth-wechat',
      'genauth.connection': 'wechat',
      'genauth.app_id': DEMO_APP.appId,
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(emulator.url).port),
      'genauth.result': 'success',
    });
    expect(exchange.attributes).toMatchObject({
      'genauth.operation': 'sign-in',
      'genauth.client_auth_method': 'client_secret_basic',
      'genauth.result': 'success',
      'genauth.http_status': 200,
    });
    expect(idToken.attributes).toMatchObject({ 'genauth.id_token.alg': 'RS256', 'genauth.id_token.verified': true, 'genauth.result': 'success' });
    expect(post.parentSpanContext?.spanId).toBe(exchange.spanContext().spanId);
    expect(post.attributes['url.full']).toBe(`${emulator.url}/api/v3/signin-by-mobile`);
    for (const span of [authenticate, exchange, idToken]) expect(span.status.code).toBe(SpanStatusCode.UNSET);
    // One trace: GenAuth's call is part of the login.
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('a locked user: a refusal is not an error (status UNSET) but carries apiCode, requestId and error.type', async () => {
    await SCENARIOS[2]!.run(context);
    const requestId = emulator.requests.at(-1)?.requestId;
    const spans = otel.spans.getFinishedSpans();
    for (const name of ['genauth.authenticate', 'genauth.exchange']) {
      const span = onlySpan(spans, name);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
      expect(span.attributes).toMatchObject({
        'genauth.result': 'fail',
        'genauth.api_code': 2005,
        'genauth.status_code': 403,
        'genauth.request_id': requestId,
        'error.type': 'GENAUTH_SIGNIN_REJECTED',
      });
    }
  });

  it('GenAuth unreachable: status ERROR with the code as its message, on the login and the exchange', async () => {
    await SCENARIOS[3]!.run(context);
    const spans = otel.spans.getFinishedSpans();
    for (const name of ['genauth.authenticate', 'genauth.exchange']) {
      const span = onlySpan(spans, name);
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'GENAUTH_HTTP' });
      expect(span.attributes).toMatchObject({ 'genauth.result': 'error', 'error.type': 'GENAUTH_HTTP' });
    }
    // undici's own span failed too, under the exchange.
    expect(onlySpan(spans, 'POST').parentSpanContext?.spanId).toBe(onlySpan(spans, 'genauth.exchange').spanContext().spanId);
  });

  it('a cold key set: the JWKS GET nests under genauth.id_token.verify', async () => {
    const fresh = new GenAuthClient({
      appHost: emulator.url,
      appId: DEMO_APP.appId,
      appSecret: DEMO_APP.appSecret,
      tokenEndpointAuthMethod: 'client_secret_basic',
    });
    try {
      await request(observedApp(fresh))
        .post('/auth/wechat')
        .send(emulator.mintCredential('wechat', { user: 'eli' }));
      expect(spanTree(otel.spans.getFinishedSpans())).toEqual([
        'genauth.authenticate',
        '  genauth.exchange',
        '    POST',
        '  genauth.id_token.verify',
        '    GET',
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('user.id only when the app opts in: off by default, a SHA-256 digest with hash, the GenAuth sub with raw', async () => {
    const seen: unknown[] = [];
    for (const recordUserId of [undefined, 'hash', 'raw'] as const) {
      await configureTelemetry(recordUserId ? { recordUserId } : {});
      otel.reset();
      const res = await SCENARIOS[0]!.run(context);
      const sub = (res.body.user as { id: string }).id;
      const attribute = onlySpan(otel.spans.getFinishedSpans(), 'genauth.authenticate').attributes['user.id'];
      seen.push(
        attribute === undefined
          ? undefined
          : attribute === sub
            ? 'sub'
            : attribute === createHash('sha256').update(sub).digest('hex')
              ? 'sha256(sub)'
              : attribute,
      );
    }
    expect(seen).toEqual([undefined, 'sha256(sub)', 'sub']);
    // Never on a failed login, whatever the setting.
    await configureTelemetry({ recordUserId: 'raw' });
    otel.reset();
    await SCENARIOS[2]!.run(context);
    expect(onlySpan(otel.spans.getFinishedSpans(), 'genauth.authenticate').attributes).not.toHaveProperty('user.id');
  });

  it('an injected tracer provider receives the spans instead of the global one', async () => {
    const mine = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(mine)] });
    await configureTelemetry({ tracerProvider: provider });
    await SCENARIOS[0]!.run(context);
    expect(
      mine
        .getFinishedSpans()
        .map((span) => span.name)
        .sort(),
    ).toEqual(['genauth.authenticate', 'genauth.exchange', 'genauth.id_token.verify']);
    expect(otel.spans.getFinishedSpans().map((span) => span.name)).toEqual(['POST']);
    await provider.shutdown();
  });

  it('an injected meter provider receives the metrics', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ readers: [reader] });
    await configureTelemetry({ meterProvider: provider });
    await SCENARIOS[0]!.run(context);
    await reader.forceFlush();
    const names = exporter.getMetrics().flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics.map((metric) => metric.descriptor.name)));
    expect(names).toEqual(expect.arrayContaining(['genauth.authenticate.duration', 'genauth.exchange.duration']));
    await provider.shutdown();
  });

  it('metrics: one duration histogram for every outcome (seconds, by result), rejections by apiCode with unknown codes as _OTHER, JWKS fetches', async () => {
    for (const scenario of SCENARIOS) await scenario.run(context);
    const odd = await startOddGenAuth(() => ({ statusCode: 400, apiCode: 4242, message: 'something new', requestId: 'odd-1' }));
    const oddClient = new GenAuthClient({ appHost: odd.url, appId: 'odd-app', tokenEndpointAuthMethod: 'none' });
    try {
      const res = await request(observedApp(oddClient)).post('/auth/wechat').send({ code: 'whatever' });
      expect(res.status).toBe(401);
    } finally {
      await oddClient.close();
      await odd.close();
    }

    const durations = await otel.points('genauth.authenticate.duration');
    const count = (attributes: Record<string, string>) =>
      durations
        .filter((point) => Object.entries(attributes).every(([key, value]) => point.attributes[key] === value))
        .reduce((sum, point) => sum + (point.value as { count: number }).count, 0);
    expect(count({ 'genauth.connection': 'wechat', 'genauth.result': 'success' })).toBeGreaterThanOrEqual(4);
    expect(count({ 'genauth.result': 'fail', 'error.type': 'GENAUTH_SIGNIN_REJECTED' })).toBeGreaterThanOrEqual(2);
    expect(count({ 'genauth.result': 'fail', 'error.type': 'GENAUTH_INVALID_CREDENTIALS' })).toBeGreaterThanOrEqual(1);
    expect(count({ 'genauth.result': 'error', 'error.type': 'GENAUTH_HTTP' })).toBeGreaterThanOrEqual(1);
    expect(count({ 'genauth.strategy': 'genauth-bearer', 'genauth.result': 'success' })).toBeGreaterThanOrEqual(1);
    // Seconds, not milliseconds: a loopback login takes well under a second.
    const success = durations.find((point) => point.attributes['genauth.result'] === 'success')!.value as { sum: number; count: number };
    expect(success.sum / success.count).toBeLessThan(5);

    const rejections = await otel.points('genauth.exchange.rejections');
    const byCode = Object.fromEntries(
      rejections.map((point) => [`${String(point.attributes['genauth.operation'])}/${String(point.attributes['genauth.api_code'])}`, point.value]),
    );
    expect(byCode).toMatchObject({ 'sign-in/2005': expect.any(Number), 'sign-in/_OTHER': 1 });
    expect(rejections.map((point) => point.attributes['genauth.api_code'])).not.toContain('4242');

    const exchanges = await otel.points('genauth.exchange.duration');
    expect(new Set(exchanges.map((point) => `${String(point.attributes['genauth.operation'])}:${String(point.attributes['genauth.result'])}`))).toEqual(
      new Set(['sign-in:success', 'sign-in:fail', 'sign-in:error', 'refresh:success', 'revoke:success']),
    );
    const fetches = await otel.points('genauth.jwks.fetches');
    expect(fetches.map((point) => point.attributes)).toContainEqual({ 'genauth.jwks.reason': 'warm-up', 'genauth.result': 'success' });
  });
});

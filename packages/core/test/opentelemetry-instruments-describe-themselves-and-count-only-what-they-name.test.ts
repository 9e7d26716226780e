import { SpanStatusCode, trace } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ConfigurationError, SignInRejectedError, configureTelemetry } from '../src';
import { reportJwksFetch } from '../src/diagnostics/jwks-fetch';
import { authenticateMessage, observeAuthenticate } from '../src/diagnostics/observe-authenticate';
import { observeExchange } from '../src/diagnostics/observe-exchange';
import { onlySpan } from './support/otel-sdk';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** A meter provider exporting to memory; `collect()` returns the metrics of the last collection. */
function memoryMeters(): { provider: MeterProvider; collect(): Promise<ResourceMetrics | undefined> } {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  return {
    provider,
    async collect() {
      await reader.forceFlush();
      return exporter.getMetrics().at(-1);
    },
  };
}

const metricsOf = (collected: ResourceMetrics | undefined) => collected?.scopeMetrics.flatMap((scope) => scope.metrics) ?? [];

const signIn = (run: () => Promise<string>) =>
  observeExchange(
    () => ({ operation: 'sign-in', appId: 'app-1', serverAddress: 'https://a.genauth.ai', connection: 'wechat', credentialFields: ['code'] }),
    run,
  );

const login = (outcome: Parameters<typeof observeAuthenticate>[1]) =>
  observeAuthenticate(
    authenticateMessage({ kind: 'login', strategy: 'genauth-wechat', connection: 'wechat', credentialFields: ['code'] }, { headers: {} }),
    outcome,
    () => undefined,
  );

describe('passport-genauth instruments name their unit, their description and their buckets', () => {
  afterEach(() => configureTelemetry());

  it('four instruments under @passport-genauth/core, durations in seconds with the HTTP duration buckets', async () => {
    const meters = memoryMeters();
    await configureTelemetry({ meterProvider: meters.provider });
    await signIn(async () => 'ok');
    await login(async () => ({ type: 'success', user: { id: 'u' }, info: {} as never }));
    reportJwksFetch({ jwksUri: 'https://a.genauth.ai/oidc/.well-known/jwks.json', reason: 'warm-up', durationMs: 1, ok: true });
    await expect(signIn(() => Promise.reject(new SignInRejectedError('refused', { status: 401, apiCode: 2005 })))).rejects.toBeInstanceOf(SignInRejectedError);
    const collected = await meters.collect();
    expect(collected?.scopeMetrics.map((scope) => scope.scope.name)).toEqual(['@passport-genauth/core']);
    const found = metricsOf(collected);
    expect(Object.fromEntries(found.map((metric) => [metric.descriptor.name, [metric.descriptor.unit, metric.descriptor.description]]))).toEqual({
      'genauth.exchange.duration': ['s', 'Duration of calls to GenAuth (sign-in, refresh, revoke, introspect, userinfo)'],
      'genauth.authenticate.duration': ['s', 'Duration of logins and bearer checks, successful or not (genauth.result)'],
      'genauth.jwks.fetches': ['{fetch}', "Fetches of the application's JWKS"],
      'genauth.exchange.rejections': ['{rejection}', 'Calls GenAuth answered with a refusal, by apiCode (unknown codes as _OTHER)'],
    });
    for (const name of ['genauth.exchange.duration', 'genauth.authenticate.duration']) {
      const point = found.find((metric) => metric.descriptor.name === name)?.dataPoints[0];
      expect((point?.value as { buckets: { boundaries: number[] } }).buckets.boundaries).toEqual(BUCKETS);
    }
    await meters.provider.shutdown();
  });

  it('a successful exchange counts no rejection; a refused one counts one by operation, connection, apiCode and GenAuth statusCode', async () => {
    const meters = memoryMeters();
    await configureTelemetry({ meterProvider: meters.provider });
    await signIn(async () => 'ok');
    expect(metricsOf(await meters.collect()).map((metric) => metric.descriptor.name)).not.toContain('genauth.exchange.rejections');
    const refusal = new SignInRejectedError('refused', { status: 401, apiCode: 2005, genauthStatusCode: 403 });
    await expect(signIn(() => Promise.reject(refusal))).rejects.toBe(refusal);
    await expect(signIn(() => Promise.reject(new Error('socket hang up')))).rejects.toThrow('socket hang up');
    const rejections = metricsOf(await meters.collect()).find((metric) => metric.descriptor.name === 'genauth.exchange.rejections');
    expect(rejections?.dataPoints.map((point) => [point.attributes, point.value])).toEqual([
      [{ 'genauth.operation': 'sign-in', 'genauth.connection': 'wechat', 'genauth.api_code': '2005', 'genauth.status_code': '403' }, 1],
    ]);
    await meters.provider.shutdown();
  });

  it('a login is timed by strategy, connection and result; error.type only when it did not succeed', async () => {
    const meters = memoryMeters();
    await configureTelemetry({ meterProvider: meters.provider });
    await login(async () => ({ type: 'success', user: { id: 'u' }, info: {} as never }));
    await login(async () => ({ type: 'fail', challenge: { code: 'GENAUTH_INVALID_CREDENTIALS' }, status: 400 }));
    const durations = metricsOf(await meters.collect()).find((metric) => metric.descriptor.name === 'genauth.authenticate.duration');
    expect(durations?.dataPoints.map((point) => point.attributes)).toEqual([
      { 'genauth.strategy': 'genauth-wechat', 'genauth.connection': 'wechat', 'genauth.result': 'success' },
      { 'genauth.strategy': 'genauth-wechat', 'genauth.connection': 'wechat', 'genauth.result': 'fail', 'error.type': 'GENAUTH_INVALID_CREDENTIALS' },
    ]);
    await meters.provider.shutdown();
  });

  it('with openTelemetry off, an injected meter provider records nothing, not even a JWKS fetch', async () => {
    const meters = memoryMeters();
    expect(await configureTelemetry({ openTelemetry: false, meterProvider: meters.provider })).toEqual({ openTelemetry: 'disabled' });
    reportJwksFetch({ jwksUri: 'https://a.genauth.ai/oidc/.well-known/jwks.json', reason: 'cold', durationMs: 1, ok: true });
    const given: unknown[] = [];
    await observeExchange(
      () => ({ operation: 'refresh', appId: 'app-1', serverAddress: 'https://a.genauth.ai' }),
      async (message) => void given.push(message),
    );
    // Nobody subscribes and OpenTelemetry is off: the exchange runs unobserved, no message built.
    expect(given).toEqual([undefined]);
    expect(metricsOf(await meters.collect())).toEqual([]);
    await meters.provider.shutdown();
  });
});

describe('a global tracer provider registered alone records spans', () => {
  it('an exchange is a genauth.exchange span with its operation, app id and server', async () => {
    await configureTelemetry();
    const spans = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
    trace.setGlobalTracerProvider(provider);
    try {
      await signIn(async () => 'ok');
      const span = onlySpan(spans.getFinishedSpans(), 'genauth.exchange');
      // A success sets no status: only an error does.
      expect(span.status).toEqual({ code: SpanStatusCode.UNSET });
      expect(span.attributes).toEqual({
        'genauth.operation': 'sign-in',
        'genauth.app_id': 'app-1',
        'server.address': 'a.genauth.ai',
        'server.port': 443,
        'genauth.connection': 'wechat',
        'genauth.result': 'success',
      });
    } finally {
      trace.disable();
      await provider.shutdown();
    }
  });
});

describe('configureTelemetry refuses a provider that is not one', () => {
  const refusal = (options: object): string => {
    try {
      void configureTelemetry(options);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('configureTelemetry accepted it');
  };

  it('null, an empty object, or an object without getTracer()/getMeter() are refused, naming the option and the method', () => {
    const tracer = 'Invalid telemetry options:\n  - tracerProvider: must be an OpenTelemetry provider (an object with getTracer())';
    const meter = 'Invalid telemetry options:\n  - meterProvider: must be an OpenTelemetry provider (an object with getMeter())';
    expect(refusal({ tracerProvider: null })).toBe(tracer);
    expect(refusal({ tracerProvider: {} })).toBe(tracer);
    expect(refusal({ tracerProvider: { getMeter: () => ({}) } })).toBe(tracer);
    expect(refusal({ tracerProvider: 'getTracer' })).toBe(tracer);
    expect(refusal({ tracerProvider: Object.assign(() => undefined, { getTracer: () => ({}) }) })).toBe(tracer);
    expect(refusal({ meterProvider: { getMeter: 'yes' } })).toBe(meter);
    expect(refusal({ recordUserId: 'sha1' })).toBe("Invalid telemetry options:\n  - recordUserId: must be 'off', 'hash' or 'raw'");
  });
});

describe('the user id of a login is read only when a span will carry it', () => {
  afterEach(() => configureTelemetry());

  type Outcome = Awaited<ReturnType<Parameters<typeof observeAuthenticate>[1]>>;

  /** One observed login: with a tracer (or a meter only), the app's recordUserId, and what the login gave. */
  const run = async (withTracer: boolean, recordUserId: 'off' | 'raw', outcome: Outcome) => {
    const spans = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
    const meterProvider = new MeterProvider();
    await configureTelemetry(withTracer ? { tracerProvider, recordUserId } : { meterProvider, recordUserId });
    const subjectOf = jest.fn(() => 'user-1');
    await observeAuthenticate(
      authenticateMessage({ kind: 'bearer', strategy: 'genauth-bearer', connection: undefined, credentialFields: [] }, { headers: {} }),
      async () => outcome,
      subjectOf,
    );
    const userId = spans.getFinishedSpans()[0]?.attributes['user.id'];
    await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    return { calls: subjectOf.mock.calls.length, userId };
  };
  const success: Outcome = { type: 'success', user: { id: 'u' }, info: {} as never };

  it('a success with a tracer and recordUserId raw: read once, on the span', async () => {
    expect(await run(true, 'raw', success)).toEqual({ calls: 1, userId: 'user-1' });
  });

  it('not read with recordUserId off, nor for a refusal, nor without a tracer', async () => {
    expect(await run(true, 'off', success)).toEqual({ calls: 0, userId: undefined });
    expect(await run(true, 'raw', { type: 'fail', challenge: {}, status: 401 })).toEqual({ calls: 0, userId: undefined });
    expect(await run(false, 'raw', success)).toEqual({ calls: 0, userId: undefined });
  });
});

import { metrics } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type DataPoint } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { MockGenAuth } from '@passport-genauth/testing';
import { GenAuthBearerStrategy, configureTelemetry } from '../src';
import { reportJwksFetch } from '../src/diagnostics/jwks-fetch';
import { observeExchange } from '../src/diagnostics/observe-exchange';
import { USER, accessClaims, serveRotatingJwks, signAccessToken } from './support/access-tokens';
import { onlySpan } from './support/otel-sdk';

/** A meter provider exporting to memory, read on demand. */
function memoryMeters(): { provider: MeterProvider; points(name: string): Promise<Array<DataPoint<unknown>>> } {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  return {
    provider,
    async points(name) {
      await reader.forceFlush();
      const metric = exporter
        .getMetrics()
        .at(-1)
        ?.scopeMetrics.flatMap((scope) => scope.metrics)
        .find((candidate) => candidate.descriptor.name === name);
      return metric?.dataPoints ?? [];
    },
  };
}

const refresh = () =>
  observeExchange(
    () => ({ operation: 'refresh', appId: 'app-1', serverAddress: 'https://a.genauth.ai' }),
    async () => 'tokens',
  );

describe('OpenTelemetry metrics alone, with no tracer anywhere, are recorded', () => {
  afterEach(() => configureTelemetry());

  it('an injected meter provider alone: an exchange is timed under its operation and result', async () => {
    const meters = memoryMeters();
    expect(await configureTelemetry({ meterProvider: meters.provider })).toEqual({ openTelemetry: 'enabled' });
    expect(await refresh()).toBe('tokens');
    const points = await meters.points('genauth.exchange.duration');
    expect(points.map((point) => point.attributes)).toEqual([{ 'genauth.operation': 'refresh', 'genauth.result': 'success' }]);
    await meters.provider.shutdown();
  });

  it('a failed JWKS fetch is counted with result error and its reason', async () => {
    const meters = memoryMeters();
    await configureTelemetry({ meterProvider: meters.provider });
    reportJwksFetch({ jwksUri: 'https://a.genauth.ai/oidc/.well-known/jwks.json', reason: 'cold', durationMs: 3, ok: false });
    reportJwksFetch({ jwksUri: 'https://a.genauth.ai/oidc/.well-known/jwks.json', reason: 'cold', durationMs: 3, ok: true });
    const points = await meters.points('genauth.jwks.fetches');
    expect(points.map((point) => [point.attributes, point.value])).toEqual(
      expect.arrayContaining([
        [{ 'genauth.jwks.reason': 'cold', 'genauth.result': 'error' }, 1],
        [{ 'genauth.jwks.reason': 'cold', 'genauth.result': 'success' }, 1],
      ]),
    );
    expect(points).toHaveLength(2);
    await meters.provider.shutdown();
  });

  it('a global meter provider registered alone (no global tracer provider): an exchange is timed', async () => {
    const meters = memoryMeters();
    await configureTelemetry();
    metrics.setGlobalMeterProvider(meters.provider);
    try {
      await refresh();
      const points = await meters.points('genauth.exchange.duration');
      expect(points.map((point) => point.attributes)).toEqual([{ 'genauth.operation': 'refresh', 'genauth.result': 'success' }]);
    } finally {
      metrics.disable();
      await meters.provider.shutdown();
    }
  });
});

describe('a bearer span names the user as the app asked', () => {
  let mock: MockGenAuth;

  beforeAll(async () => {
    mock = await MockGenAuth.start();
    serveRotatingJwks(mock, [mock.key]);
  });
  afterEach(() => configureTelemetry());
  afterAll(() => mock.agent.close());

  it("recordUserId 'raw': the accepted token's sub is user.id on genauth.authenticate", async () => {
    const spans = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
    await configureTelemetry({ tracerProvider, recordUserId: 'raw' });
    const client = mock.client();
    try {
      const strategy = new GenAuthBearerStrategy({ client }, async (claims) => ({ id: claims.sub }));
      const token = await signAccessToken(mock.key, accessClaims());
      const outcome = await strategy.login({ headers: { authorization: `Bearer ${token}` } });
      expect(outcome.type).toBe('success');
      expect(onlySpan(spans.getFinishedSpans(), 'genauth.authenticate').attributes).toMatchObject({ 'user.id': USER, 'genauth.result': 'success' });
    } finally {
      await client.close();
      await tracerProvider.shutdown();
    }
  });
});

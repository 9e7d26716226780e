import { createNoopMeter } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type Histogram } from '@opentelemetry/sdk-metrics';
import { APP } from '@passport-genauth/testing';
import { MockAgent } from 'undici';
import { GenAuthClient, configureTelemetry } from '../src';
import { authenticateMessage, observeAuthenticate } from '../src/diagnostics/observe-authenticate';
import { observeExchange } from '../src/diagnostics/observe-exchange';
import { recordChannels } from './support/channel-recorder';
import { CodeStrategy } from './support/providers';

/** Only `performance.now()` is faked: the SDK's own timers and the promises run as usual. */
const FAKE_CLOCK_ONLY: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: [
    'Date',
    'hrtime',
    'nextTick',
    'queueMicrotask',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
  ],
};

describe('a login notes the client it chose, and no app when no registry chose one', () => {
  it('the authenticate message has the app id and origin of the client, and no app key', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const client = new GenAuthClient({ ...APP, tokenEndpointAuthMethod: 'client_secret_post', dispatcher: agent });
    const recorder = recordChannels();
    try {
      const strategy = new CodeStrategy({ client, extIdpConnidentifier: 'test' }, async () => ({ id: 'x' }));
      const outcome = await strategy.login({ headers: {}, body: { code: 'one-time-code' } });
      expect(outcome.type).toBe('error');
      const end = recorder.of('authenticate').find((event) => event.event === 'asyncEnd');
      expect(end?.message).toMatchObject({ appId: APP.appId, serverAddress: APP.appHost, clientAuthMethod: 'client_secret_post' });
      expect(Object.keys(end?.message ?? {})).not.toContain('app');
    } finally {
      recorder.stop();
      await client.close();
      await agent.close();
    }
  });
});

describe('an injected meter provider that only hands out no-op meters turns observation off', () => {
  afterEach(() => configureTelemetry());

  it('with no subscriber and no tracer, an exchange runs unobserved: no message is built', async () => {
    await configureTelemetry({ meterProvider: { getMeter: () => createNoopMeter() } });
    const start = jest.fn(() => ({ operation: 'refresh' as const, appId: 'app-1', serverAddress: 'https://a.genauth.ai' }));
    const given: unknown[] = [];
    await observeExchange(start, async (message) => void given.push(message));
    expect(given).toEqual([undefined]);
    expect(start).not.toHaveBeenCalled();
  });
});

describe('durations are recorded in seconds', () => {
  afterEach(() => {
    jest.useRealTimers();
    return configureTelemetry();
  });

  it('a login and an exchange that took 1.5 s record 1.5 in their histograms, and 1500 ms on the message', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ readers: [reader] });
    await configureTelemetry({ meterProvider: provider });
    const recorder = recordChannels();
    jest.useFakeTimers(FAKE_CLOCK_ONLY);
    try {
      const message = authenticateMessage({ kind: 'login', strategy: 'genauth-test', connection: 'test', credentialFields: [] }, { headers: {} });
      await observeAuthenticate(
        message,
        async () => {
          jest.advanceTimersByTime(1500);
          return { type: 'fail', challenge: {}, status: 401 };
        },
        () => undefined,
      );
      await observeExchange(
        () => ({ operation: 'refresh', appId: 'app-1', serverAddress: 'https://a.genauth.ai' }),
        async () => jest.advanceTimersByTime(1500),
      );
      jest.useRealTimers();
      expect(message.durationMs).toBe(1500);
      // The message handed to Node never carries the live request as a key.
      expect(Object.keys(message)).not.toContain('request');
      expect(message.request).toEqual({ headers: {} });
      await reader.forceFlush();
      const metrics =
        exporter
          .getMetrics()
          .at(-1)
          ?.scopeMetrics.flatMap((scope) => scope.metrics) ?? [];
      const sumOf = (name: string) => (metrics.find((metric) => metric.descriptor.name === name)?.dataPoints[0]?.value as Histogram | undefined)?.sum;
      expect(sumOf('genauth.authenticate.duration')).toBe(1.5);
      expect(sumOf('genauth.exchange.duration')).toBe(1.5);
    } finally {
      recorder.stop();
      await provider.shutdown();
    }
  });
});

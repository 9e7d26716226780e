import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type DataPoint,
  type Histogram,
} from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** An OpenTelemetry SDK registered globally, exporting to memory, with undici's own instrumentation enabled. */
export interface InMemoryOtel {
  readonly spans: InMemorySpanExporter;
  /** The data points of one metric after a flush, with their attributes. */
  points(name: string): Promise<Array<DataPoint<number | Histogram>>>;
  /** Every metric exported so far (the last collection), for a test that looks at everything. */
  allMetrics(): Promise<unknown>;
  reset(): void;
  shutdown(): Promise<void>;
}

/** Registers the SDK as an app does (global tracer and meter providers, the AsyncLocalStorage context manager). */
export function registerInMemoryOtel(): InMemoryOtel {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(tracerProvider);
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(meterProvider);
  const undici = new UndiciInstrumentation();
  undici.setTracerProvider(tracerProvider);
  undici.enable();
  const collect = async () => {
    await reader.forceFlush();
    return metricExporter.getMetrics().at(-1);
  };
  return {
    spans,
    async points(name) {
      const last = await collect();
      const metric = last?.scopeMetrics.flatMap((scope) => scope.metrics).find((candidate) => candidate.descriptor.name === name);
      return (metric?.dataPoints ?? []) as Array<DataPoint<number | Histogram>>;
    },
    allMetrics: collect,
    reset: () => spans.reset(),
    async shutdown() {
      undici.disable();
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      context.disable();
    },
  };
}

/** The spans as an indented tree of names (children in start order), for asserting nesting. */
export function spanTree(spans: readonly ReadableSpan[]): string[] {
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  const children = (parent: string | undefined) =>
    spans
      .filter((span) => {
        const parentId = span.parentSpanContext?.spanId;
        return parent === undefined ? parentId === undefined || !ids.has(parentId) : parentId === parent;
      })
      .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  const lines: string[] = [];
  const walk = (span: ReadableSpan, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${span.name}`);
    for (const child of children(span.spanContext().spanId)) walk(child, depth + 1);
  };
  for (const root of children(undefined)) walk(root, 0);
  return lines;
}

/** The one finished span named `name`; fails when there is none or several. */
export function onlySpan(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((span) => span.name === name);
  if (found.length !== 1) throw new Error(`expected one ${name} span, found ${found.length}: ${spans.map((span) => span.name).join(', ')}`);
  return found[0] as ReadableSpan;
}

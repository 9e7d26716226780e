import type { Attributes, Context, Counter, Histogram, Meter, MeterProvider, Span, Tracer, TracerProvider } from '@opentelemetry/api';
import { loadOtelApi, otelApi, type OtelApi } from './otel-api';
import { telemetrySettings } from './telemetry';

const SCOPE = '@passport-genauth/core';

/** Seconds, for login and GenAuth call durations (OpenTelemetry's HTTP duration buckets). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** The instruments of one meter provider. */
export interface Instruments {
  readonly authenticateDuration: Histogram;
  readonly exchangeDuration: Histogram;
  readonly exchangeRejections: Counter;
  readonly jwksFetches: Counter;
}

let tracerCache: { readonly from: object; readonly tracer: Tracer } | undefined;
let meterCache: { readonly from: object; readonly instruments: Instruments | undefined } | undefined;
let noop: { readonly tracerProvider: object; readonly meter: abstract new (...args: never[]) => object } | undefined;

// Looked for as soon as core loads, so that it is ready long before the first login.
void loadOtelApi();

/** The API's own no-op provider and meter class, to tell "installed but nothing registered" apart. */
function noopOf(api: OtelApi): NonNullable<typeof noop> {
  noop ??= {
    tracerProvider: new api.ProxyTracerProvider().getDelegate(),
    meter: (api.createNoopMeter() as object).constructor as abstract new (...args: never[]) => object,
  };
  return noop;
}

/** The injected or the global tracer provider, unless no SDK is registered (then spans would be no-ops). */
function tracerProviderOf(api: OtelApi): TracerProvider | undefined {
  const injected = telemetrySettings().tracerProvider as TracerProvider | undefined;
  if (injected !== undefined) return injected;
  const global = api.trace.getTracerProvider();
  const delegate = global instanceof api.ProxyTracerProvider ? global.getDelegate() : global;
  return delegate === noopOf(api).tracerProvider ? undefined : global;
}

function makeInstruments(meter: Meter): Instruments {
  const advice = { explicitBucketBoundaries: DURATION_BUCKETS };
  return {
    authenticateDuration: meter.createHistogram('genauth.authenticate.duration', {
      description: 'Duration of logins and bearer checks, successful or not (genauth.result)',
      unit: 's',
      advice,
    }),
    exchangeDuration: meter.createHistogram('genauth.exchange.duration', {
      description: 'Duration of calls to GenAuth (sign-in, refresh, revoke, introspect, userinfo)',
      unit: 's',
      advice,
    }),
    exchangeRejections: meter.createCounter('genauth.exchange.rejections', {
      description: 'Calls GenAuth answered with a refusal, by apiCode (unknown codes as _OTHER)',
      unit: '{rejection}',
    }),
    jwksFetches: meter.createCounter('genauth.jwks.fetches', { description: "Fetches of the application's JWKS", unit: '{fetch}' }),
  };
}

/**
 * The instruments of the injected or the global meter provider; `undefined` when that provider only
 * hands out no-op meters. The metrics API has no proxy provider (a meter taken before the SDK
 * registers stays a no-op), so the provider is looked up on every use and the instruments are made
 * again when it changed.
 */
export function instruments(api: OtelApi): Instruments | undefined {
  const provider = (telemetrySettings().meterProvider ?? api.metrics.getMeterProvider()) as MeterProvider;
  if (meterCache?.from !== provider) {
    const meter = provider.getMeter(SCOPE);
    meterCache = { from: provider, instruments: meter instanceof noopOf(api).meter ? undefined : makeInstruments(meter) };
  }
  return meterCache.instruments;
}

/**
 * The API when spans or metrics are to be recorded now: installed, not turned off, and a tracer or
 * meter provider registered (or injected). `undefined` otherwise, so an app that has the API only as
 * someone's dependency pays nothing per login.
 */
export function activeOtel(): OtelApi | undefined {
  const api = otelApi();
  const settings = telemetrySettings();
  if (api === undefined || !settings.openTelemetry) return undefined;
  if (settings.tracerProvider === undefined && settings.meterProvider === undefined && !anyGlobalProvider()) return undefined;
  return tracerProviderOf(api) !== undefined || instruments(api) !== undefined ? api : undefined;
}

/** Where @opentelemetry/api 1.x keeps what `setGlobalTracerProvider`/`setGlobalMeterProvider` registered (shared by every copy of 1.x). */
const GLOBAL_REGISTRY = Symbol.for('opentelemetry.js.api.1');

/** One property read that answers "no SDK here" for the common unobserved case; anything else is checked in full. */
function anyGlobalProvider(): boolean {
  const registry = (globalThis as Record<symbol, { trace?: unknown; metrics?: unknown } | undefined>)[GLOBAL_REGISTRY];
  // No registry at all: nothing was ever registered globally, so there is no SDK to report to.
  return registry !== undefined && (registry.trace !== undefined || registry.metrics !== undefined);
}

/** A started span and the context to run its work in, so that spans started meanwhile (undici's) nest under it. */
export class SpanScope {
  readonly #api: OtelApi;
  readonly #span: Span;
  readonly #context: Context;

  constructor(api: OtelApi, span: Span, context: Context) {
    this.#api = api;
    this.#span = span;
    this.#context = context;
  }

  /** Runs `fn` with this span as the active one. */
  run<T>(fn: () => T): T {
    return this.#api.context.with(this.#context, fn);
  }

  /** Adds the completion's attributes and ends the span; status ERROR only for `error` (a refusal is an expected outcome). */
  end(attributes: Attributes, errorType: string | undefined): void {
    this.#span.setAttributes(attributes);
    if (errorType !== undefined) this.#span.setStatus({ code: this.#api.SpanStatusCode.ERROR, message: errorType });
    this.#span.end();
  }
}

/** Starts an INTERNAL span under the active context, or returns `undefined` when no spans are recorded. */
export function startSpan(name: string, attributes: Attributes): SpanScope | undefined {
  const api = activeOtel();
  const provider = api === undefined ? undefined : tracerProviderOf(api);
  if (api === undefined || provider === undefined) return undefined;
  if (tracerCache?.from !== provider) tracerCache = { from: provider, tracer: provider.getTracer(SCOPE) };
  const parent = api.context.active();
  const span = tracerCache.tracer.startSpan(name, { kind: api.SpanKind.INTERNAL, attributes }, parent);
  return new SpanScope(api, span, api.trace.setSpan(parent, span));
}

/** The instruments to record into now, or `undefined` when no metrics are recorded. */
export function activeInstruments(): Instruments | undefined {
  const api = otelApi();
  return api !== undefined && telemetrySettings().openTelemetry ? instruments(api) : undefined;
}

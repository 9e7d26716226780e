import { channels, type AuthenticateMessage, type ExchangeMessage, type JwksFetchMessage } from '@passport-genauth/core';
import promClient, { type Registry } from 'prom-client';
import { DURATION_BUCKETS, MetricSet } from './metric-set';

/** Options of `createPrometheusMetrics`. */
export interface PrometheusMetricsOptions {
  /** Where the metrics are registered; default: prom-client's global `register`. */
  registry?: Registry;
  /** Metric name prefix (default `passport_genauth`): `<prefix>_authenticate_duration_seconds`, … */
  prefix?: string;
  /** Histogram buckets in seconds (default 5 ms … 10 s). */
  buckets?: readonly number[];
}

/** What `createPrometheusMetrics` returns. */
export interface PrometheusMetrics {
  /** The names of the four metrics, as registered. */
  readonly metricNames: readonly string[];
  /** Stops counting; the last handle of a registry and prefix also removes the metrics from the registry. */
  close(): void;
}

interface Installation {
  readonly metrics: MetricSet;
  readonly unsubscribe: () => void;
  handles: number;
}

/** Installations per registry and prefix, shared by every copy of this package in the process. */
const INSTALLATIONS_KEY = Symbol.for('passport-genauth.prometheus.installations');
const installations: WeakMap<Registry, Map<string, Installation>> = ((globalThis as Record<symbol, unknown>)[INSTALLATIONS_KEY] ??= new WeakMap()) as WeakMap<
  Registry,
  Map<string, Installation>
>;

const PREFIX = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A subscriber that can never throw into Node's publish (which would re-throw it as an uncaught exception). */
function guarded<M>(record: (message: M) => void): (message: unknown) => void {
  return (message) => {
    try {
      record(message as M);
    } catch {
      // A metric that cannot be recorded is lost; the login it describes is not affected.
    }
  };
}

function install(registry: Registry, prefix: string, buckets: readonly number[]): Installation {
  const metrics = new MetricSet(registry, prefix, buckets);
  const authenticate = { asyncEnd: guarded<AuthenticateMessage>((message) => metrics.authenticated(message)) };
  const exchange = { asyncEnd: guarded<ExchangeMessage>((message) => metrics.exchanged(message)) };
  const jwks = guarded<JwksFetchMessage>((message) => metrics.fetchedKeys(message));
  channels.authenticate.asyncEnd.subscribe(authenticate.asyncEnd);
  channels.exchange.asyncEnd.subscribe(exchange.asyncEnd);
  channels.jwksFetch.subscribe(jwks);
  const unsubscribe = () => {
    channels.authenticate.asyncEnd.unsubscribe(authenticate.asyncEnd);
    channels.exchange.asyncEnd.unsubscribe(exchange.asyncEnd);
    channels.jwksFetch.unsubscribe(jwks);
    for (const name of metrics.names) registry.removeSingleMetric(name);
  };
  return { metrics, unsubscribe, handles: 0 };
}

/**
 * Prometheus metrics of every passport-genauth login, GenAuth call and JWKS fetch in the process,
 * from core's diagnostics channels (no app code touched): login duration and outcome per connection
 * and error code, GenAuth call duration per operation, GenAuth's refusals per connection and apiCode,
 * JWKS fetches. Every label has a small fixed set of values (never a user, request or app id).
 * Installing again on the same registry and prefix shares the first installation (nothing is counted
 * twice, nothing throws); each call returns a handle to `close()`.
 */
export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const registry = options.registry ?? promClient.register;
  const prefix = options.prefix ?? 'passport_genauth';
  if (!PREFIX.test(prefix))
    throw new TypeError(`createPrometheusMetrics: prefix must be a Prometheus metric name prefix ([a-zA-Z_:][a-zA-Z0-9_:]*), got ${JSON.stringify(prefix)}`);
  let byPrefix = installations.get(registry);
  if (byPrefix === undefined) installations.set(registry, (byPrefix = new Map<string, Installation>()));
  let installation = byPrefix.get(prefix);
  if (installation === undefined) {
    installation = install(registry, prefix, options.buckets ?? DURATION_BUCKETS);
    byPrefix.set(prefix, installation);
  }
  installation.handles += 1;
  const current = installation;
  let closed = false;
  return {
    metricNames: current.metrics.names,
    close() {
      if (closed) return;
      closed = true;
      current.handles -= 1;
      if (current.handles > 0) return;
      byPrefix.delete(prefix);
      current.unsubscribe();
    },
  };
}

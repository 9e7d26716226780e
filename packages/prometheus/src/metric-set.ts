import { diagnosticLabels, type AuthenticateMessage, type ExchangeMessage, type JwksFetchMessage } from '@passport-genauth/core';
import { Counter, Histogram, type Registry } from 'prom-client';

/** Seconds: from a cached-key login (a few ms) to GenAuth's default 10 s deadline. */
export const DURATION_BUCKETS: readonly number[] = Object.freeze([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

const METRIC_SUFFIXES = ['authenticate_duration_seconds', 'exchange_duration_seconds', 'exchange_rejections_total', 'jwks_fetches_total'] as const;

/** The four metrics, registered on one registry under one prefix. */
export class MetricSet {
  readonly names: readonly string[];
  readonly #authenticate: Histogram<'connection' | 'result' | 'error_code'>;
  readonly #exchange: Histogram<'operation' | 'outcome'>;
  readonly #rejections: Counter<'connection' | 'operation' | 'api_code' | 'status_code'>;
  readonly #jwks: Counter<'result'>;

  constructor(registry: Registry, prefix: string, buckets: readonly number[]) {
    const taken = METRIC_SUFFIXES.map((suffix) => `${prefix}_${suffix}`).filter((name) => registry.getSingleMetric(name) !== undefined);
    if (taken.length > 0) {
      throw new TypeError(
        `createPrometheusMetrics: the registry already has ${taken.join(', ')} (not registered by createPrometheusMetrics): pass another prefix`,
      );
    }
    const registers = [registry];
    this.#authenticate = new Histogram({
      name: `${prefix}_authenticate_duration_seconds`,
      help: 'Duration of passport-genauth logins and bearer checks, by connection, result (success, fail, error) and error code',
      labelNames: ['connection', 'result', 'error_code'],
      buckets: [...buckets],
      registers,
    });
    this.#exchange = new Histogram({
      name: `${prefix}_exchange_duration_seconds`,
      help: 'Duration of calls to GenAuth (sign-in, refresh, revoke, introspect, userinfo), by operation and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [...buckets],
      registers,
    });
    this.#rejections = new Counter({
      name: `${prefix}_exchange_rejections_total`,
      help: "Calls GenAuth refused, by connection, operation, GenAuth's apiCode and statusCode (unknown codes as _OTHER)",
      labelNames: ['connection', 'operation', 'api_code', 'status_code'],
      registers,
    });
    this.#jwks = new Counter({
      name: `${prefix}_jwks_fetches_total`,
      help: "Fetches of the GenAuth application's JWKS, by result",
      labelNames: ['result'],
      registers,
    });
    this.names = [this.#authenticate, this.#exchange, this.#rejections, this.#jwks].map((metric) => (metric as unknown as { name: string }).name);
  }

  /** One login or bearer check ended; a bearer check is counted under the connection `bearer`. */
  authenticated(message: AuthenticateMessage): void {
    if (message.result === undefined || message.durationMs === undefined) return;
    const connection = message.kind === 'bearer' ? 'bearer' : diagnosticLabels.connection(message.connection);
    const errorCode = message.result === 'success' ? 'none' : diagnosticLabels.errorCode(message.errorCode);
    this.#authenticate.observe({ connection, result: message.result, error_code: errorCode }, message.durationMs / 1000);
  }

  /** One call to GenAuth ended. */
  exchanged(message: ExchangeMessage): void {
    if (message.result === undefined || message.durationMs === undefined) return;
    this.#exchange.observe({ operation: message.operation, outcome: message.result }, message.durationMs / 1000);
    if (message.rejected !== true) return;
    this.#rejections.inc({
      connection: diagnosticLabels.connection(message.connection),
      operation: message.operation,
      api_code: diagnosticLabels.apiCode(message.apiCode),
      status_code: diagnosticLabels.genauthStatusCode(message.genauthStatusCode),
    });
  }

  /** One JWKS fetch ended. */
  fetchedKeys(message: JwksFetchMessage): void {
    this.#jwks.inc({ result: message.ok ? 'success' : 'error' });
  }
}

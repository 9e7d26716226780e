/** What `startTracing` started. */
export interface Tracing {
  /** Where spans go. */
  readonly endpoint: string;
  /** Flushes the spans still buffered and stops the SDK. */
  shutdown(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Exports traces (and metrics) over OTLP through the OpenTelemetry Node SDK when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, with undici's
 * instrumentation, so that GenAuth's HTTP calls appear under passport-genauth's `genauth.exchange`
 * spans. The SDK is loaded only then: without the variable this resolves to `undefined` and nothing
 * is imported. The SDK reads the other `OTEL_*` variables itself (protocol, headers, service name).
 */
export async function startTracing(env: Env = process.env): Promise<Tracing | undefined> {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  const [{ NodeSDK }, { UndiciInstrumentation }] = await Promise.all([import('@opentelemetry/sdk-node'), import('@opentelemetry/instrumentation-undici')]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'passport-genauth-example',
    instrumentations: [new UndiciInstrumentation()],
  });
  sdk.start();
  return { endpoint, shutdown: () => sdk.shutdown() };
}

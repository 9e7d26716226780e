import type * as Otel from '@opentelemetry/api';

/** `@opentelemetry/api`, as far as passport-genauth uses it. */
export type OtelApi = Pick<typeof Otel, 'context' | 'trace' | 'metrics' | 'SpanKind' | 'SpanStatusCode' | 'ProxyTracerProvider' | 'createNoopMeter'>;

let loaded: OtelApi | undefined;
let loading: Promise<OtelApi | undefined> | undefined;

/** The module when it has the parts used here (an ESM namespace, or a CommonJS module seen through `default`). */
function usable(module: unknown): OtelApi | undefined {
  for (const candidate of [module, (module as { default?: unknown } | undefined)?.default]) {
    const api = candidate as Partial<OtelApi> | undefined;
    if (
      typeof api?.trace?.getTracerProvider === 'function' &&
      typeof api.context?.with === 'function' &&
      typeof api.metrics?.getMeterProvider === 'function' &&
      api.SpanKind !== undefined &&
      api.SpanStatusCode !== undefined &&
      typeof api.ProxyTracerProvider === 'function' &&
      typeof api.createNoopMeter === 'function'
    ) {
      return api as OtelApi;
    }
  }
  return undefined;
}

/**
 * Loads `@opentelemetry/api` once, if the app installed it (an optional peer dependency). A dynamic
 * `import()` of a peer stays external in both builds (tsup keeps peers out of the bundle): native in the
 * ESM build, `require()` inside a promise in the CommonJS build; either way a missing package is a
 * rejected promise, caught here, never a throw at load time. Resolves to the API, or `undefined`.
 */
export function loadOtelApi(): Promise<OtelApi | undefined> {
  loading ??= import('@opentelemetry/api').then(
    (module: unknown) => {
      loaded = usable(module);
      return loaded;
    },
    () => undefined,
  );
  return loading;
}

/** The API once loaded; `undefined` while loading and when it is not installed. */
export function otelApi(): OtelApi | undefined {
  return loaded;
}

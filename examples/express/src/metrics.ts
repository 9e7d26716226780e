import { createPrometheusMetrics } from '@passport-genauth/prometheus';
import type { RequestHandler } from 'express';
import { Registry } from 'prom-client';

/** The backend's Prometheus metrics: passport-genauth's, counted from its diagnostics channels. */
export interface BackendMetrics {
  readonly registry: Registry;
  /** Stops counting (at shutdown). */
  close(): void;
}

/** Starts counting every login, GenAuth call and JWKS fetch of the process into a registry of its own. */
export function startMetrics(): BackendMetrics {
  const registry = new Registry();
  const prometheus = createPrometheusMetrics({ registry });
  return { registry, close: () => prometheus.close() };
}

/** `GET /metrics`: the Prometheus text exposition of `registry`. */
export function metricsRoute(registry: Registry): RequestHandler {
  return (_req, res, next) => {
    registry.metrics().then((text) => {
      res.type(registry.contentType).send(text);
    }, next);
  };
}

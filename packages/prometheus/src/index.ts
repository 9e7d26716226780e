export { createPrometheusMetrics, type PrometheusMetrics, type PrometheusMetricsOptions } from './create-prometheus-metrics';
export { DURATION_BUCKETS } from './metric-set';

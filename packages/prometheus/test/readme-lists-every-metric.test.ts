import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createPrometheusMetrics } from '../src';

describe('README.md', () => {
  it('lists every metric with its type and labels', async () => {
    const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
    const registry = new Registry();
    const metrics = createPrometheusMetrics({ registry });
    try {
      for (const { name, type } of await registry.getMetricsAsJSON()) {
        const metric = registry.getSingleMetric(name);
        const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
        expect({ name, row: row?.split('|')[2]?.trim() }).toEqual({ name, row: type });
        const labels = (metric as unknown as { labelNames: readonly string[] } | undefined)?.labelNames ?? [];
        expect(labels.length).toBeGreaterThan(0);
        for (const label of labels) expect({ name, label, listed: row?.includes(`\`${label}\``) }).toEqual({ name, label, listed: true });
      }
      expect(registry.getMetricsAsArray()).toHaveLength(metrics.metricNames.length);
    } finally {
      metrics.close();
    }
  });
});

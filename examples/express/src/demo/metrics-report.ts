/**
 * The lines of the backend's `GET /metrics` that this run's logins produced: passport-genauth's
 * counters and histogram counts with a value above zero (the buckets and sums are left out).
 */
export async function producedMetricLines(appUrl: string): Promise<string[]> {
  const response = await fetch(`${appUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`GET /metrics answered HTTP ${response.status}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => /^passport_genauth_\w+(_count|_total)\{/.test(line))
    .filter((line) => Number(line.slice(line.lastIndexOf(' ') + 1)) > 0);
}

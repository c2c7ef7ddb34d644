import autocannon from 'autocannon';

/** What a load run measured: throughput and latency percentiles over every response. */
export interface HttpLoadMeasure {
  requestsPerSecond: number;
  responses: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx, errors and timeouts: a valid run has none. */
  failures: number;
}

/**
 * Loads the server with autocannon: `connections` clients each cycling through `paths` for
 * `seconds`. Percentiles are computed from every response's time, not from a summary.
 */
export async function measureHttpLoad(
  baseUrl: string,
  paths: readonly string[],
  options: { connections: number; seconds: number },
): Promise<HttpLoadMeasure> {
  const times: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
    times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    responses: times.length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    p99Ms: percentile(times, 0.99),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

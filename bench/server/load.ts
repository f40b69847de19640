import autocannon from 'autocannon';

/** Requests/s and latency of one endpoint, from a bounded autocannon run on loopback. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/**
 * Hammers one loopback URL for `seconds` (at most 10) with `connections` keep-alive connections.
 * Only 127.0.0.1 is accepted: the bench never sends traffic anywhere else.
 */
export async function measure(url: string, headers: Record<string, string>, seconds = 5, connections = 10): Promise<LoadResult> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`bench: refusing to load ${target.hostname}; loopback only`);
  const result = await autocannon({ url, headers, duration: Math.min(seconds, 10), connections, pipelining: 1 });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** Requests/s and latency of one endpoint, from a bounded autocannon run on loopback. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /**
   * CPU time (user + system) the server process spent per answered request during the run, in
   * microseconds; less sensitive than req/s to other work on a shared machine. Null without /proc.
   */
  cpuMicrosPerRequest: number | null;
}

/** User + system CPU time of a process in microseconds, from /proc (Linux; clock ticks of 10 ms). */
function cpuMicros(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10_000 : null;
  } catch {
    return null;
  }
}

/**
 * Hammers one loopback URL for `seconds` (at most 10) with `connections` keep-alive connections.
 * Only 127.0.0.1 is accepted: the bench never sends traffic anywhere else. With the server's
 * `pid`, its CPU time per request is measured too.
 */
export async function measure(url: string, headers: Record<string, string>, seconds = 5, connections = 10, pid?: number): Promise<LoadResult> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`bench: refusing to load ${target.hostname}; loopback only`);
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({ url, headers, duration: Math.min(seconds, 10), connections, pipelining: 1 });
  const cpuAfter = cpuMicros(pid);
  const answered = result.requests.total;
  return {
    cpuMicrosPerRequest: cpuBefore === null || cpuAfter === null || answered === 0 ? null : Math.round((cpuAfter - cpuBefore) / answered),
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

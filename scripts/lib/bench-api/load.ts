/**
 * One autocannon run against a loopback server: N keep-alive connections posting JSON
 * for a fixed time, each request built by the scenario (body and X-Forwarded-For).
 */
import autocannon from 'autocannon';
import { BROWSER_UA, type BenchRequest } from './scenarios.ts';

/** What one run measured. */
export interface LoadResult {
  /** Responses received (any status). */
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  statusCodes: Record<string, number>;
}

/** Settings of one run. */
export interface LoadOptions {
  port: number;
  path: string;
  connections: number;
  seconds: number;
  /** Builds the n-th request; n counts on from `firstRequest` across runs of a scenario. */
  request: (n: number) => BenchRequest;
  firstRequest?: number;
}

/** Runs the load and resolves with its figures and the next request number. */
export async function runLoad(options: LoadOptions): Promise<{ result: LoadResult; nextRequest: number }> {
  let n = options.firstRequest ?? 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: options.path,
        setupRequest(request) {
          const next = options.request(n++);
          request.headers = {
            ...request.headers,
            'content-type': 'application/json',
            'user-agent': BROWSER_UA,
            'x-forwarded-for': next.clientIp,
          };
          request.body = next.body;
          return request;
        },
      },
    ],
  });
  const r = await instance;
  // Counts from the histograms' totals, not the per-second samples, so short runs are exact.
  const responses = Object.values(r.statusCodeStats).reduce((sum, s) => sum + s.count, 0);
  const result: LoadResult = {
    requests: responses,
    seconds: r.duration,
    requestsPerSecond: responses / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
  return { result, nextRequest: n };
}

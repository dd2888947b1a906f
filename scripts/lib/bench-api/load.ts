/**
 * One autocannon run against a loopback server: N keep-alive connections for a fixed time,
 * either posting JSON built per request by the scenario (body and X-Forwarded-For) or
 * getting one URL. The API and metrics benchmarks both load the server through it.
 */
import autocannon, { type RequestSpec } from 'autocannon';
import { BROWSER_UA } from '../chromium.ts';
import type { BenchRequest } from './scenarios.ts';

/** What one run measured. */
export interface LoadResult {
  /** Responses received (any status). */
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** The slowest response, in milliseconds. */
  max: number;
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  statusCodes: Record<string, number>;
}

/** Settings of one run. */
export interface LoadOptions {
  port: number;
  /** Path and query string. */
  path: string;
  connections: number;
  seconds: number;
  /** Builds the n-th POST; n counts on from `firstRequest` across runs. Without it every request GETs `path`. */
  request?: (n: number) => BenchRequest;
  firstRequest?: number;
  /** Headers of every request (an Authorization header, say). */
  headers?: Record<string, string>;
  /** Seconds to wait for a response before it counts as an error (default 10). */
  timeoutSeconds?: number;
}

/** Runs the load and resolves with its figures and the next request number. */
export async function runLoad(options: LoadOptions): Promise<{ result: LoadResult; nextRequest: number }> {
  let n = options.firstRequest ?? 0;
  const build = options.request;
  const spec: RequestSpec = build
    ? {
        method: 'POST',
        path: options.path,
        setupRequest(request) {
          const next = build(n++);
          request.headers = {
            ...request.headers,
            'content-type': 'application/json',
            'user-agent': BROWSER_UA,
            'x-forwarded-for': next.clientIp,
          };
          request.body = next.body;
          return request;
        },
      }
    : { method: 'GET', path: options.path };
  const r = await autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSeconds ?? 10,
    headers: options.headers,
    requests: [spec],
  });
  // Counts from the histograms' totals, not the per-second samples, so short runs are exact.
  const responses = Object.values(r.statusCodeStats).reduce((sum, s) => sum + s.count, 0);
  const result: LoadResult = {
    requests: responses,
    seconds: r.duration,
    requestsPerSecond: responses / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
  return { result, nextRequest: n };
}

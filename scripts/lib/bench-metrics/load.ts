/** Autocannon runs of the metrics benchmark: GETs of one metric URL, or vote POSTs. */
import autocannon, { type Result } from 'autocannon';
import { BROWSER_UA, voteRequest } from '../bench-api/scenarios.ts';

export interface RunFigures {
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

function figures(r: Result): RunFigures {
  const requests = Object.values(r.statusCodeStats).reduce((sum, s) => sum + s.count, 0);
  return {
    requests,
    requestsPerSecond: requests / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** `connections` keep-alive connections GETting `path` for `seconds`. */
export async function getLoad(port: number, path: string, token: string, connections: number, seconds: number): Promise<RunFigures> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections,
    duration: seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${token}` },
  });
  return figures(r);
}

/** Vote POSTs, each a new (visitor, article) so every one writes a row; `offset` keeps runs apart. */
export async function voteLoad(
  port: number,
  articleIds: string[],
  connections: number,
  seconds: number,
  offset: number,
): Promise<RunFigures> {
  let n = offset;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/votes',
        setupRequest(request) {
          const next = voteRequest(n++, articleIds);
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
  return figures(r);
}

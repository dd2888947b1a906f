/** Autocannon runs of the metrics benchmark (through ../bench-api/load.ts): GETs of one metric URL, or vote POSTs. */
import { runLoad, type LoadResult } from '../bench-api/load.ts';
import { voteRequest } from '../bench-api/scenarios.ts';

/** The figures the metrics benchmark reports for one run. */
export type RunFigures = Pick<LoadResult, 'requests' | 'requestsPerSecond' | 'p50' | 'p99' | 'max' | 'non2xx' | 'errors'>;

// A metric over a large range may take seconds under load: wait longer than the API bench does.
const TIMEOUT_SECONDS = 30;

const figures = ({ requests, requestsPerSecond, p50, p99, max, non2xx, errors }: LoadResult): RunFigures => ({
  requests,
  requestsPerSecond,
  p50,
  p99,
  max,
  non2xx,
  errors,
});

/** `connections` keep-alive connections GETting `path` for `seconds`. */
export async function getLoad(port: number, path: string, token: string, connections: number, seconds: number): Promise<RunFigures> {
  const { result } = await runLoad({
    port,
    path,
    connections,
    seconds,
    headers: { authorization: `Bearer ${token}` },
    timeoutSeconds: TIMEOUT_SECONDS,
  });
  return figures(result);
}

/** Vote POSTs, each a new (visitor, article) so every one writes a row; `offset` keeps runs apart. */
export async function voteLoad(
  port: number,
  articleIds: string[],
  connections: number,
  seconds: number,
  offset: number,
): Promise<RunFigures> {
  const { result } = await runLoad({
    port,
    path: '/api/votes',
    connections,
    seconds,
    request: (n) => voteRequest(n, articleIds),
    firstRequest: offset,
    timeoutSeconds: TIMEOUT_SECONDS,
  });
  return figures(result);
}

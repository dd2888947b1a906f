/**
 * The dashboards' API client against a small stub server: signed in, the browser's session
 * cookie is the credential; a token goes in the Authorization header (never the URL); each
 * failure maps to what the page shows, CSV comes back as a file with the server's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiClient, filenameFromDisposition, InsightsApiError } from '../../site/islands/insights/api.ts';

const TOKEN = 'kb_stub-token-for-the-dashboards';
let server: Server;
let baseUrl: string;
const seen: IncomingMessage[] = [];

const envelope = (code: string, message: string, field?: string) =>
  JSON.stringify({ error: { code, message, details: field ? [{ field, message: 'must be a date written YYYY-MM-DD' }] : [] } });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const url = new URL(req.url ?? '/', 'http://stub');
    // A cookie stands for the browser's session (the stub does not check it further).
    if (req.headers.authorization !== `Bearer ${TOKEN}` && !req.headers.cookie?.includes('kb_session=')) {
      res
        .writeHead(401, { 'Content-Type': 'application/json' })
        .end(envelope('unauthorized', 'The token is not valid or has been revoked'));
    } else if (url.pathname === '/api/metrics') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ metrics: [{ id: 'helpful-rate' }] }));
    } else if (url.pathname === '/api/metrics/helpful-rate' && url.searchParams.get('format') === 'csv') {
      res
        .writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="helpful-rate_2026-11-01_2026-11-30.csv"',
        })
        .end('period,votes,helpful,value\r\n2026-11-01,6,3,0.5\r\n');
    } else if (url.pathname === '/api/metrics/helpful-rate') {
      if (url.searchParams.get('from') === 'bad')
        res.writeHead(400, { 'Content-Type': 'application/json' }).end(envelope('invalid_query', 'The query is not valid', 'from'));
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ metric: 'helpful-rate', value: 0.5 }));
    } else if (url.pathname === '/api/metrics/not-yet') {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(envelope('unknown_metric', 'There is no metric "not-yet"'));
    } else if (url.pathname === '/api/metrics/broken') {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(envelope('internal', 'Something went wrong'));
    } else {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(envelope('not_found', 'No such endpoint'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (token: string | null = TOKEN) => createApiClient({ token: () => token, baseUrl });

async function failure(run: Promise<unknown>): Promise<InsightsApiError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InsightsApiError);
  return error as InsightsApiError;
}

describe('createApiClient', () => {
  it('sends the token as a bearer token and never in the URL', async () => {
    seen.length = 0;
    const body = await client().json<{ value: number }>(
      '/api/metrics/helpful-rate',
      new URLSearchParams({ from: '2026-11-01', to: '2026-11-30' }),
    );
    expect(body.value).toBe(0.5);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]?.url).toBe('/api/metrics/helpful-rate?from=2026-11-01&to=2026-11-30');
    expect(seen[0]?.url).not.toContain(TOKEN);
  });

  it('sends no Authorization header without a token: the session cookie is the credential', async () => {
    seen.length = 0;
    const requests: RequestInit[] = [];
    const recording = (input: RequestInfo | URL, init?: RequestInit) => (requests.push(init ?? {}), fetch(input, init));
    // Node's fetch keeps no cookies: the test sends the one a browser would.
    const withCookie = (input: RequestInfo | URL, init?: RequestInit) =>
      recording(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: 'kb_session=abc' } });
    await createApiClient({ baseUrl, fetch: withCookie }).json('/api/metrics');
    expect(seen[0]?.headers.authorization).toBeUndefined();
    // The stub is another origin (as KB_API_ORIGIN is): the cookie goes with CORS credentials; on the page's own origin, same-origin.
    expect(requests[0]?.credentials).toBe('include');
    await createApiClient({ baseUrl: '', fetch: (_input, init) => (requests.push(init ?? {}), Promise.reject(new Error('offline'))) })
      .json('/api/metrics')
      .catch(() => undefined);
    expect(requests[1]?.credentials).toBe('same-origin');
  });

  it('fails as unauthorized without a request when the token it is given is gone', async () => {
    seen.length = 0;
    expect((await failure(client(null).json('/api/metrics'))).kind).toBe('unauthorized');
    expect(seen).toHaveLength(0);
  });

  it('maps a 401 to unauthorized', async () => {
    const error = await failure(client('kb_wrong').json('/api/metrics'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('maps an unknown metric (400 unknown_metric) and a missing endpoint (404) to unavailable', async () => {
    expect((await failure(client().json('/api/metrics/not-yet'))).kind).toBe('unavailable');
    expect((await failure(client().json('/api/training/plan'))).kind).toBe('unavailable');
  });

  it('maps another 400 to invalid with the field the API named', async () => {
    const error = await failure(client().json('/api/metrics/helpful-rate', new URLSearchParams({ from: 'bad' })));
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('The query is not valid — from: must be a date written YYYY-MM-DD');
  });

  it('maps a 5xx to server and an unreachable host to network', async () => {
    expect((await failure(client().json('/api/metrics/broken'))).kind).toBe('server');
    const closed = createApiClient({ token: () => TOKEN, baseUrl: 'http://127.0.0.1:9' });
    expect((await failure(closed.json('/api/metrics'))).kind).toBe('network');
  });

  it('downloads CSV with format=csv and the file name the server gives', async () => {
    seen.length = 0;
    const file = await client().csv(
      '/api/metrics/helpful-rate',
      new URLSearchParams({ from: '2026-11-01', to: '2026-11-30' }),
      'fallback.csv',
    );
    expect(seen[0]?.url).toBe('/api/metrics/helpful-rate?from=2026-11-01&to=2026-11-30&format=csv');
    expect(file.filename).toBe('helpful-rate_2026-11-01_2026-11-30.csv');
    expect(await file.blob.text()).toBe('period,votes,helpful,value\r\n2026-11-01,6,3,0.5\r\n');
  });
});

describe('file names', () => {
  it('reads quoted, bare and RFC 5987 file names and falls back without one', () => {
    expect(filenameFromDisposition('attachment; filename="a_b.csv"', 'x.csv')).toBe('a_b.csv');
    expect(filenameFromDisposition('attachment; filename=plain.csv', 'x.csv')).toBe('plain.csv');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E8%AE%A1%E5%88%92.csv", 'x.csv')).toBe('计划.csv');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('.._.._etc_passwd');
    expect(filenameFromDisposition(null, 'x.csv')).toBe('x.csv');
  });
});

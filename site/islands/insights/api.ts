/**
 * The dashboards' calls to the metrics API (/api/metrics, /api/training/plan). Signed in
 * with a staff account, the browser sends the HttpOnly session cookie (the primary path:
 * docs/dashboards.md); a client given a token sends it as a bearer token instead and no
 * cookie. Every failure becomes an InsightsApiError whose `kind` the page turns into a
 * sign-in prompt, a "not available yet" or an error state.
 */

import { API_ORIGIN } from '../api-origin.ts';

export type ApiFailure =
  /** 401: not signed in (or the session timed out), or a wrong or revoked token. */
  | 'unauthorized'
  /** 403: a staff member or token whose role may not read this. */
  | 'forbidden'
  /** The server does not offer this endpoint or metric (404, or 400 unknown_metric). */
  | 'unavailable'
  /** 400 for another reason: the message names the field. */
  | 'invalid'
  /** No answer, or an answer that is not what the API sends. */
  | 'network'
  /** 5xx. */
  | 'server';

export class InsightsApiError extends Error {
  constructor(
    readonly kind: ApiFailure,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'InsightsApiError';
  }
}

/** The API's error envelope: { error: { code, message, details } } (api/lib/http/errors.ts). */
interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: Array<{ field?: string; message?: string }> };
}

async function failureOf(res: Response): Promise<InsightsApiError> {
  const body = (await res.json().catch(() => ({}))) as ErrorEnvelope;
  const code = body.error?.code ?? '';
  const detail = body.error?.details?.[0];
  const message =
    [body.error?.message, detail?.field && detail.message ? `${detail.field}: ${detail.message}` : ''].filter(Boolean).join(' — ') ||
    `HTTP ${res.status}`;
  if (res.status === 401) return new InsightsApiError('unauthorized', message, 401);
  if (res.status === 403) return new InsightsApiError('forbidden', message, 403);
  if (res.status === 404 || res.status === 405 || res.status === 501 || code === 'unknown_metric')
    return new InsightsApiError('unavailable', message, res.status);
  if (res.status >= 500) return new InsightsApiError('server', message, res.status);
  return new InsightsApiError('invalid', message, res.status);
}

/** A CSV export: the file's bytes and the name the server suggests. */
export interface CsvFile {
  blob: Blob;
  filename: string;
}

/** The file name of a Content-Disposition header, or `fallback` (RFC 6266: quoted or token form). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  const match = header ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header) : null;
  const name = match?.[1] ? decodeURIComponent(match[1]).replace(/[\\/]/g, '_') : '';
  return name || fallback;
}

export interface ApiClientOptions {
  /** A bearer token (read on every call); without this option the session cookie is sent instead. */
  token?: () => string | null;
  fetch?: typeof fetch;
  /** Origin of the API; the build's KB_API_ORIGIN by default ('' for the page's own). */
  baseUrl?: string;
}

export interface ApiClient {
  /** GET `path` with `params` as JSON. */
  json<T>(path: string, params?: URLSearchParams): Promise<T>;
  /** GET `path` with `params` and `format=csv`, as a file to download. */
  csv(path: string, params: URLSearchParams, fallbackName: string): Promise<CsvFile>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? API_ORIGIN;

  async function get(path: string, params: URLSearchParams | undefined, accept: string): Promise<Response> {
    const token = options.token ? options.token() : undefined;
    if (token === null) throw new InsightsApiError('unauthorized', 'No token', 401);
    const query = params && [...params.keys()].length ? `?${params}` : '';
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}${query}`, {
        headers: token ? { Authorization: `Bearer ${token}`, Accept: accept } : { Accept: accept },
        // A token is the whole credential (no cookie sent); otherwise the session cookie is, also to
        // an API on its own origin (KB_API_ORIGIN on the same site: CORS allows credentials).
        credentials: token ? 'omit' : base ? 'include' : 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      throw new InsightsApiError('network', (error as Error).message || 'Network error');
    }
    if (!res.ok) throw await failureOf(res);
    return res;
  }

  return {
    async json<T>(path: string, params?: URLSearchParams): Promise<T> {
      const res = await get(path, params, 'application/json');
      try {
        return (await res.json()) as T;
      } catch {
        throw new InsightsApiError('network', 'The answer was not JSON', res.status);
      }
    },
    async csv(path: string, params: URLSearchParams, fallbackName: string): Promise<CsvFile> {
      const query = new URLSearchParams(params);
      query.set('format', 'csv');
      const res = await get(path, query, 'text/csv');
      return { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('content-disposition'), fallbackName) };
    },
  };
}

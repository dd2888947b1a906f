/**
 * Measures the suggestion API: `GET <api>/api/suggest?q=&lang=&limit=` answering
 * `{ "results": [{ "article": "<article id>", ... }] }`, best first.
 */
import { z } from 'zod';
import { QueryFailedError, type SearchEngine, type SearchQuery } from './types.ts';

/** The part of the API's answer the evaluation reads; other fields are ignored. */
const suggestResponseSchema = z.object({
  /** Suggestions, best first. */
  results: z.array(z.object({ /** The suggested article's id. */ article: z.string().min(1).max(140) }).passthrough()),
});

/** Options for {@link createSuggestEngine}. */
export interface SuggestEngineOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:8787`. */
  api: string;
  /** How many suggestions to ask for. */
  limit: number;
  /** How long to wait for one answer, in ms. */
  timeoutMs?: number;
}

/** The `suggest` engine. */
export function createSuggestEngine(options: SuggestEngineOptions): SearchEngine {
  const base = options.api.endsWith('/') ? options.api : `${options.api}/`;
  if (!/^https?:\/\//i.test(base)) throw new Error(`--api: "${options.api}" is not an http(s) URL`);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: 'suggest',
    target: base,
    async search({ lang, text }: SearchQuery): Promise<string[]> {
      const url = new URL('api/suggest', base);
      url.search = new URLSearchParams({ q: text, lang, limit: String(options.limit) }).toString();
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') throw new QueryFailedError(`no answer within ${timeoutMs / 1000} s (${url.href})`);
        throw new Error(`cannot reach ${url.href}: ${(error as Error).message}`);
      }
      if (response.status >= 500) throw new QueryFailedError(`HTTP ${response.status} from ${url.href}`);
      // A 4xx means the request itself is wrong for this API: every query would fail alike.
      if (!response.ok) throw new Error(`HTTP ${response.status} from ${url.href}: ${(await response.text()).slice(0, 200)}`);
      const parsed = suggestResponseSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new Error(`${url.href} did not answer { results: [{ article }] }`);
      return parsed.data.results.map((result) => result.article);
    },
    async close() {},
  };
}

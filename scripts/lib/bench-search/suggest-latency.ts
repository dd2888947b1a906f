/**
 * GET /api/suggest latency over HTTP, one request at a time (the bench's second figure),
 * with a same-run baseline: each real request is followed by one the route answers without
 * touching the index (a question of stop words only, "how do i"), so what the machine and
 * the HTTP stack cost is measured beside what the search costs. The search's own time is
 * also taken in the bench's process (SuggestIndex#search over the same build's index).
 */
import { SuggestIndex } from '../../../api/suggest/search.ts';
import type { Lang } from '../../../core/content/article.ts';
import { BROWSER_UA } from '../chromium.ts';

/** Milliseconds per request, in the order sent, cycling through `queries`. */
export interface SuggestTimes {
  /** Real questions. */
  suggest: number[];
  /** The same route with a question of stop words only: HTTP, routing, validation, JSON. */
  baseline: number[];
  /** SuggestIndex#search alone, in this process (no HTTP). */
  inProcess: number[];
}

async function timeGet(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers: { 'User-Agent': BROWSER_UA } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return performance.now() - start;
}

export async function suggestLatencies(
  origin: string,
  queries: ReadonlyArray<{ lang: string; text: string }>,
  requests: number,
  distDir?: string,
): Promise<SuggestTimes> {
  const times: SuggestTimes = { suggest: [], baseline: [], inProcess: [] };
  const url = (q: string, lang: string) => `${origin}/api/suggest?${new URLSearchParams({ q, lang, limit: '5' })}`;
  // A few unmeasured requests first: the first ones pay for JIT warm-up.
  for (let i = 0; i < requests + 10; i++) {
    const q = queries[i % queries.length]!;
    // Node's fetch keeps no HTTP cache: every request reaches the route.
    const real = await timeGet(url(q.text, q.lang));
    const base = await timeGet(url('how do i', q.lang));
    if (i >= 10) {
      times.suggest.push(real);
      times.baseline.push(base);
    }
  }
  if (distDir) {
    const index = SuggestIndex.fromDist(distDir);
    for (let i = 0; i < requests + 10; i++) {
      const q = queries[i % queries.length]!;
      const start = performance.now();
      index.search(q.text, q.lang as Lang, 5);
      if (i >= 10) times.inProcess.push(performance.now() - start);
    }
  }
  return times;
}

/** GET /api/suggest latency over HTTP, one request at a time (the bench's second figure). */
import { BROWSER_UA } from '../chromium.ts';

/** Milliseconds per request, in the order sent, cycling through `queries`. */
export async function suggestLatencies(
  origin: string,
  queries: ReadonlyArray<{ lang: string; text: string }>,
  requests: number,
): Promise<number[]> {
  const times: number[] = [];
  // A few unmeasured requests first: the first ones pay for JIT warm-up.
  for (let i = 0; i < requests + 10; i++) {
    const q = queries[i % queries.length]!;
    const url = `${origin}/api/suggest?${new URLSearchParams({ q: q.text, lang: q.lang, limit: '5' })}`;
    const start = performance.now();
    const res = await fetch(url, { headers: { 'User-Agent': BROWSER_UA } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`GET /api/suggest answered ${res.status}`);
    if (i >= 10) times.push(performance.now() - start);
  }
  return times;
}

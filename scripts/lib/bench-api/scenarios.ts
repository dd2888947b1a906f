/**
 * The requests of each benchmark scenario. Every request comes from a visitor made up
 * from a counter (its IP in X-Forwarded-For, which the server trusts from 127.0.0.1 only),
 * and each visitor sends a handful of requests, below the per-minute rate limits, so the
 * benchmark measures writes and not 429s.
 */

// Requests carry BROWSER_UA (../chromium.ts): bot user agents are answered 202 and dropped, which would skip the write path.

/** Votes per visitor: under the limit of 10 a minute, and one article each, so every vote inserts. */
export const VOTES_PER_VISITOR = 5;
/** Event batches per visitor: 5 × 10 events stays under the limit of 60 events a minute. */
export const BATCHES_PER_VISITOR = 5;
export const EVENTS_PER_BATCH = 10;

/** The n-th request's body and client IP. */
export interface BenchRequest {
  body: string;
  clientIp: string;
}

/** One IPv4 address per visitor number, in 10.0.0.0/8 (16 M visitors before it wraps). */
export const visitorIp = (visitor: number): string => `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;

/** The n-th vote: visitor n / 5 votes on five different articles, so each vote is a new row (201). */
export function voteRequest(n: number, articleIds: readonly string[]): BenchRequest {
  const visitor = Math.floor(n / VOTES_PER_VISITOR);
  const article = articleIds[(visitor * VOTES_PER_VISITOR + (n % VOTES_PER_VISITOR)) % articleIds.length]!;
  const helpful = n % 4 !== 0;
  const body = helpful ? { article, helpful } : { article, helpful, reason: 'unclear', comment: `Step ${n % 7} did not match the screen.` };
  return { body: JSON.stringify(body), clientIp: visitorIp(visitor) };
}

/** A batch of ten events as the help center's pages send them: views, searches, clicks. */
function eventBatch(seed: number, articleIds: readonly string[]): string {
  const article = (k: number) => articleIds[(seed * 7 + k) % articleIds.length]!;
  const query = `printer offline ${seed % 50}`;
  const events = [
    { type: 'page_view', article: article(0), referrer: 'https://www.example.com/search?q=x' },
    { type: 'page_view', path: '/en/', lang: 'en' },
    { type: 'search', query, results: 12, filters: { type: 'faq' } },
    { type: 'suggestion_shown', query, articles: [article(1), article(2), article(3)] },
    { type: 'search_click', query, article: article(1), rank: 1 },
    { type: 'page_view', article: article(1) },
    { type: 'search', query: `${query} windows`, results: 3 },
    { type: 'search_click', query: `${query} windows`, article: article(4), rank: 2 },
    { type: 'page_view', article: article(4) },
    { type: 'contact_view', lang: 'en' },
  ];
  return JSON.stringify({ events: events.slice(0, EVENTS_PER_BATCH) });
}

/** Builds a pool of event batches up front so the load generator does not spend its CPU on JSON. */
export function eventRequests(articleIds: readonly string[], poolSize = 256): (n: number) => BenchRequest {
  const pool = Array.from({ length: poolSize }, (_, i) => eventBatch(i, articleIds));
  return (n) => ({ body: pool[n % poolSize]!, clientIp: visitorIp(Math.floor(n / BATCHES_PER_VISITOR)) });
}

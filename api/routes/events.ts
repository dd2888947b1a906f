/**
 * POST /api/events (mounted at /events): page views, searches and clicks, without cookies.
 * Each batch runs through the ingestion steps (lib/ingest/pipeline.ts): privacy signal →
 * bot → visitor → rate limit → known article → write; a step may drop events with a
 * reason, and every drop is counted.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { newRouter } from '../lib/http/router.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { bot, ingestPipeline, knownArticle, privacySignal, rateLimit, rateLimited, visitor } from '../lib/ingest/pipeline.ts';
import { eventBatchSchema, type AnalyticsEvent } from '../../core/contracts/events.ts';
import { normalizeQuery } from '../../core/search/query.ts';
import type { EventRow } from '../db/queries/events.ts';

/** Whether every article an event names is an article of the served build. */
function namesOnlyKnownArticles(event: AnalyticsEvent, known: ReadonlyMap<string, unknown>): boolean {
  if ('articles' in event) return event.articles.every((id) => known.has(id));
  if ('article' in event && event.article) return known.has(event.article);
  return true;
}

/** Every field any event type may carry, each optional: what toRow reads. */
interface EventFields {
  lang?: string;
  article?: string;
  path?: string;
  referrer?: string;
  query?: string;
  results?: number;
  rank?: number;
  filters?: Record<string, string>;
  articles?: string[];
  ticket?: string;
}

/** Only the origin and path of a referrer are kept: its query string may carry personal data. */
function referrerOrigin(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    const url = new URL(referrer);
    return `${url.origin}${url.pathname}`.slice(0, 300);
  } catch {
    return null;
  }
}

/** One row per event, every column set (null when the type has no such field), so all rows share one shape. */
function toRow(event: AnalyticsEvent, visitor: string, at: string): Omit<EventRow, 'session'> {
  const e: EventFields = event;
  return {
    type: event.type,
    visitor,
    created_at: at,
    lang: e.lang ?? null,
    article: e.article ?? null,
    path: e.path ?? null,
    referrer: referrerOrigin(e.referrer),
    query: e.query ?? null,
    query_norm: e.query === undefined ? null : normalizeQuery(e.query),
    results: e.results ?? null,
    rank: e.rank ?? null,
    filters: e.filters ? JSON.stringify(e.filters) : null,
    articles: e.articles ? JSON.stringify(e.articles) : null,
    ticket_ref: e.ticket ?? null,
  };
}

const acceptedSchema = z.object({ accepted: z.number().int(), dropped: z.number().int() }).openapi('EventsAccepted');

const eventsRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Record 1–50 usage events (also as text/plain JSON, for navigator.sendBeacon)',
  request: { body: jsonBody(eventBatchSchema, { allowTextPlain: true }) },
  responses: {
    202: { description: 'Accepted; dropped events are counted by reason', content: { 'application/json': { schema: acceptedSchema } } },
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

export function eventRoutes(ctx: AppContext) {
  const { catalog, identifier, writers, limits, now } = ctx;
  const router = newRouter();

  const pipeline = ingestPipeline<AnalyticsEvent, void>({
    steps: [
      privacySignal(identifier),
      bot(identifier),
      visitor(identifier),
      rateLimit(limits.events, identifier),
      knownArticle((event: AnalyticsEvent) => namesOnlyKnownArticles(event, catalog.byId)),
    ],
    write: async function write({ items, visitor: id, at }) {
      const createdAt = at.toISOString();
      await writers.events(
        id,
        at,
        items.map((e) => toRow(e, id, createdAt)),
      );
    },
    countDrops: writers.drops,
  });

  router.openapi(eventsRoute, async (c) => {
    const at = now();
    const { events } = c.req.valid('json');
    const outcome = await pipeline.run(c, at, events);
    if (!outcome.recorded && outcome.reason === 'rate-limited') throw rateLimited('events', outcome.retryAfter!);
    const accepted = outcome.recorded ? outcome.accepted : 0;
    return c.json({ accepted, dropped: outcome.dropped }, 202);
  });
  return router;
}

/**
 * POST /api/events: page views, searches and clicks, without cookies. Each event runs
 * through named steps (privacy signal → bot → rate limit → known article); a step may
 * drop it with a reason, and every drop is counted.
 */
import { z } from '@hono/zod-openapi';
import type { AppContext } from '../app.ts';
import { ApiError } from '../lib/http/errors.ts';
import { readJson } from '../lib/http/body.ts';
import { newRouter } from '../lib/http/router.ts';
import { errorResponses } from '../lib/http/openapi.ts';
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
function toRow(event: AnalyticsEvent, visitor: string, session: string, at: string): EventRow {
  const e: EventFields = event;
  return {
    type: event.type,
    visitor,
    session,
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

export function eventRoutes(ctx: AppContext) {
  const { catalog, identifier, writers, limits, sessions, now } = ctx;
  const router = newRouter();

  router.post('/events', async (c) => {
    const at = now();
    const { events } = await readJson(c, eventBatchSchema, { allowTextPlain: true });
    const who = await identifier.identify(c, at);
    if (who.drop) {
      await writers.drops(who.day, { [who.drop]: events.length });
      return c.json({ accepted: 0, dropped: events.length }, 202);
    }
    const limit = limits.events.consume(who.visitor, at.getTime(), events.length);
    if (!limit.allowed) {
      await writers.drops(who.day, { 'rate-limited': events.length });
      throw new ApiError(429, 'rate_limited', `Too many events; try again in ${limit.retryAfter} s`, [], {
        'Retry-After': String(limit.retryAfter),
      });
    }
    const known = events.filter((e) => namesOnlyKnownArticles(e, catalog.byId));
    const dropped = events.length - known.length;
    if (known.length > 0) {
      const session = await sessions.sessionFor(who.visitor, at);
      const createdAt = at.toISOString();
      await writers.events(known.map((e) => toRow(e, who.visitor, session, createdAt)));
    }
    if (dropped > 0) await writers.drops(who.day, { 'unknown-article': dropped });
    return c.json({ accepted: known.length, dropped }, 202);
  });

  router.openAPIRegistry.registerPath({
    method: 'post',
    path: '/events',
    summary: 'Record 1–50 usage events (also as text/plain JSON, for navigator.sendBeacon)',
    request: {
      body: { content: { 'application/json': { schema: eventBatchSchema }, 'text/plain': { schema: eventBatchSchema } } },
    },
    responses: {
      202: { description: 'Accepted; dropped events are counted by reason', content: { 'application/json': { schema: acceptedSchema } } },
      ...errorResponses(400, 413, 415, 429, 503),
    },
  });
  return router;
}

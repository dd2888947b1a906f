/**
 * POST /api/events: page views, searches and clicks, without cookies. Each event runs
 * through named steps (privacy signal → bot → rate limit → known article); a step may
 * drop it with a reason, and every drop is counted.
 */
import { z } from '@hono/zod-openapi';
import type { AppContext } from '../app.ts';
import { ApiError } from '../lib/errors.ts';
import { readJson } from '../lib/body.ts';
import { newRouter } from '../lib/router.ts';
import { errorResponses } from '../lib/openapi.ts';
import { eventBatchSchema, type AnalyticsEvent } from '../schemas/feedback.ts';
import { normalizeQuery } from '../../site/scripts/search/query.ts';
import type { EventRow } from '../db/events.ts';

/** Article ids an event refers to; all must be articles of the served build. */
function articlesOf(event: AnalyticsEvent): string[] {
  if ('articles' in event) return event.articles;
  if ('article' in event && event.article) return [event.article];
  return [];
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

function toRow(event: AnalyticsEvent, visitor: string, session: string, at: string): EventRow {
  const row: EventRow = { type: event.type, visitor, session, created_at: at, lang: event.lang ?? null };
  if ('article' in event) row.article = event.article ?? null;
  if ('path' in event) row.path = event.path ?? null;
  if ('referrer' in event) row.referrer = referrerOrigin(event.referrer);
  if ('query' in event) {
    row.query = event.query;
    row.query_norm = normalizeQuery(event.query);
  }
  if ('results' in event) row.results = event.results;
  if ('rank' in event) row.rank = event.rank;
  if ('filters' in event && event.filters) row.filters = JSON.stringify(event.filters);
  if ('articles' in event) row.articles = JSON.stringify(event.articles);
  if ('ticket' in event) row.ticket_ref = event.ticket ?? null;
  return row;
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
      throw new ApiError(429, 'rate_limited', `Too many events; try again in ${limit.retryAfter} s`, [], { 'Retry-After': String(limit.retryAfter) });
    }
    const known = events.filter((e) => articlesOf(e).every((id) => catalog.byId.has(id)));
    const dropped = events.length - known.length;
    if (known.length > 0) {
      const session = await sessions.sessionFor(who.visitor, at);
      await writers.events(known.map((e) => toRow(e, who.visitor, session, at.toISOString())));
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

/**
 * What the staff pages read beyond the other resources (issue 17): one ticket as the ticket
 * view shows it, and one article's use for the staff article page. Agents only.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { getTicket } from '../db/queries/tickets.ts';
import { voteCounts } from '../db/queries/votes.ts';
import { linksOfArticle } from '../db/queries/links.ts';
import { listFlags } from '../db/queries/flags.ts';
import { articleViewsByDay, searchesLeadingTo } from '../db/queries/article-activity.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { helpfulRate } from '../metrics/helpful-rate.ts';
import { editUrlOf } from '../metrics/content-health.ts';
import { metricEnv } from '../metrics/env.ts';
import type { AppDeps } from '../context.ts';
import { LANGS, SLUG_PATTERN, TICKET_ID_PATTERN } from '../../core/content/article.ts';
import { LINK_RELATIONS, TICKET_SOURCES, ticketSchema } from '../../core/tickets/ticket.ts';

const DAY_MS = 86_400_000;
/** How far back the article page looks: a quarter, enough to see a trend. */
export const ACTIVITY_DAYS = 90;

const activitySchema = z
  .object({
    article: z.object({
      id: z.string(),
      title: z.string(),
      url: z.string(),
      lang: z.enum(LANGS),
      owner: z.string(),
      state: z.string(),
      audience: z.string(),
      reviewed: z.string(),
      reviewDue: z.string().openapi({ description: 'reviewed + reviewEvery days, YYYY-MM-DD' }),
      editUrl: z.string().nullable().openapi({ description: 'KB_EDIT_URL + the source file; null without KB_EDIT_URL' }),
    }),
    views: z
      .array(z.object({ day: z.string(), views: z.number().int() }))
      .openapi({ description: `Page views per UTC day, the last ${ACTIVITY_DAYS} days` }),
    votes: z.object({ helpful: z.number().int(), notHelpful: z.number().int(), helpfulRate: z.number().nullable() }),
    searches: z.array(z.object({ query: z.string(), clicks: z.number().int() })),
    links: z.array(
      z.object({ ticket: z.string(), source: z.string().nullable(), relation: z.enum(LINK_RELATIONS), createdAt: z.string() }),
    ),
    openFlags: z.number().int(),
  })
  .openapi('ArticleActivity');

export function staffViewRoutes(ctx: AppContext, deps: AppDeps) {
  const router = newRouter();
  const agents = requireStaff(ctx.db, ctx.adminToken, 'agent');
  const security = [{ bearer: [] }];
  const env = metricEnv({ ...deps, now: ctx.now });

  const ticketRoute = createRoute({
    method: 'get',
    path: '/tickets/{source}/{id}',
    summary: 'One ticket with its text, as the ticket view shows it (agent)',
    security,
    middleware: agents,
    request: {
      params: z.object({
        source: z.enum(TICKET_SOURCES),
        id: z.string().regex(TICKET_ID_PATTERN, 'must be a ticket id such as INC0012345'),
      }),
    },
    responses: {
      200: { description: 'The ticket', content: { 'application/json': { schema: z.object({ ticket: ticketSchema }) } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  router.openapi(ticketRoute, async (c) => {
    const { source, id } = c.req.valid('param');
    const ticket = await getTicket(ctx.db, id, source);
    if (!ticket || ticket === 'ambiguous')
      throw new ApiError(404, 'unknown_ticket', `No ticket "${id}" from ${source}`, [{ field: 'id', message: 'unknown ticket' }]);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ticket }, 200);
  });

  const activityRoute = createRoute({
    method: 'get',
    path: '/articles/{lang}/{slug}/activity',
    summary: `One article's use: views per day (${ACTIVITY_DAYS} days), votes, searches that led to it, linked tickets, open flags (agent)`,
    security,
    middleware: agents,
    request: {
      params: z.object({ lang: z.enum(LANGS), slug: z.string().max(100).regex(SLUG_PATTERN, 'must be a slug such as reset-password') }),
    },
    responses: {
      200: { description: 'Activity', content: { 'application/json': { schema: activitySchema } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  router.openapi(activityRoute, async (c) => {
    const { lang, slug } = c.req.valid('param');
    const id = `${lang}/${slug}`;
    const a = ctx.catalog.byId.get(id);
    if (!a)
      throw new ApiError(404, 'unknown_article', `No published article has the id "${id}"`, [
        { field: 'slug', message: 'unknown article' },
      ]);
    const now = ctx.now();
    const firstDay = Math.floor(now.getTime() / DAY_MS) - (ACTIVITY_DAYS - 1);
    const since = new Date(firstDay * DAY_MS).toISOString();
    const [views, votes, searches, links, flags] = await Promise.all([
      articleViewsByDay(ctx.db, id, firstDay),
      voteCounts(ctx.db, id),
      searchesLeadingTo(ctx.db, id, since, 20),
      linksOfArticle(ctx.db, id),
      listFlags(ctx.db, 'open', id),
    ]);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        article: {
          id,
          title: a.title,
          url: a.url,
          lang: a.lang,
          owner: a.owner,
          state: a.state,
          audience: a.audience,
          reviewed: a.reviewed,
          reviewDue: new Date(Date.parse(`${a.reviewed}T00:00:00Z`) + a.reviewEvery * DAY_MS).toISOString().slice(0, 10),
          editUrl: editUrlOf(env, a),
        },
        views: views.map((v) => ({ day: new Date(v.day * DAY_MS).toISOString().slice(0, 10), views: v.views })),
        votes: { ...votes, helpfulRate: helpfulRate(votes.helpful, votes.helpful + votes.notHelpful) },
        searches,
        links: links.map((l) => ({
          ticket: l.ticket,
          source: l.source || null,
          relation: l.relation as (typeof LINK_RELATIONS)[number],
          createdAt: l.createdAt,
        })),
        openFlags: flags.length,
      },
      200,
    );
  });
  return router;
}

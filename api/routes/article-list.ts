/**
 * Drill-down (issue 18, docs/dashboards.md "Drill-down"): GET /api/staff/articles lists the
 * articles one count counts — created or updated in a period (the period report), overdue for
 * review (overdue-reviews), flagged, created from the period's tickets (the scorecards'
 * articlesCreated) — with the filters of core/contracts/drill-down.ts. Every article of the
 * build, internal and archived ones too (staff see them); agents and up.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { listFlags } from '../db/queries/flags.ts';
import { articlesCreatedFrom } from '../db/queries/ticket-list.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { articlesMatching, reviewDueOn } from '../metrics/content-health.ts';
import { recordsToCsv } from '../metrics/csv.ts';
import { resolvePeriod } from '../metrics/period.ts';
import { agentDirectory, viewerOf } from '../metrics/scorecards.ts';
import { maturityOf, slaRules, ticketFilterOf } from '../metrics/support.ts';
import type { MetricEnv } from '../metrics/types.ts';
import { isPublished, LANGS, type Lang } from '../../core/content/article.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import {
  DEFAULT_LIST_LIMIT,
  articleListQuerySchema,
  articleListSchema,
  type ArticleListFilters,
  type ArticleListRow,
} from '../../core/contracts/drill-down.ts';
import { teamSet, visibleAgentSet } from './ticket-list.ts';

const rowOf = (a: ManifestArticle): ArticleListRow => ({
  id: a.id,
  inBuild: true,
  title: a.title,
  lang: a.lang,
  type: a.type,
  topic: a.topic,
  kcs: a.state,
  audience: a.audience,
  owner: a.owner,
  created: a.created ?? null,
  reviewed: a.reviewed,
  reviewDue: reviewDueOn(a),
  url: a.url,
  href: `/staff/articles/${a.id}`,
});

/** An article a link names that the build no longer has: what its id says. */
function goneRow(id: string): ArticleListRow {
  const lang = (LANGS as readonly string[]).find((l) => id.startsWith(`${l}/`)) as Lang | undefined;
  return {
    id,
    inBuild: false,
    title: id,
    lang: lang ?? 'en',
    type: null,
    topic: null,
    kcs: null,
    audience: null,
    owner: null,
    created: null,
    reviewed: null,
    reviewDue: null,
    url: null,
    href: `/staff/articles/${id}`,
  };
}

export function articleListRoutes(ctx: AppContext, env: MetricEnv) {
  const route = createRoute({
    method: 'get',
    path: '/articles',
    summary:
      'Drill-down: the articles one count counts (created or updated in the period, created from its tickets, flagged, overdue for review), with topic (and descendants), type, lang, KCS state; paged; format=csv (agent)',
    security: [{ bearer: [] }],
    middleware: requireStaff(ctx.db, ctx.adminToken, 'agent'),
    request: { query: articleListQuerySchema },
    responses: {
      200: {
        description: 'The page of articles and the total',
        content: { 'application/json': { schema: articleListSchema }, 'text/csv': { schema: z.string() } },
      },
      ...errorResponses(400, 401, 403),
    },
  });

  return newRouter().openapi(route, async (c) => {
    const { format = 'json', page = 1, limit = DEFAULT_LIST_LIMIT, ...filters } = c.req.valid('query');
    const now = ctx.now();
    const query = resolvePeriod({ from: filters.from, to: filters.to, tz: filters.tz, lang: filters.lang, topic: filters.topic }, now);
    const all = env.catalog.manifest.articles;
    const inPeriod = (date: string | undefined) => date !== undefined && date >= query.from && date <= query.to;
    let rows: ArticleListRow[];
    if (filters.state === 'created-from-tickets') {
      // As the scorecards count: the period's tickets (lang and topic filter them), their agent or team.
      const directory = await agentDirectory(env);
      const agentSets = [];
      if (filters.team !== undefined) agentSets.push(teamSet(directory, filters.team));
      if (filters.agent !== undefined || filters.team !== undefined) {
        const visible = visibleAgentSet(await viewerOf(env, c.get('staff')), directory);
        if (visible) agentSets.push(visible);
      }
      const ids = await articlesCreatedFrom(ctx.db, {
        ...ticketFilterOf(env, query),
        agent: filters.agent,
        agentSets,
        openSince: maturityOf(env, query).openSince,
        slaRules: slaRules(env.settings),
        now,
        articleCreated: new Map(),
      });
      rows = ids.map((id) => {
        const a = env.catalog.byId.get(id);
        return a ? rowOf(a) : goneRow(id);
      });
    } else {
      let chosen: readonly ManifestArticle[] = all;
      if (filters.state === 'created') chosen = all.filter((a) => inPeriod(a.created));
      else if (filters.state === 'updated') chosen = all.filter((a) => inPeriod(a.reviewed) && a.reviewed !== a.created);
      else if (filters.state === 'review-overdue') chosen = all.filter((a) => isPublished(a.state) && reviewDueOn(a) <= query.to);
      else if (filters.state === 'flagged') {
        const flagged = new Set((await listFlags(ctx.db, 'open')).map((f) => f.article));
        chosen = all.filter((a) => flagged.has(a.id));
      }
      rows = articlesMatching(env, chosen, query).map(rowOf);
    }
    if (filters.type !== undefined) rows = rows.filter((r) => r.type === filters.type);
    if (filters.kcs !== undefined) rows = rows.filter((r) => r.kcs === filters.kcs);
    rows.sort((a, b) => a.id.localeCompare(b.id));
    c.header('Cache-Control', 'private, no-store');
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="articles_${query.from}_${query.to}.csv"`);
      return c.body(rows.length ? recordsToCsv(rows.map(({ href: _href, ...r }) => r)) : '\r\n');
    }
    const echoed: Record<string, string> = { from: query.from, to: query.to, tz: query.tz };
    for (const [key, value] of Object.entries(filters) as Array<[keyof ArticleListFilters, unknown]>)
      if (value !== undefined && !(key in echoed)) echoed[key] = String(value);
    const total = rows.length;
    return c.json(
      {
        from: query.from,
        to: query.to,
        tz: query.tz,
        filters: echoed,
        total,
        page,
        limit,
        rows: rows.slice((page - 1) * limit, page * limit),
      },
      200,
    );
  });
}

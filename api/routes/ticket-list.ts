/**
 * Drill-down (issue 18, docs/dashboards.md "Drill-down"): GET /api/tickets lists the tickets one
 * count counts — the escalations of one topic in one period, the tickets an agent resolved in a
 * quarter — with the same filters as the count's address (core/contracts/drill-down.ts). Each
 * status is the metric's own SQL (db/queries/ticket-predicates.ts), so the list's total is the
 * count. Who sees what follows the scorecards (docs/design.md §8): a manager or admin every
 * ticket, a lead their team's and their own, an agent their own; what the role hides is
 * counted apart (`outsideView`), so a drill-down from a figure the caller sees still adds up.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { countTicketList, ticketListPage, type TicketListSpec } from '../db/queries/ticket-list.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { recordsToCsv } from '../metrics/csv.ts';
import { createdOn } from '../metrics/kcs.ts';
import { resolvePeriod } from '../metrics/period.ts';
import { agentDirectory, viewerOf, type ScorecardViewer } from '../metrics/scorecards.ts';
import { maturityOf, slaRules, ticketFilterOf } from '../metrics/support.ts';
import { UNASSIGNED_TEAM } from '../metrics/training.ts';
import type { MetricEnv } from '../metrics/types.ts';
import { redact } from '../../core/text/redact.ts';
import { roleSatisfies, isRole } from '../../core/contracts/roles.ts';
import {
  DEFAULT_LIST_LIMIT,
  ticketListQuerySchema,
  ticketListSchema,
  type TicketListFilters,
  type TicketListRow,
} from '../../core/contracts/drill-down.ts';

/** The most rows a CSV download carries (a quarter of a large helpdesk). */
export const MAX_CSV_ROWS = 100_000;

type Directory = Map<string, { name: string; team: string }>;

/** The agent ids of a team: its members in the directory; for "unassigned", every agent who has no other team. */
export function teamSet(directory: Directory, team: string): { in: string[] } | { notIn: string[] } {
  if (team === UNASSIGNED_TEAM) return { notIn: [...directory].filter(([, d]) => d.team !== UNASSIGNED_TEAM).map(([a]) => a) };
  return { in: [...directory].filter(([, d]) => d.team === team).map(([a]) => a) };
}

/** The agents whose tickets `viewer` may list; undefined = every ticket (docs/design.md §8, as the scorecards). */
export function visibleAgentSet(viewer: ScorecardViewer, directory: Directory): { in: string[] } | { notIn: string[] } | undefined {
  if (!isRole(viewer.role)) return { in: [] };
  if (roleSatisfies(viewer.role, 'manager')) return undefined;
  const own = viewer.agentId === null ? [] : [viewer.agentId];
  if (roleSatisfies(viewer.role, 'lead') && viewer.team !== null) {
    const team = teamSet(directory, viewer.team);
    if ('notIn' in team) return team; // a lead of "unassigned" sees the agents without a team
    return { in: [...new Set([...team.in, ...own])] };
  }
  return { in: own };
}

export function ticketListRoutes(ctx: AppContext, env: MetricEnv) {
  const route = createRoute({
    method: 'get',
    path: '/',
    summary:
      'Drill-down: the tickets one count counts, with the same filters (period, topic with descendants, priority, agent, team, status…), paged; an agent sees their own, a lead their team’s, a manager or admin all; format=csv for every row (agent)',
    security: [{ bearer: [] }],
    middleware: requireStaff(ctx.db, ctx.adminToken, 'agent'),
    request: { query: ticketListQuerySchema },
    responses: {
      200: {
        description: 'The page of tickets and the total',
        content: { 'application/json': { schema: ticketListSchema }, 'text/csv': { schema: z.string() } },
      },
      ...errorResponses(400, 401, 403),
    },
  });

  return newRouter().openapi(route, async (c) => {
    const { format = 'json', page = 1, limit = DEFAULT_LIST_LIMIT, ...filters } = c.req.valid('query');
    const now = ctx.now();
    const query = resolvePeriod({ from: filters.from, to: filters.to, tz: filters.tz, lang: filters.lang, topic: filters.topic }, now);
    const directory = await agentDirectory(env);
    const viewer = await viewerOf(env, c.get('staff'));
    const agentSets: NonNullable<TicketListSpec['agentSets']>[number][] = [];
    if (filters.team !== undefined) agentSets.push(teamSet(directory, filters.team));
    const spec: TicketListSpec = {
      ...ticketFilterOf(env, query),
      priority: filters.priority,
      source: filters.source,
      agent: filters.agent,
      agentSets,
      status: filters.status,
      article: filters.article,
      relation: filters.relation,
      openSince: maturityOf(env, query).openSince,
      slaRules: slaRules(env.settings),
      now,
      articleCreated: new Map(env.catalog.manifest.articles.map((a) => [a.id, createdOn(a)])),
    };
    const visible = visibleAgentSet(viewer, directory);
    const seen: TicketListSpec = visible === undefined ? spec : { ...spec, agentSets: [...agentSets, visible] };
    const total = await countTicketList(ctx.db, seen);
    const outsideView = visible === undefined ? 0 : (await countTicketList(ctx.db, spec)) - total;
    const csv = format === 'csv';
    const entries = await ticketListPage(
      ctx.db,
      seen,
      csv ? { offset: 0, limit: Math.min(total, MAX_CSV_ROWS) || 1 } : { offset: (page - 1) * limit, limit },
    );
    const rows: TicketListRow[] = entries.map((e) => ({
      source: e.source as TicketListRow['source'],
      id: e.id,
      // Redacted as in every list that may leave the staff pages (a CSV is shared): no e-mail, phone or name.
      subject: redact(e.subject).text,
      topic: e.topic,
      priority: e.priority as TicketListRow['priority'],
      agent: e.agent,
      agentName: e.agent === null ? null : (directory.get(e.agent)?.name ?? e.agent),
      status: e.status,
      createdAt: e.createdAt,
      resolvedAt: e.resolvedAt,
      escalated: e.escalated,
      reopened: e.reopened,
      csat: e.csat,
      links: e.links,
      href: `/staff/tickets/${e.source}/${encodeURIComponent(e.id)}`,
    }));
    c.header('Cache-Control', 'private, no-store');
    if (csv) {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="tickets_${query.from}_${query.to}.csv"`);
      return c.body(rows.length ? recordsToCsv(rows.map(({ href: _href, ...r }) => r)) : '\r\n');
    }
    const echoed: Record<string, string> = { from: query.from, to: query.to, tz: query.tz };
    for (const [key, value] of Object.entries(filters) as Array<[keyof TicketListFilters, unknown]>)
      if (value !== undefined && !(key in echoed)) echoed[key] = String(value);
    return c.json({ from: query.from, to: query.to, tz: query.tz, filters: echoed, total, outsideView, page, limit, rows }, 200);
  });
}

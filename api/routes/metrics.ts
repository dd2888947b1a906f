/**
 * GET /api/metrics, /api/metrics/summary and /api/metrics/:id (mounted at /metrics; JSON or
 * CSV): the metric registry over HTTP, for staff (every role). The query strings
 * and the answers are the contract in core/contracts/metrics.ts. Computing a result first
 * folds new events into the roll-ups; results are reused for KB_METRICS_CACHE_SECONDS (metrics/cache.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { catchUpRollups } from '../db/queries/rollups.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { MetricCache } from '../metrics/cache.ts';
import { metricCsv } from '../metrics/csv.ts';
import { METRICS, metricById } from '../metrics/index.ts';
import { periodReport } from '../metrics/period-report.ts';
import { resolvePeriod } from '../metrics/period.ts';
import { periodReportQuerySchema, periodReportSchema } from '../../core/contracts/period-report.ts';
import { viewerOf, visibleAgentRows, visibleTeamRows } from '../metrics/scorecards.ts';
import { metricSummary } from '../metrics/summary.ts';
import type { MetricDefinition, MetricEnv, MetricInfo, MetricQuery } from '../metrics/types.ts';
import {
  metricInfoSchema,
  metricQuerySchema,
  metricRequestQuerySchema,
  metricResponseSchema,
  metricSummarySchema,
} from '../../core/contracts/metrics.ts';

/** What GET /api/metrics tells about a metric: everything but how it is computed. */
const infoOf = ({ id, group, title, definition, formula, unit, window, filters }: MetricDefinition): MetricInfo => ({
  id,
  group,
  title,
  definition,
  formula,
  unit,
  window,
  filters,
});

export function metricRoutes(ctx: AppContext, env: MetricEnv, cache: MetricCache = new MetricCache(0)) {
  const { db, now } = ctx;
  const router = newRouter();
  // Roll-ups are brought up to date only when a result is actually computed (a cache miss).
  const computeMetric = (definition: MetricDefinition, query: MetricQuery) =>
    cache.get(definition.id, query, async () => {
      await catchUpRollups(db);
      return definition.compute(env, query);
    });
  const security = [{ bearer: [] }];
  const middleware = requireStaff(db, ctx.adminToken, 'agent', 'trainer');

  const listRoute = createRoute({
    method: 'get',
    path: '/',
    summary: 'Every metric: id, group, titles and definitions (zh-CN and en), formula, unit, window, filters (staff)',
    security,
    middleware,
    responses: {
      200: {
        description: 'The metric registry',
        content: { 'application/json': { schema: z.object({ metrics: z.array(metricInfoSchema) }) } },
      },
      ...errorResponses(401, 403),
    },
  });
  router.openapi(listRoute, (c) => c.json({ metrics: METRICS.map(infoOf) }, 200));

  const summaryRoute = createRoute({
    method: 'get',
    path: '/summary',
    summary: 'The twelve headline numbers for a period and the previous period of the same length (staff)',
    security,
    middleware,
    request: { query: metricQuerySchema },
    responses: {
      200: {
        description: 'Rates 0–1, hours, a rating; null when undefined',
        content: { 'application/json': { schema: metricSummarySchema } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(summaryRoute, async (c) => {
    const query = resolvePeriod(c.req.valid('query'), now());
    return c.json(await metricSummary(env, query, computeMetric), 200);
  });

  // The period report (issue 18): for managers; registered before /{id}.
  const reportRoute = createRoute({
    method: 'get',
    path: '/period-report',
    summary:
      'The period report (问题汇总报告) of a month (period=2026-11) or a quarter (2026-Q4): figures from the metric registry, each with the address of what is behind it (manager)',
    security,
    middleware: requireStaff(db, ctx.adminToken, 'manager'),
    request: { query: periodReportQuerySchema },
    responses: {
      200: { description: 'The report; /insights/report renders it', content: { 'application/json': { schema: periodReportSchema } } },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(reportRoute, async (c) => c.json(await periodReport(env, c.req.valid('query'), computeMetric), 200));

  // Scorecards (docs/design.md §8) answer only what the caller's role may see, so they have
  // routes of their own, registered before /{id} (which would otherwise serve every card).
  const scorecardMiddleware = requireStaff(db, ctx.adminToken, 'agent');
  for (const [id, visible, what] of [
    ['agent-scorecards', visibleAgentRows, 'one row per agent'],
    ['team-scorecards', visibleTeamRows, 'one row per team'],
  ] as const) {
    const route = createRoute({
      method: 'get',
      path: `/${id}`,
      summary: `Scorecards (考核), ${what}, with the team median beside each figure; only the cards the caller's role may see: an agent their own (and their team's aggregate), a lead their team's, a manager or admin all; format=csv for a download (staff)`,
      security,
      middleware: scorecardMiddleware,
      request: { query: metricRequestQuerySchema },
      responses: {
        200: {
          description: 'The scorecards the caller may see (docs/metrics.md defines each figure)',
          content: { 'application/json': { schema: metricResponseSchema }, 'text/csv': { schema: z.string() } },
        },
        ...errorResponses(400, 401, 403),
      },
    });
    router.openapi(route, async (c) => {
      const { format = 'json', ...params } = c.req.valid('query');
      const query = resolvePeriod(params, now());
      const metric = metricById(id)!;
      const result = await computeMetric(metric, query);
      const viewer = await viewerOf(env, c.get('staff'));
      const rows = visible(viewer, result.rows ?? []);
      const judged = rows.filter((r) => r['judgement'] === 'judged').length;
      const answer = { ...result, value: judged, rows };
      if (format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="${id}_${query.from}_${query.to}.csv"`);
        return c.body(rows.length ? metricCsv(id, answer) : '\r\n');
      }
      return c.json({ metric: id, from: query.from, to: query.to, tz: query.tz, interval: query.interval, ...answer }, 200);
    });
  }

  const metricRoute = createRoute({
    method: 'get',
    path: '/{id}',
    summary: 'One metric for a period: value, parts, series, rows; format=csv for a download (staff)',
    security,
    middleware,
    request: { params: z.object({ id: z.string().openapi({ example: 'deflection' }) }), query: metricRequestQuerySchema },
    responses: {
      200: {
        description: 'The metric (docs/metrics.md defines each)',
        content: { 'application/json': { schema: metricResponseSchema }, 'text/csv': { schema: z.string() } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  router.openapi(metricRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format = 'json', ...params } = c.req.valid('query');
    const query = resolvePeriod(params, now());
    const metric = metricById(id);
    if (!metric)
      throw new ApiError(400, 'unknown_metric', `Unknown metric "${id.slice(0, 60)}"; GET /api/metrics lists them`, [
        { field: 'id', message: 'must be the id of a metric listed by GET /api/metrics' },
      ]);
    const result = await computeMetric(metric, query);
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${metric.id}_${query.from}_${query.to}.csv"`);
      return c.body(metricCsv(metric.id, result));
    }
    return c.json({ metric: metric.id, from: query.from, to: query.to, tz: query.tz, interval: query.interval, ...result }, 200);
  });
  return router;
}

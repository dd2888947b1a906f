/**
 * GET /api/metrics, /api/metrics/summary and /api/metrics/:id (JSON or CSV): the metric
 * registry over HTTP, for staff (agent, trainer, admin). Computing a result first folds new
 * events into the roll-ups; results are reused for KB_METRICS_CACHE_SECONDS (metrics/cache.ts).
 */
import { z } from '@hono/zod-openapi';
import type { AppContext } from '../app.ts';
import { catchUpRollups } from '../db/queries/rollups.ts';
import { requireStaff } from '../lib/middleware/auth.ts';
import { ApiError } from '../lib/http/errors.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import { MetricCache } from '../metrics/cache.ts';
import { metricCsv } from '../metrics/csv.ts';
import { METRICS, metricById } from '../metrics/index.ts';
import { parseMetricQuery } from '../metrics/period.ts';
import { metricSummary } from '../metrics/summary.ts';
import { INTERVALS, type MetricDefinition, type MetricEnv, type MetricQuery } from '../metrics/types.ts';
import { LANGS } from '../../core/content/article.ts';

const FORMATS = ['json', 'csv'] as const;

/** The query string as documented (period.ts validates it; this schema is for the OpenAPI document). */
const periodQueryDoc = z.object({
  from: z.string().optional().openapi({ example: '2026-11-01', description: 'First local date, YYYY-MM-DD (default: 29 days before to)' }),
  to: z
    .string()
    .optional()
    .openapi({ example: '2026-11-30', description: 'Last local date, inclusive (default: today in tz); at most 731 days after from' }),
  tz: z
    .string()
    .optional()
    .openapi({ example: 'Asia/Shanghai', description: 'IANA time zone the dates are read in (default Asia/Shanghai)' }),
  lang: z.enum(LANGS).optional().openapi({ description: 'Only this language, where the metric supports it' }),
  topic: z.string().optional().openapi({ description: 'Only this topic id, where the metric supports it' }),
});
const metricQueryDoc = periodQueryDoc.extend({
  interval: z.enum(INTERVALS).optional().openapi({ description: 'Series periods (default day; weeks start on Monday)' }),
  format: z.enum(FORMATS).optional().openapi({ description: 'json (default) or csv' }),
});

const metricInfoSchema = z
  .object({
    id: z.string(),
    group: z.string(),
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    definition: z.object({ 'zh-CN': z.string(), en: z.string() }).openapi({ description: 'What the metric measures, in each language' }),
    formula: z.string(),
    unit: z.string(),
    window: z.string(),
    filters: z.array(z.enum(['lang', 'topic'])),
  })
  .openapi('MetricInfo');

const metricResultSchema = z
  .object({
    metric: z.string(),
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    interval: z.enum(INTERVALS),
    value: z.number().nullable(),
    parts: z.record(z.number().nullable()).optional(),
    series: z.array(z.record(z.union([z.string(), z.number(), z.null()]))).optional(),
    rows: z.array(z.record(z.unknown())).optional(),
  })
  .openapi('MetricResult');

function badFormat(format: string): ApiError {
  return new ApiError(400, 'invalid_request', `Invalid request: format: must be json or csv, not "${format.slice(0, 20)}"`, [
    { field: 'format', message: 'must be json or csv' },
  ]);
}

export function metricRoutes(ctx: AppContext, env: MetricEnv, cache: MetricCache = new MetricCache(0)) {
  const { db, now } = ctx;
  const router = newRouter();
  // Roll-ups are brought up to date only when a result is actually computed (a cache miss).
  const computeMetric = (definition: MetricDefinition, query: MetricQuery) =>
    cache.get(definition.id, query, async () => {
      await catchUpRollups(db);
      return definition.compute(env, query);
    });
  const staff = requireStaff(db, ctx.adminToken, 'agent', 'trainer');

  router.get('/metrics', staff, (c) =>
    c.json({
      metrics: METRICS.map(({ id, group, title, definition, formula, unit, window, filters }) => ({
        id,
        group,
        title,
        definition,
        formula,
        unit,
        window,
        filters,
      })),
    }),
  );

  router.get('/metrics/summary', staff, async (c) => {
    const query = parseMetricQuery(c.req.query(), now());
    return c.json(await metricSummary(env, query, computeMetric));
  });

  router.get('/metrics/:id', staff, async (c) => {
    const id = c.req.param('id');
    const raw = c.req.query();
    const query = parseMetricQuery(raw, now());
    const format = raw.format ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw badFormat(format);
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
    return c.json({ metric: metric.id, from: query.from, to: query.to, tz: query.tz, interval: query.interval, ...result });
  });

  const security = [{ bearer: [] }];
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'Every metric: id, group, titles and definitions (zh-CN and en), formula, unit, window, filters (staff)',
    security,
    responses: {
      200: {
        description: 'The metric registry',
        content: { 'application/json': { schema: z.object({ metrics: z.array(metricInfoSchema) }) } },
      },
      ...errorResponses(401, 403),
    },
  });
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/metrics/summary',
    summary: 'The twelve headline numbers for a period and the previous period of the same length (staff)',
    security,
    request: { query: periodQueryDoc },
    responses: { 200: { description: 'Rates 0–1, hours, a rating; null when undefined' }, ...errorResponses(400, 401, 403) },
  });
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/metrics/{id}',
    summary: 'One metric for a period: value, parts, series, rows; format=csv for a download (staff)',
    security,
    request: { params: z.object({ id: z.string().openapi({ example: 'deflection' }) }), query: metricQueryDoc },
    responses: {
      200: {
        description: 'The metric (docs/metrics.md defines each)',
        content: { 'application/json': { schema: metricResultSchema }, 'text/csv': { schema: z.string() } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  return router;
}

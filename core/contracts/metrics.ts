/**
 * The request and response contract of the metric endpoints (GET /api/metrics,
 * /api/metrics/summary, /api/metrics/<id>), as zod schemas: the API validates its query
 * strings with them and documents its answers with them; the dashboards read the derived
 * types (type-only imports, so no zod reaches the browser). Constants are in
 * metric-values.ts; the server-side parts (compute, the resolved period) in api/metrics/types.ts.
 */
import { z } from './zod.ts';
import { LANGS } from '../content/article.ts';
import {
  DEFAULT_TZ,
  INTERVALS,
  MAX_RANGE_DAYS,
  METRIC_FILTERS,
  METRIC_FORMATS,
  METRIC_GROUPS,
  METRIC_UNITS,
  SUMMARY_KEYS,
  type SummaryKey,
} from './metric-values.ts';
import { isoDateSchema } from './dates.ts';

export * from './metric-values.ts';

/** A text in each language of the interface. */
const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** One entry of GET /api/metrics: what a metric is, without how it is computed. */
export const metricInfoSchema = z
  .object({
    /** Stable kebab-case id, the last part of /api/metrics/<id>. */
    id: z.string().openapi({ example: 'deflection' }),
    /** The dashboard section it belongs to. */
    group: z.enum(METRIC_GROUPS),
    /** Its name in each language. */
    title: localized,
    /** What it measures, in words, in each language; dashboards show the interface language's. */
    definition: localized.openapi({ description: 'What the metric measures, in each language' }),
    /** The formula, e.g. "helpful votes ÷ votes". */
    formula: z.string(),
    /** How its value reads. */
    unit: z.enum(METRIC_UNITS),
    /** How the period selects the data, e.g. "votes cast in the period (first cast)". */
    window: z.string(),
    /** Which filters apply (others are ignored, and docs/metrics.md says so). */
    filters: z.array(z.enum(METRIC_FILTERS)),
  })
  .openapi('MetricInfo');
export type MetricInfo = z.infer<typeof metricInfoSchema>;

/** A number, or null when it is undefined for the period (no votes, no tickets, under 5 votes...). */
export const metricNumberSchema = z.number().nullable();
export type MetricNumber = z.infer<typeof metricNumberSchema>;

/** One point of a time series: `period` is the local start date (YYYY-MM-DD) of the day, ISO week (Monday) or month. */
export const seriesPointSchema = z.object({ period: z.string() }).catchall(z.union([z.number(), z.null(), z.string()]));
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** One row of a breakdown or list (per article, per priority, per topic, per query...). */
export const metricRowSchema = z.record(z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));
export type MetricRow = z.infer<typeof metricRowSchema>;

/** What a metric computes for a period. */
export const metricResultSchema = z.object({
  /** The headline value (a rate 0–1, hours, a count, a ratio); null when undefined. */
  value: metricNumberSchema,
  /** Named figures behind the value (numerator, denominator, explicit rate...). */
  parts: z.record(metricNumberSchema).optional(),
  /** Over time, one point per interval from `from` to `to`, empty periods included. */
  series: z.array(seriesPointSchema).optional(),
  /** Breakdowns and lists. */
  rows: z.array(metricRowSchema).optional(),
});
export type MetricResult = z.infer<typeof metricResultSchema>;

/** GET /api/metrics/<id> as JSON: the result with the period it covers. */
export const metricResponseSchema = z
  .object({
    /** The metric's id. */
    metric: z.string(),
    /** The period's first and last local dates, YYYY-MM-DD, in `tz`. */
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    interval: z.enum(INTERVALS),
  })
  .merge(metricResultSchema)
  .openapi('MetricResult');
export type MetricResponse = z.infer<typeof metricResponseSchema>;

const headlineNumbersSchema = z.object(
  Object.fromEntries(SUMMARY_KEYS.map((key) => [key, metricNumberSchema])) as Record<SummaryKey, typeof metricNumberSchema>,
);
export type SummaryNumbers = z.infer<typeof headlineNumbersSchema>;

/** GET /api/metrics/summary: the headline numbers for the period and for the previous period of the same length. */
/** Unresolved tickets left out of the resolution rate as too recent to judge (docs/design.md §4, like-for-like periods). */
const maturingSchema = z.object({ resolutionTooRecent: z.number().int().nullable() });

/** What the demo seed recorded when the database holds demo data (a banner says so), else null. */
export const demoMarkerSchema = z.object({ seededAt: z.string(), from: z.string(), to: z.string() }).nullable().openapi('DemoMarker');

export const metricSummarySchema = headlineNumbersSchema
  .merge(maturingSchema)
  .extend({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    demo: demoMarkerSchema,
    /** The same numbers for the period of the same length right before. */
    previous: headlineNumbersSchema.merge(maturingSchema).extend({ from: z.string(), to: z.string() }),
  })
  .openapi('MetricSummary');
export type MetricSummary = z.infer<typeof metricSummarySchema>;

export { isoDateSchema } from './dates.ts';

/** An IANA time zone this runtime knows. */
export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Shanghai or UTC');

/** A topic id as the metrics filter by it. */
export const topicFilterSchema = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} _.:/&-]{0,79}$/u, 'must be a topic id');

/** The query string of a metric: the period, its filters and the series interval (api/metrics/period.ts fills in the defaults). */
export const metricQuerySchema = z.object({
  from: isoDateSchema
    .optional()
    .openapi({ example: '2026-11-01', description: 'First local date, YYYY-MM-DD (default: 29 days before to)' }),
  to: isoDateSchema.optional().openapi({
    example: '2026-11-30',
    description: `Last local date, inclusive (default: today in tz); at most ${MAX_RANGE_DAYS} days after from`,
  }),
  tz: timeZoneSchema
    .optional()
    .openapi({ example: DEFAULT_TZ, description: `IANA time zone the dates are read in (default ${DEFAULT_TZ})` }),
  lang: z.enum(LANGS).optional().openapi({ description: 'Only this language, where the metric supports it' }),
  topic: topicFilterSchema.optional().openapi({ description: 'Only this topic id, where the metric supports it' }),
  interval: z.enum(INTERVALS).optional().openapi({ description: 'Series periods (default day; weeks start on Monday)' }),
});
export type MetricQueryParams = z.infer<typeof metricQuerySchema>;

/** GET /api/metrics/<id>'s query: a metric query and the answer's format. */
export const metricRequestQuerySchema = metricQuerySchema.extend({
  format: z
    .enum(METRIC_FORMATS, { errorMap: () => ({ message: 'must be json or csv' }) })
    .optional()
    .openapi({ description: 'json (default) or csv' }),
});

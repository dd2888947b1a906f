/**
 * GET /api/metrics/period-report (问题汇总报告, issue 18): one month or quarter for management,
 * every figure taken from the metric registry (so the report says what the dashboards say),
 * each with the address of what is behind it. The page /insights/report renders this answer
 * and nothing else, so page and API agree.
 */
import { z } from './zod.ts';
import { demoMarkerSchema } from './metrics.ts';

/** `2026-11` (a month) or `2026-Q4` (a quarter). */
export const PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export const periodReportQuerySchema = z
  .object({
    period: z.string().max(7).regex(PERIOD_PATTERN, 'must be a month (YYYY-MM) or a quarter (YYYY-Qn)').openapi({ example: '2026-11' }),
    tz: z.string().min(1).max(64).optional().openapi({ example: 'Asia/Shanghai' }),
  })
  .strict();
export type PeriodReportQuery = z.infer<typeof periodReportQuerySchema>;

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const num = z.number().nullable();

/** One figure: its value, the previous period's where it is compared, and where to see what it counts. */
export const reportFigureSchema = z.object({ value: num, previous: num.optional(), href: z.string() });

export const FIGURE_KEYS = [
  'tickets',
  'resolutionRate',
  'resolutionTooRecent',
  'medianResolutionHours',
  'slaAttainment',
  'escalated',
  'escalationRate',
  'csatMean',
  'csatSatisfiedShare',
  'csatResponses',
  'articlesCreated',
  'articlesUpdated',
  'linkRate',
  'known',
  'new',
  'deflectionRate',
  'noResultSearches',
  'trainingCompletions',
  'overdueReviews',
  'contentGaps',
] as const;
export type ReportFigureKey = (typeof FIGURE_KEYS)[number];

export const periodReportSchema = z
  .object({
    period: z.string(),
    kind: z.enum(['month', 'quarter']),
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    previous: z.object({ period: z.string(), from: z.string(), to: z.string() }),
    demo: demoMarkerSchema,
    figures: z.object(
      Object.fromEntries(FIGURE_KEYS.map((k) => [k, reportFigureSchema])) as Record<ReportFigureKey, typeof reportFigureSchema>,
    ),
    /** Tickets created in this period and the five before it, oldest first. */
    volume: z.array(z.object({ period: z.string(), from: z.string(), to: z.string(), tickets: z.number(), href: z.string() })),
    /** Topics whose ticket count grew most against the previous period. */
    growth: z.array(
      z.object({ topic: z.string(), name: localized, tickets: z.number(), previous: z.number(), change: z.number(), href: z.string() }),
    ),
    slaByPriority: z.array(z.object({ priority: z.string(), tickets: z.number(), met: z.number(), value: num, href: z.string() })),
    escalationsByTopic: z.array(
      z.object({ topic: z.string(), name: localized, tickets: z.number(), escalated: z.number(), value: num, href: z.string() }),
    ),
    topNoResultSearches: z.array(z.object({ query: z.string(), lang: z.string().nullable(), searches: z.number(), href: z.string() })),
    trainingNeeds: z.array(
      z.object({ topic: z.string(), name: localized, needScore: num, label: z.string().nullable(), tickets: z.number(), href: z.string() }),
    ),
    recommendations: z.array(
      z.object({ kind: z.enum(['content-gap', 'training-need', 'overdue-reviews', 'resolution']), text: localized, href: z.string() }),
    ),
  })
  .openapi('PeriodReport');
export type PeriodReport = z.infer<typeof periodReportSchema>;

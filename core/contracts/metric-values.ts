/**
 * The constant facts of the metric endpoints' contract (docs/design.md §4–5): units,
 * groups, intervals, filters, formats, the summary's headline numbers and the period's
 * limits. Free of zod, so the dashboards import them without growing their bundle;
 * core/contracts/metrics.ts builds the schemas from them.
 */

/** How a metric's value reads: a rate 0–1, hours, a count, sessions per requester, a 1–5 rating, a score. */
export const METRIC_UNITS = ['ratio', 'hours', 'count', 'sessions-per-requester', 'rating', 'score'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** The dashboard sections a metric belongs to. */
export const METRIC_GROUPS = [
  'self-service',
  'search',
  'helpfulness',
  'kcs',
  'support',
  'content-health',
  'training',
  'scorecards',
] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

/** Series periods; weeks start on Monday. */
export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The filters a metric may support. */
export const METRIC_FILTERS = ['lang', 'topic'] as const;
export type MetricFilter = (typeof METRIC_FILTERS)[number];

/** What GET /api/metrics/<id> answers in: JSON (default) or a CSV download. */
export const METRIC_FORMATS = ['json', 'csv'] as const;
export type MetricFormat = (typeof METRIC_FORMATS)[number];

/** The time zone report dates are read in when the query names none. */
export const DEFAULT_TZ = 'Asia/Shanghai';

/** The longest range a report may cover, in days (two years and a leap day). */
export const MAX_RANGE_DAYS = 731;

/** The twelve headline numbers of GET /api/metrics/summary, in the dashboard's order. */
export const SUMMARY_KEYS = [
  'selfServiceScore',
  'deflectionRate',
  'explicitDeflectionRate',
  'helpfulRate',
  'noResultRate',
  'searchClickThrough',
  'linkRate',
  'resolutionRate',
  'medianResolutionHours',
  'slaAttainment',
  'escalationRate',
  'csatMean',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

/**
 * Each headline number's source: the registry metric it comes from and which figure of its
 * result (`value`, or a part). The API computes the summary by it (api/metrics/summary.ts);
 * the dashboards title each headline by that metric's registry title.
 */
export const SUMMARY_SOURCES = {
  selfServiceScore: { metric: 'self-service-score', figure: 'value' },
  deflectionRate: { metric: 'deflection', figure: 'value' },
  explicitDeflectionRate: { metric: 'deflection', figure: 'explicitRate' },
  helpfulRate: { metric: 'helpful-rate', figure: 'value' },
  noResultRate: { metric: 'search-no-result-rate', figure: 'value' },
  searchClickThrough: { metric: 'search-click-through', figure: 'value' },
  linkRate: { metric: 'link-rate', figure: 'value' },
  resolutionRate: { metric: 'resolution-rate', figure: 'value' },
  medianResolutionHours: { metric: 'resolution-time', figure: 'value' },
  slaAttainment: { metric: 'sla-attainment', figure: 'value' },
  escalationRate: { metric: 'escalation-rate', figure: 'value' },
  csatMean: { metric: 'csat', figure: 'value' },
} as const satisfies Record<SummaryKey, { metric: string; figure: string }>;

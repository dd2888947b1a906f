/**
 * The metric registry's contract (docs/design.md §4–5). Every metric is one MetricDefinition;
 * the API (/api/metrics), the dashboards and docs/metrics.md all read the same registry
 * (api/metrics/index.ts), so a definition changes in one place.
 */
import type { Db } from '../db/index.ts';
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import type { Lang } from '../../core/content/article.ts';
import { TICKET_PRIORITIES } from '../../core/tickets/ticket.ts';
import type { SlaTargets } from '../../core/tickets/sla-targets.ts';

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export const PRIORITIES = TICKET_PRIORITIES;
export type Priority = (typeof PRIORITIES)[number];

/** A validated report period and its filters (parsed by period.ts from the query string). */
export interface MetricQuery {
  /** Inclusive local dates, YYYY-MM-DD, in `tz`. */
  from: string;
  to: string;
  /** IANA time zone the dates and the series periods are read in. */
  tz: string;
  /** The UTC instants the period covers: start <= t < end, as ISO strings ending in Z. */
  start: string;
  end: string;
  lang?: Lang | undefined;
  topic?: string | undefined;
  interval: Interval;
}

/** A number, or null when it is undefined for the period (no votes, no tickets, under 5 votes...). */
export type MetricNumber = number | null;

/** One point of a time series: `period` is the local start date (YYYY-MM-DD) of the day, ISO week (Monday) or month. */
export type SeriesPoint = { period: string } & Record<string, MetricNumber | string>;

export type MetricRow = Record<string, string | number | boolean | null | string[]>;

/** What a metric computes; the API wraps it as { metric, from, to, tz, value, ...parts, series, rows }. */
export interface MetricResult {
  /** The headline value (a rate 0–1, hours, a count, a ratio); null when undefined. */
  value: MetricNumber;
  /** Named figures behind the value (numerator, denominator, explicit rate...). */
  parts?: Record<string, MetricNumber>;
  /** Over time, one point per interval from `from` to `to`, empty periods included. */
  series?: SeriesPoint[];
  /** Breakdowns and lists (per article, per priority, per topic, per query...). */
  rows?: MetricRow[];
}

export type MetricUnit = 'ratio' | 'hours' | 'count' | 'sessions-per-requester' | 'rating' | 'score';

export const METRIC_GROUPS = ['self-service', 'search', 'helpfulness', 'kcs', 'support', 'content-health', 'training'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

/** Settings the metrics read (from the environment; see README). */
export interface MetricSettings {
  /** SLA targets per priority in hours, used when the helpdesk did not record slaMet. */
  slaTargets: SlaTargets;
  /** How long a training completion counts (docs/design.md §5, default 365). */
  trainingValidityDays: number;
  /** Where an article's source can be edited: `${editUrlBase}${lang}/${slug}.mdx`; '' for none. */
  editUrlBase: string;
}

/** What a metric's compute function gets. */
export interface MetricEnv {
  db: Db;
  catalog: ArticleCatalog;
  topics: TopicTree | undefined;
  now: () => Date;
  settings: MetricSettings;
}

export interface MetricDefinition {
  /** Stable kebab-case id, the last part of /api/metrics/<id>. */
  id: string;
  group: MetricGroup;
  title: Record<Lang, string>;
  /** What it measures, in words, in each language (the English as in docs/design.md); dashboards show the interface language's. */
  definition: Record<Lang, string>;
  /** The formula, e.g. "helpful votes ÷ votes". */
  formula: string;
  unit: MetricUnit;
  /** How the period selects the data, e.g. "votes cast in the period (first cast)". */
  window: string;
  /** Which filters apply (others are ignored and said so in docs). */
  filters: Array<'lang' | 'topic'>;
  compute(env: MetricEnv, query: MetricQuery): Promise<MetricResult>;
}

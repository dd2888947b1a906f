/**
 * The metric registry's server side (docs/design.md §4–5). Every metric is one MetricDefinition;
 * the API (/api/metrics), the dashboards and docs/metrics.md all read the same registry
 * (api/metrics/index.ts), so a definition changes in one place. What the endpoints take and
 * answer (MetricInfo, MetricResult, units, groups, intervals, the query) is the contract in
 * core/contracts/metrics.ts; this module adds what only the server knows: the resolved period,
 * the settings, and compute.
 */
import type { Db } from '../db/index.ts';
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import type { Lang } from '../../core/content/article.ts';
import { TICKET_PRIORITIES } from '../../core/tickets/ticket.ts';
import type { SlaTargets } from '../../core/tickets/sla-targets.ts';
import type { Interval, MetricInfo, MetricResult } from '../../core/contracts/metrics.ts';

export { INTERVALS, METRIC_GROUPS, METRIC_UNITS } from '../../core/contracts/metric-values.ts';
export type {
  Interval,
  MetricGroup,
  MetricInfo,
  MetricNumber,
  MetricResult,
  MetricRow,
  MetricUnit,
  SeriesPoint,
} from '../../core/contracts/metrics.ts';

export const PRIORITIES = TICKET_PRIORITIES;
export type Priority = (typeof PRIORITIES)[number];

/** A validated report period and its filters (resolved by period.ts from the query string). */
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

/** Settings the metrics read (from the environment; see README). */
export interface MetricSettings {
  /** SLA targets per priority in hours, used when the helpdesk did not record slaMet. */
  slaTargets: SlaTargets;
  /** How long a training completion counts (docs/design.md §5, default 365). */
  trainingValidityDays: number;
  /** Days before an unresolved ticket is judged by the maturing rates (docs/design.md §4, default 7). */
  maturityDays: number;
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

/** A metric of the registry: what GET /api/metrics says about it (MetricInfo, the English definition as in docs/design.md), and how to compute it. */
export interface MetricDefinition extends MetricInfo {
  compute(env: MetricEnv, query: MetricQuery): Promise<MetricResult>;
}

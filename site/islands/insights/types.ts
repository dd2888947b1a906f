/**
 * The shapes the dashboards read from the API, as written in the metrics contract
 * (docs/metrics.md, api/metrics/types.ts). Kept loose where the contract is loose
 * (rows and series are records) and checked where the page depends on a field.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { Unit } from './format.ts';

export type MetricNumber = number | null;
export type RowValue = string | number | boolean | null | string[];
export type MetricRow = Record<string, RowValue>;
export type SeriesPoint = { period: string } & Record<string, MetricNumber | string>;

/** `GET /api/metrics/<id>`. */
export interface MetricResponse {
  metric: string;
  from: string;
  to: string;
  tz: string;
  interval?: string;
  value: MetricNumber;
  parts?: Record<string, MetricNumber>;
  series?: SeriesPoint[];
  rows?: MetricRow[];
}

/** One entry of `GET /api/metrics`. */
export interface MetricInfo {
  id: string;
  group: string;
  title: Record<Lang, string>;
  /** In each language; definition.ts picks the interface language's. */
  definition: Record<Lang, string>;
  formula: string;
  unit: Unit;
  window: string;
  filters: string[];
}

/** The twelve headline numbers of `GET /api/metrics/summary`. */
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

export type SummaryNumbers = Record<SummaryKey, MetricNumber>;

/** `GET /api/metrics/summary`. */
export interface SummaryResponse extends SummaryNumbers {
  from: string;
  to: string;
  tz: string;
  previous: SummaryNumbers & { from: string; to: string };
}

/** One topic of `GET /api/training/plan`. */
export interface PlanTopic {
  topic: string;
  name: string;
  needScore: MetricNumber;
  label: 'training-gap' | 'content-gap' | 'both' | null;
  reasons: string[];
  reasonsZh?: string[];
  tickets: number;
  peopleCoverage: MetricNumber;
  ticketWeightedCoverage: MetricNumber;
  escalationRate: MetricNumber;
  untrainedAgents: string[];
}

/** `GET /api/training/plan`. */
export interface PlanResponse {
  from: string;
  to: string;
  tz: string;
  topics: PlanTopic[];
}

/** Reads a number field of a row or series point; anything else is null. */
export const num = (record: Record<string, unknown> | undefined, key: string): MetricNumber => {
  const v = record?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Reads a string field of a row; anything else is ''. */
export const str = (record: Record<string, unknown> | undefined, key: string): string => {
  const v = record?.[key];
  return typeof v === 'string' ? v : '';
};

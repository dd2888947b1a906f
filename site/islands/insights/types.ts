/**
 * The shapes the dashboards read from the API. The metric endpoints' contract is written
 * once, in core/contracts/metrics.ts (zod schemas the API validates and documents with);
 * only its types are imported here, so no zod reaches the browser. Kept loose where the
 * contract is loose (rows and series are records) and checked where the page depends on a field.
 */
import type { MetricNumber, MetricRow } from '../../../core/contracts/metrics.ts';

export type {
  MetricInfo,
  MetricNumber,
  MetricResponse,
  MetricRow,
  SeriesPoint,
  SummaryNumbers,
  MetricSummary as SummaryResponse,
} from '../../../core/contracts/metrics.ts';
export { SUMMARY_KEYS, type SummaryKey } from '../../../core/contracts/metric-values.ts';

/** One value of a row. */
export type RowValue = MetricRow[string];

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

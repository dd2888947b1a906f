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
export { SUMMARY_KEYS, SUMMARY_SOURCES, type SummaryKey } from '../../../core/contracts/metric-values.ts';

/** One value of a row. */
export type RowValue = MetricRow[string];

/** GET /api/training/plan: its contract is core/contracts/training.ts's, shared with the API. */
export type { PlanResponse, PlanTopic } from '../../../core/contracts/training.ts';

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

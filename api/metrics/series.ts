/** Shared arithmetic of the metrics: safe ratios and per-date figures gathered into series periods. */
import { periodOfDate, periodsOf } from './period.ts';
import type { MetricNumber, MetricQuery } from './types.ts';

/** numerator ÷ denominator, or null when the denominator is 0 (undefined, not 0%). */
export const ratio = (numerator: number, denominator: number): MetricNumber => (denominator > 0 ? numerator / denominator : null);

/**
 * Sums per-local-date figures into the query's periods (day, ISO week or month), every
 * period from `from` to `to` present, empty ones as zeros.
 */
export function sumIntoPeriods(
  query: Pick<MetricQuery, 'from' | 'to' | 'interval'>,
  byDate: Map<string, number[]>,
  width: number,
): Map<string, number[]> {
  const periods = new Map<string, number[]>(periodsOf(query).map((p) => [p, new Array<number>(width).fill(0)]));
  for (const [date, figures] of byDate) {
    if (date < query.from || date > query.to) continue;
    const sums = periods.get(periodOfDate(date, query.interval));
    if (sums) figures.forEach((v, i) => (sums[i]! += v));
  }
  return periods;
}

/** Column totals of per-period figures. */
export function totalsOf(periods: Map<string, number[]>, width: number): number[] {
  const totals = new Array<number>(width).fill(0);
  for (const figures of periods.values()) figures.forEach((v, i) => (totals[i]! += v));
  return totals;
}

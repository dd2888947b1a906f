/** Shared arithmetic of the metrics: per-date figures gathered into series periods (ratios are core/stats.ts). */
import { periodOfDate, periodsOf } from './period.ts';
import type { MetricQuery } from './types.ts';

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

/**
 * GET /api/metrics/summary: the dashboard's twelve headline numbers, each taken from the
 * registry's metric of that id (so a number means the same as on its own page), for the
 * period and for the previous period of the same length. A metric not in the registry
 * (yet) gives null.
 */
import { readDemoMarker } from '../db/queries/demo-marker.ts';
import { metricById } from './index.ts';
import { previousPeriod } from './period.ts';
import type { MetricDefinition, MetricEnv, MetricQuery, MetricResult } from './types.ts';
import { SUMMARY_SOURCES, type MetricSummary, type SummaryNumbers } from '../../core/contracts/metrics.ts';

export type { MetricSummary } from '../../core/contracts/metrics.ts';

/** How a metric is computed: directly, or through the route's cache. */
export type ComputeMetric = (definition: MetricDefinition, query: MetricQuery) => Promise<MetricResult>;

/** Each headline number of the contract (SUMMARY_KEYS): the metric it comes from and which figure of its result. */
export const HEADLINES = SUMMARY_SOURCES;

export type HeadlineNumbers = SummaryNumbers & { resolutionTooRecent: number | null };

/** The twelve numbers for one period; each metric is computed once even when it feeds two. */
export async function headlineNumbers(
  env: MetricEnv,
  query: MetricQuery,
  computeMetric: ComputeMetric = (d, q) => d.compute(env, q),
): Promise<HeadlineNumbers> {
  // Monthly series: the summary reads only totals, and fewer periods are less work.
  const q: MetricQuery = { ...query, interval: 'month' };
  const results = new Map<string, MetricResult | null>();
  const numbers = {} as HeadlineNumbers;
  for (const [name, { metric, figure }] of Object.entries(HEADLINES) as Array<
    [keyof typeof HEADLINES, (typeof HEADLINES)[keyof typeof HEADLINES]]
  >) {
    if (!results.has(metric)) {
      const definition = metricById(metric);
      results.set(metric, definition ? await computeMetric(definition, q) : null);
    }
    const result = results.get(metric);
    numbers[name] = !result ? null : figure === 'value' ? result.value : (result.parts?.[figure] ?? null);
  }
  // Shown beside the resolution rate: the young open tickets it leaves out (like-for-like periods).
  numbers.resolutionTooRecent = results.get('resolution-rate')?.parts?.['tooRecent'] ?? null;
  return numbers;
}

/** The headline numbers of a period and of the period of the same length before it. */
export async function metricSummary(env: MetricEnv, query: MetricQuery, computeMetric?: ComputeMetric): Promise<MetricSummary> {
  const previous = previousPeriod(query);
  const current = await headlineNumbers(env, query, computeMetric);
  const before = await headlineNumbers(env, previous, computeMetric);
  const demo = await readDemoMarker(env.db);
  return { from: query.from, to: query.to, tz: query.tz, demo, ...current, previous: { from: previous.from, to: previous.to, ...before } };
}

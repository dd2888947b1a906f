/** Metrics computed as the API computes them, over a test database with a clock that stands still. */
import type { Db } from '../../api/db/index.ts';
import { metricEnv } from '../../api/metrics/env.ts';
import { metricById } from '../../api/metrics/index.ts';
import { parseMetricQuery } from '../../api/metrics/period.ts';
import type { MetricEnv, MetricResult, MetricSettings } from '../../api/metrics/types.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import { sampleArticles, testCatalog } from './catalog.ts';

/** The instant the metric tests are computed at, unless a test says otherwise. */
export const METRIC_NOW = new Date('2026-11-27T10:00:00Z');

/** Options of {@link metricTestEnv}. */
export interface MetricTestOptions {
  /** The catalog's articles (default sampleArticles). */
  articles?: ManifestArticle[];
  /** The clock, stopped at this instant (default METRIC_NOW); the catalog is built then too. */
  now?: Date;
  topics?: TopicTree;
  metricSettings?: Partial<MetricSettings>;
}

/** What every metric's compute gets, over `db`. */
export function metricTestEnv(db: Db, options: MetricTestOptions = {}): MetricEnv {
  const now = options.now ?? METRIC_NOW;
  return metricEnv({
    db,
    catalog: testCatalog(options.articles ?? sampleArticles, { builtAt: now.toISOString() }),
    topics: options.topics,
    now: () => now,
    metricSettings: options.metricSettings,
  });
}

/** Computes metric `id` for the query parameters `raw` (from, to, tz, lang, …), parsed as the API parses them at `now`. */
export function computeMetric(env: MetricEnv, id: string, raw: Record<string, string>, now = METRIC_NOW): Promise<MetricResult> {
  const metric = metricById(id);
  if (!metric) throw new Error(`no metric with id "${id}"`);
  return metric.compute(env, parseMetricQuery(raw, now));
}

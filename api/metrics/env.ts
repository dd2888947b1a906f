/**
 * The metrics' settings and environment. The settings come from the server's environment
 * (KB_SLA_TARGETS, KB_TRAINING_VALIDITY_DAYS, KB_EDIT_URL: core/config/schema.ts defines and
 * validates them, docs/configuration.md describes them); tests pass their own.
 */
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { Db } from '../db/index.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import { DEFAULT_SLA_TARGETS } from '../../core/tickets/sla-targets.ts';
import { DEFAULT_MATURITY_DAYS, DEFAULT_TRAINING_VALIDITY_DAYS } from '../../core/config/defaults.ts';
import type { MetricEnv, MetricSettings } from './types.ts';

export const DEFAULT_METRIC_SETTINGS: MetricSettings = {
  slaTargets: DEFAULT_SLA_TARGETS,
  trainingValidityDays: DEFAULT_TRAINING_VALIDITY_DAYS,
  maturityDays: DEFAULT_MATURITY_DAYS,
  editUrlBase: '',
};

/** The settings with defaults for whatever is not given. */
export function metricSettings(given: Partial<MetricSettings> = {}): MetricSettings {
  return { ...DEFAULT_METRIC_SETTINGS, ...given, slaTargets: { ...DEFAULT_SLA_TARGETS, ...given.slaTargets } };
}

/** What every metric's compute gets, built from the app's dependencies. */
export function metricEnv(deps: {
  db: Db;
  catalog: ArticleCatalog;
  topics?: TopicTree | undefined;
  now?: (() => Date) | undefined;
  metricSettings?: Partial<MetricSettings> | undefined;
}): MetricEnv {
  return {
    db: deps.db,
    catalog: deps.catalog,
    topics: deps.topics,
    now: deps.now ?? (() => new Date()),
    settings: metricSettings(deps.metricSettings),
  };
}

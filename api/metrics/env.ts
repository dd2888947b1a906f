/**
 * The metrics' settings and environment. Settings come from the server's environment
 * (api/config.ts validates them at start):
 * - KB_SLA_TARGETS: per-priority targets in hours, `priority=firstResponse/resolution`
 *   separated by commas, e.g. `urgent=1/4,high=4/24,normal=8/48,low=24/120`; priorities not
 *   named keep their default (the example above is the default).
 * - KB_TRAINING_VALIDITY_DAYS: how many days a training completion counts (default 365).
 * - KB_EDIT_URL: prefix of an article's source for "edit" links, e.g.
 *   `https://git.example.com/kb/edit/main/content/articles/`; empty for no links.
 */
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { Db } from '../db/index.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import { PRIORITIES, type MetricEnv, type MetricSettings, type Priority } from './types.ts';

export const DEFAULT_SLA_TARGETS: MetricSettings['slaTargets'] = {
  urgent: { firstResponseHours: 1, resolutionHours: 4 },
  high: { firstResponseHours: 4, resolutionHours: 24 },
  normal: { firstResponseHours: 8, resolutionHours: 48 },
  low: { firstResponseHours: 24, resolutionHours: 120 },
};

export const DEFAULT_METRIC_SETTINGS: MetricSettings = { slaTargets: DEFAULT_SLA_TARGETS, trainingValidityDays: 365, editUrlBase: '' };

const HOURS = /^\d+(\.\d+)?$/;

/** Parses KB_SLA_TARGETS (see above); throws an Error saying which entry is wrong. */
export function parseSlaTargets(text: string): MetricSettings['slaTargets'] {
  const targets = structuredClone(DEFAULT_SLA_TARGETS);
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)\s*=\s*([^/]+)\/(.+)$/.exec(entry);
    if (!match) throw new Error(`"${entry}" must be written priority=firstResponseHours/resolutionHours, e.g. high=4/24`);
    const [, priority, first, resolution] = match as unknown as [string, string, string, string];
    if (!(PRIORITIES as readonly string[]).includes(priority))
      throw new Error(`"${priority}" is not a priority (${PRIORITIES.join(', ')})`);
    if (!HOURS.test(first.trim()) || !HOURS.test(resolution.trim()) || Number(first) <= 0 || Number(resolution) <= 0) {
      throw new Error(`"${entry}": hours must be positive numbers`);
    }
    targets[priority as Priority] = { firstResponseHours: Number(first), resolutionHours: Number(resolution) };
  }
  return targets;
}

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

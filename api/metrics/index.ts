/**
 * The metric registry: every metric the API serves, the dashboards show and docs/metrics.md
 * documents (npm run docs:metrics), in one list. Each group's module exports `metrics`.
 */
import { metrics as selfService } from './self-service.ts';
import { metrics as search } from './search.ts';
import { metrics as helpfulness } from './helpfulness.ts';
import { metrics as kcs } from './kcs.ts';
import { metrics as support } from './support.ts';
import { metrics as contentHealth } from './content-health.ts';
import { metrics as training } from './training.ts';
import { metrics as scorecards } from './scorecards.ts';
import type { MetricDefinition } from './types.ts';

export const METRICS: MetricDefinition[] = [
  ...selfService,
  ...search,
  ...helpfulness,
  ...kcs,
  ...support,
  ...contentHealth,
  ...training,
  ...scorecards,
];

const byId = new Map(METRICS.map((m) => [m.id, m]));

/** The metric with this id, or undefined. */
export const metricById = (id: string): MetricDefinition | undefined => byId.get(id);

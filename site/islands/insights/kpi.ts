/**
 * The support KPI tables join the per-priority and per-topic rows of seven metrics
 * (resolution rate, first response and resolution times, SLA attainment, escalation,
 * reopen, CSAT) into one row per priority or topic. Pure, so the join is tested.
 */
import { num, str, type MetricNumber, type MetricResponse } from './types.ts';

/** The metrics a KPI table joins, in column order. */
export const KPI_METRICS = [
  'resolution-rate',
  'first-response-time',
  'resolution-time',
  'sla-attainment',
  'escalation-rate',
  'reopen-rate',
  'csat',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export interface KpiRow {
  key: string;
  tickets: MetricNumber;
  resolutionRate: MetricNumber;
  firstResponseMedian: MetricNumber;
  resolutionMedian: MetricNumber;
  resolutionP90: MetricNumber;
  slaAttainment: MetricNumber;
  escalationRate: MetricNumber;
  reopenRate: MetricNumber;
  csatMean: MetricNumber;
}

/** Priorities from the most to the least urgent; other keys follow by ticket count. */
const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'];

/** One row per key of `dimension` found in any of the answers; a metric without that key leaves null. */
export function joinKpiRows(answers: Partial<Record<KpiMetric, MetricResponse | undefined>>, dimension: 'priority' | 'topic'): KpiRow[] {
  const rows = new Map<string, KpiRow>();
  const rowFor = (key: string): KpiRow => {
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        tickets: null,
        resolutionRate: null,
        firstResponseMedian: null,
        resolutionMedian: null,
        resolutionP90: null,
        slaAttainment: null,
        escalationRate: null,
        reopenRate: null,
        csatMean: null,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const metric of KPI_METRICS) {
    for (const source of answers[metric]?.rows ?? []) {
      if (str(source, 'dimension') !== dimension) continue;
      const row = rowFor(str(source, 'key'));
      // Tickets created in the period: the resolution rate's denominator is the count every KPI shares.
      if (metric === 'resolution-rate') row.tickets = num(source, 'tickets');
      else if (row.tickets === null && metric === 'escalation-rate') row.tickets = num(source, 'tickets');
      switch (metric) {
        case 'resolution-rate':
          row.resolutionRate = num(source, 'value');
          break;
        case 'first-response-time':
          row.firstResponseMedian = num(source, 'median');
          break;
        case 'resolution-time':
          row.resolutionMedian = num(source, 'median');
          row.resolutionP90 = num(source, 'p90');
          break;
        case 'sla-attainment':
          row.slaAttainment = num(source, 'value');
          break;
        case 'escalation-rate':
          row.escalationRate = num(source, 'value');
          break;
        case 'reopen-rate':
          row.reopenRate = num(source, 'value');
          break;
        case 'csat':
          row.csatMean = num(source, 'mean');
          break;
      }
    }
  }
  const rank = (key: string) => (PRIORITY_ORDER.includes(key) ? PRIORITY_ORDER.indexOf(key) : PRIORITY_ORDER.length);
  return [...rows.values()].sort((a, b) => rank(a.key) - rank(b.key) || (b.tickets ?? 0) - (a.tickets ?? 0) || a.key.localeCompare(b.key));
}

import { describe, expect, it } from 'vitest';
import { parseMetricQuery } from '../../api/metrics/period.ts';
import type { MetricEnv } from '../../api/metrics/types.ts';
import { trainingReport } from '../../api/metrics/training/report.ts';
import { testCatalog } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';

async function env(): Promise<MetricEnv> {
  const { db } = await migratedDatabase();
  const settings = {
    slaTargets: {
      low: { firstResponseHours: 24, resolutionHours: 120 },
      normal: { firstResponseHours: 8, resolutionHours: 48 },
      high: { firstResponseHours: 4, resolutionHours: 24 },
      urgent: { firstResponseHours: 1, resolutionHours: 4 },
    },
    trainingValidityDays: 365,
    editUrlBase: '',
    maturityDays: 7,
  };
  return {
    db,
    catalog: testCatalog([]),
    topics: undefined,
    now: () => new Date('2026-11-27T10:00:00Z'),
    settings,
  };
}

describe('trainingReport', () => {
  it('shares one computation between overlapping requests for the same period, and keeps nothing after', async () => {
    const e = await env();
    const q = parseMetricQuery({ from: '2026-11-01', to: '2026-11-27' }, e.now());
    const first = trainingReport(e, q);
    expect(trainingReport(e, q)).toBe(first);
    const otherTopic = trainingReport(e, { ...q, topic: 'billing' });
    expect(otherTopic).not.toBe(first);
    await Promise.all([first, otherTopic]);
    const later = trainingReport(e, q);
    expect(later).not.toBe(first);
    // Every computation ends inside the test: the test's database closes when it ends (PostgreSQL leg).
    await later;
  });
});

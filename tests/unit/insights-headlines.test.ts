/** The overview's headlines (site/islands/insights/headlines.ts): titles from the registry, what changed most. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../api/metrics/index.ts';
import { biggestChanges, HEADLINE_AREA, headlineTitle } from '../../site/islands/insights/headlines.ts';
import { tr } from '../../site/islands/insights/strings.ts';
import { SUMMARY_KEYS, SUMMARY_SOURCES, type SummaryResponse } from '../../site/islands/insights/types.ts';
import { HEADLINES } from '../../api/metrics/summary.ts';

const registry = new Map(METRICS.map((m) => [m.id, m]));

describe('headlineTitle', () => {
  it('is the title of the headline’s metric in the registry, in the interface language', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const ctx = { metricTitle: (id: string) => registry.get(id)?.title[lang], t: (k: never, v?: never) => tr(lang, k, v) };
      expect(headlineTitle(ctx, 'escalationRate')).toBe(registry.get('escalation-rate')!.title[lang]);
      expect(headlineTitle(ctx, 'csatMean')).toBe(registry.get('csat')!.title[lang]);
      // The explicit part of deflection says which part.
      expect(headlineTitle(ctx, 'explicitDeflectionRate')).toContain(registry.get('deflection')!.title[lang]);
      expect(headlineTitle(ctx, 'explicitDeflectionRate')).not.toBe(headlineTitle(ctx, 'deflectionRate'));
    }
  });

  it('names a metric the registry has, for every headline, from the source the API computes it from', () => {
    expect(HEADLINES).toBe(SUMMARY_SOURCES);
    for (const key of SUMMARY_KEYS) expect(registry.has(SUMMARY_SOURCES[key].metric), key).toBe(true);
    expect(Object.keys(HEADLINE_AREA).sort()).toEqual([...SUMMARY_KEYS].sort());
  });
});

describe('biggestChanges', () => {
  const numbers = (over: Partial<Record<(typeof SUMMARY_KEYS)[number], number | null>>) =>
    Object.fromEntries(SUMMARY_KEYS.map((k) => [k, over[k] ?? null])) as Record<(typeof SUMMARY_KEYS)[number], number | null>;

  it('orders the headlines by the size of their move relative to where they were, leaving out unmoved and unknown ones', () => {
    const summary = {
      ...numbers({ escalationRate: 0.12, linkRate: 0.5, csatMean: 4.2, helpfulRate: 0.8, slaAttainment: 0.9 }),
      previous: {
        from: '2026-10-01',
        to: '2026-10-31',
        ...numbers({ escalationRate: 0.1, linkRate: 0.4, csatMean: 4.2, helpfulRate: null, slaAttainment: 0.95 }),
      },
    } as unknown as SummaryResponse;
    // escalation +20%, link rate +25%, SLA −5.3%; CSAT did not move; helpful rate has no previous value.
    expect(biggestChanges(summary)).toEqual(['linkRate', 'escalationRate', 'slaAttainment']);
    expect(biggestChanges(summary, 1)).toEqual(['linkRate']);
  });
});

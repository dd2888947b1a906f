/** Pure data shaping of the dashboards: the KPI join, the coverage grid, the interface language. */
import { describe, expect, it } from 'vitest';
import { joinKpiRows } from '../../site/islands/insights/kpi.ts';
import { coverageGrid } from '../../site/islands/insights/training-grid.ts';
import { chooseUiLang } from '../../site/islands/insights/ui-lang.ts';
import type { MetricResponse } from '../../site/islands/insights/types.ts';
import type { RenderContext } from '../../site/islands/insights/panel.ts';
import { periodRange, ticketsCell } from '../../site/islands/insights/panel-helpers.ts';

const answer = (metric: string, rows: MetricResponse['rows']): MetricResponse => ({
  metric,
  from: '2026-11-01',
  to: '2026-11-30',
  tz: 'Asia/Shanghai',
  interval: 'day',
  value: null,
  rows,
});

describe('joinKpiRows', () => {
  const answers = {
    'resolution-rate': answer('resolution-rate', [
      { dimension: 'priority', key: 'low', tickets: 10, resolved: 7, value: 0.7 },
      { dimension: 'priority', key: 'urgent', tickets: 4, resolved: 4, value: 1 },
      { dimension: 'topic', key: 'licensing', tickets: 9, resolved: 6, value: 6 / 9 },
    ]),
    'resolution-time': answer('resolution-time', [{ dimension: 'priority', key: 'low', tickets: 7, median: 30.5, p90: 80 }]),
    'sla-attainment': answer('sla-attainment', [{ dimension: 'priority', key: 'urgent', tickets: 4, met: 3, value: 0.75 }]),
    csat: answer('csat', [{ dimension: 'priority', key: 'high', responses: 2, mean: 4.5, satisfiedShare: 1 }]),
  };

  it('joins the metrics into one row per priority, most urgent first', () => {
    const rows = joinKpiRows(answers, 'priority');
    expect(rows.map((r) => r.key)).toEqual(['urgent', 'high', 'low']);
    expect(rows[0]).toMatchObject({ tickets: 4, resolutionRate: 1, slaAttainment: 0.75, resolutionMedian: null });
    // "high" only has a CSAT row: its ticket count is unknown, not zero.
    expect(rows[1]).toMatchObject({ tickets: null, csatMean: 4.5 });
    expect(rows[2]).toMatchObject({ tickets: 10, resolutionRate: 0.7, resolutionMedian: 30.5, resolutionP90: 80 });
  });

  it('keeps the dimensions apart and tolerates metrics that did not answer', () => {
    const rows = joinKpiRows({ ...answers, 'first-response-time': undefined }, 'topic');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'licensing', tickets: 9, firstResponseMedian: null });
    expect(rows[0]!.resolutionRate).toBeCloseTo(0.6667, 4);
  });
});

describe('coverageGrid', () => {
  const rows = [
    { topic: 'data-import', name: 'Data import', team: 'Install', agents: 2, trainedAgents: 1, coverage: 0.5 },
    { topic: 'licensing', name: 'Licensing', team: 'unassigned', agents: 1, trainedAgents: 0, coverage: 0 },
    { topic: 'licensing', name: 'Licensing', team: 'Billing', agents: 4, trainedAgents: 3, coverage: 0.75 },
  ];

  it('orders topics as the taxonomy does and teams by name with unassigned agents last', () => {
    const grid = coverageGrid(rows, ['licensing', 'data-import']);
    expect(grid.topics).toEqual([
      { topic: 'licensing', name: 'Licensing' },
      { topic: 'data-import', name: 'Data import' },
    ]);
    expect(grid.teams).toEqual(['Billing', 'Install', 'unassigned']);
  });

  it('finds each cell and leaves a missing team × topic undefined', () => {
    const grid = coverageGrid(rows);
    expect(grid.cell('licensing', 'Billing')).toEqual({ agents: 4, trainedAgents: 3, coverage: 0.75 });
    expect(grid.cell('data-import', 'Billing')).toBeUndefined();
  });
});

describe('chooseUiLang', () => {
  it('prefers ui= in the address, then the stored choice, then the browser', () => {
    expect(chooseUiLang('?ui=zh-CN&lang=en', 'en', ['en-US'])).toBe('zh-CN');
    expect(chooseUiLang('?lang=en', 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(chooseUiLang('', null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(chooseUiLang('?ui=fr', 'de', ['fr-FR'])).toBe('en');
  });
});

describe('drill-down links of a dashboard table', () => {
  const ctx = (interval: 'day' | 'week' | 'month') =>
    ({ filters: { from: '2026-11-03', to: '2026-11-20', lang: 'zh-CN', topic: undefined, interval } }) as unknown as RenderContext;

  it('cover the days of a series point, within the view', () => {
    expect(periodRange(ctx('day'), '2026-11-05')).toEqual({ from: '2026-11-05', to: '2026-11-05' });
    expect(periodRange(ctx('week'), '2026-11-02')).toEqual({ from: '2026-11-03', to: '2026-11-08' });
    expect(periodRange(ctx('month'), '2026-11-01')).toEqual({ from: '2026-11-03', to: '2026-11-20' });
    expect(
      periodRange({ filters: { from: '2026-01-01', to: '2026-12-31', interval: 'month' } } as unknown as RenderContext, '2026-02-01'),
    ).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('link a count to the ticket list with the view’s filters and the row’s, and a "—" nowhere', () => {
    expect(ticketsCell(ctx('day'), '12', { topic: 'billing', status: 'escalated' })).toEqual({
      text: '12',
      href: '/staff/tickets/?from=2026-11-03&to=2026-11-20&tz=Asia%2FShanghai&topic=billing&lang=zh-CN&status=escalated',
    });
    expect(ticketsCell(ctx('day'), '—', { topic: 'billing' })).toBe('—');
  });
});

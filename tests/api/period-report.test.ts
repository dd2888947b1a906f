/**
 * GET /api/metrics/period-report (issue 18): the month or quarter's dates, figures equal to the
 * registry's metrics for the same period, the volume trend and the topics that grew most
 * (hand-computed), recommendations drawn from the figures, and who may read it.
 */
import { describe, expect, it } from 'vitest';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { insertToken } from '../../api/db/queries/tokens.ts';
import { hashToken, newToken } from '../../api/lib/middleware/auth.ts';
import { earlierPeriod, parseReportPeriod } from '../../api/metrics/period-report.ts';
import type { PeriodReport } from '../../core/contracts/period-report.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { METRIC_NOW } from '../support/metrics.ts';

const H = 3_600_000;
const ticket = (id: string, createdAt: string, topic: string, extra: Partial<TicketInput> = {}): TicketInput => ({
  id,
  source: 'api',
  subject: `ticket ${id}`,
  topic,
  priority: 'normal',
  status: 'solved',
  createdAt,
  resolvedAt: new Date(Date.parse(createdAt) + 10 * H).toISOString(),
  ...extra,
});

/** October: 2 billing. November: 5 billing (N1 escalated), 1 install (N6, open, created 11-03: judged). */
const tickets = [
  ticket('O1', '2026-10-05T00:00:00.000Z', 'billing'),
  ticket('O2', '2026-10-06T00:00:00.000Z', 'billing'),
  ticket('N1', '2026-11-02T00:00:00.000Z', 'billing', { escalated: true, tier: 2 }),
  ticket('N2', '2026-11-03T00:00:00.000Z', 'billing'),
  ticket('N3', '2026-11-04T00:00:00.000Z', 'billing'),
  ticket('N4', '2026-11-05T00:00:00.000Z', 'billing'),
  ticket('N5', '2026-11-06T00:00:00.000Z', 'billing'),
  { ...ticket('N6', '2026-11-03T00:00:00.000Z', 'install'), status: 'open', resolvedAt: undefined },
];

async function setup() {
  const made = await testApp({ now: () => METRIC_NOW });
  await upsertTickets(
    made.db,
    tickets.map((t) => ticketSchema.parse(t)),
  );
  const get = (path: string, token = ADMIN_TOKEN) => made.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { ...made, get };
}

describe('report periods', () => {
  it('read a month or a quarter, and step back across a year', () => {
    expect(parseReportPeriod('2026-11')).toEqual({ period: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(parseReportPeriod('2024-02').to).toBe('2024-02-29');
    expect(parseReportPeriod('2026-Q4')).toEqual({ period: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(earlierPeriod(parseReportPeriod('2026-01')).period).toBe('2025-12');
    expect(earlierPeriod(parseReportPeriod('2026-Q1')).period).toBe('2025-Q4');
    expect(earlierPeriod(parseReportPeriod('2026-11'), 5).period).toBe('2026-06');
  });
});

describe('GET /api/metrics/period-report', () => {
  it('gives the figures of the registry for the month, with the previous month beside them', async () => {
    const { get } = await setup();
    const res = await get('/api/metrics/period-report?period=2026-11&tz=UTC');
    expect(res.status).toBe(200);
    const report = (await res.json()) as PeriodReport;
    expect(report).toMatchObject({ period: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30', tz: 'UTC', demo: null });
    expect(report.previous).toEqual({ period: '2026-10', from: '2026-10-01', to: '2026-10-31' });
    // 6 tickets in November, 2 in October; 5 of 6 resolved (N6 is 24 days old at now: judged).
    expect(report.figures.tickets).toMatchObject({ value: 6, previous: 2 });
    expect(report.figures.resolutionRate.value).toBeCloseTo(5 / 6, 10);
    expect(report.figures.resolutionRate.previous).toBe(1);
    expect(report.figures.escalated).toMatchObject({ value: 1, previous: 0 });
    expect(report.figures.medianResolutionHours).toMatchObject({ value: 10, previous: 10 });
    // Each figure is the registry's: the same as GET /api/metrics/<id> for the same dates.
    const metric = (await (await get('/api/metrics/escalation-rate?from=2026-11-01&to=2026-11-30&tz=UTC')).json()) as { value: number };
    expect(report.figures.escalationRate.value).toBe(metric.value);
    expect(report.figures.escalationRate.href).toBe('/staff/tickets/?from=2026-11-01&to=2026-11-30&tz=UTC&status=escalated');
    // Volume: June to November.
    expect(report.volume.map((v) => [v.period, v.tickets])).toEqual([
      ['2026-06', 0],
      ['2026-07', 0],
      ['2026-08', 0],
      ['2026-09', 0],
      ['2026-10', 2],
      ['2026-11', 6],
    ]);
    // Grew most: billing 2 → 5 (+3), install 0 → 1 (+1).
    expect(report.growth.map((g) => [g.topic, g.tickets, g.previous, g.change])).toEqual([
      ['billing', 5, 2, 3],
      ['install', 1, 0, 1],
    ]);
    expect(report.escalationsByTopic.map((e) => [e.topic, e.escalated, e.tickets])).toEqual([['billing', 1, 5]]);
    expect(report.slaByPriority.map((s) => s.priority)).toEqual(['low', 'normal', 'high', 'urgent']);
    // Content gaps: no article covers billing or install in the sample catalog → recommendations name them.
    expect(report.recommendations.filter((r) => r.kind === 'content-gap').map((r) => r.text.en)).toEqual([
      'Write an article for “billing”: 5 tickets this period and no published article.',
      'Write an article for “install”: 1 ticket this period and no published article.',
    ]);
  });

  it('links every count to the list of what it counts, whose total is the count (drill-down)', async () => {
    const { get } = await setup();
    const report = (await (await get('/api/metrics/period-report?period=2026-11&tz=UTC')).json()) as PeriodReport;
    const totalBehind = async (href: string) => {
      const api = href.replace(/^\/staff\/tickets\/\?/, '/api/tickets?').replace(/^\/staff\/articles\/\?/, '/api/staff/articles?');
      expect(api, href).toMatch(/^\/api\/(tickets|staff\/articles)\?/);
      const res = await get(api);
      expect(res.status, api).toBe(200);
      return ((await res.json()) as { total: number }).total;
    };
    const f = report.figures;
    for (const key of [
      'tickets',
      'escalated',
      'csatResponses',
      'resolutionTooRecent',
      'known',
      'new',
      'articlesCreated',
      'articlesUpdated',
      'overdueReviews',
    ] as const)
      expect(await totalBehind(f[key].href), key).toBe(f[key].value);
    for (const v of report.volume) expect(await totalBehind(v.href), v.period).toBe(v.tickets);
    for (const g of report.growth) expect(await totalBehind(g.href), g.topic).toBe(g.tickets);
    for (const e of report.escalationsByTopic) expect(await totalBehind(e.href), e.topic).toBe(e.escalated);
    for (const sla of report.slaByPriority) expect(await totalBehind(sla.href), sla.priority).toBe(sla.tickets - sla.met);
    expect(report.slaByPriority.find((x) => x.priority === 'high')!.href).toBe(
      '/staff/tickets/?from=2026-11-01&to=2026-11-30&tz=UTC&priority=high&status=sla-breached',
    );
    expect(report.growth[0]!.href).toBe('/staff/tickets/?from=2026-11-01&to=2026-11-30&tz=UTC&topic=billing');
    expect(f.articlesCreated.href).toBe('/staff/articles/?from=2026-11-01&to=2026-11-30&tz=UTC&state=created');
  });

  it('covers a quarter', async () => {
    const { get } = await setup();
    const report = (await (await get('/api/metrics/period-report?period=2026-Q4&tz=UTC')).json()) as PeriodReport;
    expect(report).toMatchObject({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31', previous: { period: '2026-Q3' } });
    expect(report.figures.tickets.value).toBe(8);
  });

  it('refuses a period that is neither a month nor a quarter, and readers below manager', async () => {
    const { get, db } = await setup();
    const bad = await get('/api/metrics/period-report?period=2026-13');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]!.field).toBe('period');
    const agent = newToken();
    await insertToken(db, 'ann', 'agent', hashToken(agent), METRIC_NOW);
    expect((await get('/api/metrics/period-report?period=2026-11', agent)).status).toBe(403);
    const manager = newToken();
    await insertToken(db, 'mia', 'manager', hashToken(manager), METRIC_NOW);
    expect((await get('/api/metrics/period-report?period=2026-11', manager)).status).toBe(200);
  });
});

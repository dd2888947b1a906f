/** Support KPIs on a small hand-made ticket fixture (expected values computed in the comments). */
import { describe, expect, it } from 'vitest';
import { Migrator, type Kysely } from 'kysely';
import { migrate } from '../../api/db/index.ts';
import { migrations } from '../../api/db/migrations/index.ts';
import { querySliced, timeSlices } from '../../api/db/queries/metrics-slices.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import type { MetricEnv, MetricSettings } from '../../api/metrics/types.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { freshDatabase, migratedDatabase, testDialect } from '../support/database.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const NOW = METRIC_NOW;
const H = 3_600_000;
const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * H).toISOString();

function ticket(id: string, createdAt: string, fields: Partial<TicketInput> & { fr?: number; res?: number; closed?: number }): TicketInput {
  const { fr, res, closed, ...rest } = fields;
  return {
    id,
    source: 'zendesk',
    subject: `Ticket ${id}`,
    priority: 'normal',
    status: res !== undefined || closed !== undefined ? 'solved' : 'open',
    createdAt,
    ...(fr !== undefined ? { firstResponseAt: at(createdAt, fr) } : {}),
    ...(res !== undefined ? { resolvedAt: at(createdAt, res) } : {}),
    ...(closed !== undefined ? { closedAt: at(createdAt, closed) } : {}),
    ...rest,
  };
}

/**
 * Period 2026-11-01..02 (UTC), default targets (normal 8 h / 48 h, high 4/24, urgent 1/4, low 24/120):
 * T1 normal accounts en: response 1 h, resolved 10 h, CSAT 5, slaMet true          → met (helpdesk)
 * T2 normal accounts:    response 3 h, no resolvedAt but closed 20 h, CSAT 4      → met (3 ≤ 8, 20 ≤ 48)
 * T3 high reports en:    response 5 h, resolved 6 h, escalated, reopened 1, CSAT 2 → missed (5 > 4)
 * T4 urgent reports:     response 0.5 h, unresolved 25 days later                 → missed (older than 4 h)
 * T5 low, no topic:      nothing, slaMet false                                    → missed (helpdesk)
 * T6 high accounts:      response 2 h, resolved 30 h, reopened 2, slaMet true     → met (helpdesk beats 30 > 24)
 * T0 created 10-31T23:59:59Z: outside the period.
 */
const fixture: TicketInput[] = [
  ticket('T1', '2026-11-01T00:00:00Z', { topic: 'accounts', lang: 'en', fr: 1, res: 10, csat: 5, slaMet: true }),
  ticket('T2', '2026-11-01T01:00:00Z', { topic: 'accounts', lang: 'zh-CN', fr: 3, closed: 20, csat: 4 }),
  ticket('T3', '2026-11-01T02:00:00Z', {
    topic: 'reports',
    lang: 'en',
    priority: 'high',
    fr: 5,
    res: 6,
    escalated: true,
    tier: 2,
    reopened: 1,
    csat: 2,
  }),
  ticket('T4', '2026-11-02T00:00:00Z', { topic: 'reports', lang: 'zh-CN', priority: 'urgent', fr: 0.5 }),
  ticket('T5', '2026-11-02T10:00:00Z', { priority: 'low', lang: 'zh-CN', slaMet: false }),
  ticket('T6', '2026-11-02T12:00:00Z', { topic: 'accounts', lang: 'zh-CN', priority: 'high', fr: 2, res: 30, reopened: 2, slaMet: true }),
  ticket('T0', '2026-10-31T23:59:59Z', { topic: 'accounts', lang: 'en', fr: 100, res: 100, escalated: true, csat: 1 }),
];

async function setup(tickets: TicketInput[] = fixture, metricSettings: Partial<MetricSettings> = {}) {
  const { db } = await migratedDatabase();
  await upsertTickets(
    db,
    tickets.map((t) => ticketSchema.parse(t)),
  );
  // Every ticket judged (no "too recent" window) unless a test says otherwise: the like-for-like
  // rule has its own tests (tests/api/metrics-like-for-like.test.ts).
  const env = metricTestEnv(db, { metricSettings: { maturityDays: 0, ...metricSettings } });
  return { db, env };
}

const PERIOD = { from: '2026-11-01', to: '2026-11-02', tz: 'UTC' };
/** Computes metric `id` over this file's period unless `raw` says otherwise. */
const compute = (env: MetricEnv, id: string, raw: Record<string, string> = {}) => computeMetric(env, id, { ...PERIOD, ...raw }, NOW);
const row = (rows: unknown[] | undefined, dimension: string, key: string) =>
  (rows as Array<Record<string, unknown>>).find((r) => r.dimension === dimension && r.key === key);

describe('resolution-rate', () => {
  it('counts tickets resolved by resolvedAt or, lacking it, closedAt', async () => {
    const { env } = await setup();
    const result = await compute(env, 'resolution-rate');
    // resolved: T1, T2 (closed), T3, T6 = 4 of 6
    expect(result.value).toBeCloseTo(4 / 6, 10);
    expect(result.parts).toMatchObject({ tickets: 6, resolved: 4 });
    // every priority is a row, in order, even without tickets; then topics
    expect(result.rows!.slice(0, 4)).toMatchObject([
      { dimension: 'priority', key: 'low', tickets: 1, resolved: 0, value: 0 },
      { dimension: 'priority', key: 'normal', tickets: 2, resolved: 2, value: 1 },
      { dimension: 'priority', key: 'high', tickets: 2, resolved: 2, value: 1 },
      { dimension: 'priority', key: 'urgent', tickets: 1, resolved: 0, value: 0 },
    ]);
    // accounts: T1, T2, T6 all resolved; reports: T3 of T3, T4; (none): T5 unresolved
    expect(row(result.rows, 'topic', 'accounts')).toMatchObject({ dimension: 'topic', key: 'accounts', tickets: 3, resolved: 3, value: 1 });
    expect(row(result.rows, 'topic', 'reports')).toMatchObject({ dimension: 'topic', key: 'reports', tickets: 2, resolved: 1, value: 0.5 });
    expect(row(result.rows, 'topic', '(none)')).toMatchObject({ dimension: 'topic', key: '(none)', tickets: 1, resolved: 0, value: 0 });
  });

  it('restricts tickets to the topic and lang filters', async () => {
    const { env } = await setup();
    const reports = await compute(env, 'resolution-rate', { topic: 'reports' });
    expect(reports.parts).toMatchObject({ tickets: 2, resolved: 1 }); // T3, T4
    const en = await compute(env, 'resolution-rate', { lang: 'en' });
    expect(en.parts).toMatchObject({ tickets: 2, resolved: 2 }); // T1, T3 (T0 is outside the period)
  });

  it('is null with zero rows for an empty period', async () => {
    const { env } = await setup();
    const result = await compute(env, 'resolution-rate', { from: '2026-09-01', to: '2026-09-30' });
    expect(result.value).toBeNull();
    expect(result.rows).toMatchObject(
      ['low', 'normal', 'high', 'urgent'].map((key) => ({ dimension: 'priority', key, tickets: 0, resolved: 0, value: null })),
    );
  });

  it('selects tickets by local creation day', async () => {
    const { env } = await setup();
    // In Asia/Shanghai 11-01 runs 10-31T16:00Z–11-01T16:00Z: T0, T1, T2, T3 → resolved all 4
    const result = await compute(env, 'resolution-rate', { from: '2026-11-01', to: '2026-11-01', tz: 'Asia/Shanghai' });
    expect(result.parts).toMatchObject({ tickets: 4, resolved: 4 });
  });
});

describe('long periods', () => {
  it('are queried in contiguous slices that cover the period exactly', () => {
    const slices = timeSlices({ start: '2026-10-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' });
    // 61 days in slices of at most 3 days → ⌈61 ÷ 3⌉ = 21 slices
    expect(slices).toHaveLength(21);
    expect(slices[0]!.start).toBe('2026-10-01T00:00:00.000Z');
    expect(slices[20]!.end).toBe('2026-12-01T00:00:00.000Z');
    for (let i = 1; i < slices.length; i++) expect(slices[i]!.start).toBe(slices[i - 1]!.end);
    // two years: at most 64 slices
    expect(timeSlices({ start: '2025-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' })).toHaveLength(64);
  });

  it('are one query on PostgreSQL, where no query holds the event loop, and slices on SQLite', async () => {
    const { db } = await freshDatabase();
    const range = { start: '2026-10-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' };
    const asked: Array<{ start: string; end: string }> = [];
    const rows = await querySliced(range, async (slice) => (asked.push(slice), [slice.start]), db);
    expect(asked).toEqual(testDialect === 'postgres' ? [range] : timeSlices(range));
    expect(rows).toEqual(asked.map((s) => s.start));
  });

  it('count every ticket once across slices', async () => {
    const { env } = await setup();
    const result = await compute(env, 'resolution-rate', { from: '2026-10-01', to: '2026-11-30' });
    // T0–T6: 7 tickets; resolved T0, T1, T2, T3, T6 = 5
    expect(result.parts).toMatchObject({ tickets: 7, resolved: 5, tooRecent: 0 });
    const times = await compute(env, 'resolution-time', { from: '2026-10-01', to: '2026-11-30' });
    // [6, 10, 20, 30, 100]: median 20
    expect(times.value).toBe(20);
  });
});

describe('first-response-time and resolution-time', () => {
  it('gives the median and p90 hours to first response', async () => {
    const { env } = await setup();
    const result = await compute(env, 'first-response-time');
    // [0.5, 1, 2, 3, 5]: median 2; p90: h = 4 × 0.9 = 3.6 → 3 + 0.6 × (5 − 3) = 4.2
    expect(result.value).toBe(2);
    expect(result.parts!.tickets).toBe(5);
    expect(result.parts!.p90).toBeCloseTo(4.2, 10);
    // normal [1, 3]: median 2 (even count: mean of the middle two), p90 = 1 + 0.9 × 2 = 2.8
    expect(row(result.rows, 'priority', 'normal')).toMatchObject({ tickets: 2, median: 2 });
    expect(row(result.rows, 'priority', 'normal')!.p90).toBeCloseTo(2.8, 10);
    // high [2, 5]: median 3.5, p90 = 2 + 0.9 × 3 = 4.7
    expect(row(result.rows, 'priority', 'high')!.median).toBe(3.5);
    expect(row(result.rows, 'priority', 'high')!.p90).toBeCloseTo(4.7, 10);
    expect(row(result.rows, 'priority', 'low')).toEqual({ dimension: 'priority', key: 'low', tickets: 0, median: null, p90: null });
  });

  it('gives the median and p90 hours to resolution, closedAt standing in for resolvedAt', async () => {
    const { env } = await setup();
    const result = await compute(env, 'resolution-time');
    // [6 (T3), 10 (T1), 20 (T2 closed), 30 (T6)]: median (10 + 20) / 2 = 15; p90: h = 2.7 → 20 + 0.7 × 10 = 27
    expect(result.value).toBe(15);
    expect(result.parts!.tickets).toBe(4);
    expect(result.parts!.p90).toBeCloseTo(27, 10);
    // accounts [10, 20, 30]: median 20
    expect(row(result.rows, 'topic', 'accounts')!.median).toBe(20);
  });

  it('is null for an empty period', async () => {
    const { env } = await setup();
    const result = await compute(env, 'resolution-time', { from: '2026-09-01', to: '2026-09-01' });
    expect(result.value).toBeNull();
    expect(result.parts).toEqual({ tickets: 0, median: null, p90: null });
  });
});

describe('sla-attainment', () => {
  it('takes the helpdesk slaMet where recorded, else the targets', async () => {
    const { env } = await setup();
    const result = await compute(env, 'sla-attainment');
    // met T1, T2, T6; missed T3, T4, T5 → 3 ÷ 6
    expect(result.value).toBe(0.5);
    expect(result.parts).toEqual({ tickets: 6, met: 3, missed: 3 });
    expect(row(result.rows, 'priority', 'high')).toEqual({
      dimension: 'priority',
      key: 'high',
      tickets: 2,
      met: 1,
      value: 0.5,
      targetFirstResponseHours: 4,
      targetResolutionHours: 24,
    });
    expect(row(result.rows, 'priority', 'urgent')).toMatchObject({
      tickets: 1,
      met: 0,
      value: 0,
      targetFirstResponseHours: 1,
      targetResolutionHours: 4,
    });
    expect(row(result.rows, 'topic', 'accounts')).toEqual({
      dimension: 'topic',
      key: 'accounts',
      tickets: 3,
      met: 3,
      value: 1,
      targetFirstResponseHours: null,
      targetResolutionHours: null,
    });
  });

  it('uses the configured targets', async () => {
    const { env } = await setup(fixture, {
      slaTargets: {
        low: { firstResponseHours: 24, resolutionHours: 120 },
        normal: { firstResponseHours: 2, resolutionHours: 48 },
        high: { firstResponseHours: 4, resolutionHours: 24 },
        urgent: { firstResponseHours: 1, resolutionHours: 4 },
      },
    });
    const result = await compute(env, 'sla-attainment');
    // T2 answered after 3 h > 2 h now misses: met T1, T6 → 2 ÷ 6
    expect(result.parts).toEqual({ tickets: 6, met: 2, missed: 4 });
  });

  it('leaves unresolved tickets within their targets out, and counts overdue ones as missed', async () => {
    // now = 11-27T10:00Z. Normal targets 8 h / 48 h.
    const { env } = await setup([
      ticket('A', '2026-11-27T09:00:00Z', { fr: 0.5 }), // 1 h old, answered in time → not known yet
      ticket('B', '2026-11-27T01:00:00Z', {}), // 9 h old, no response > 8 h → missed
      ticket('C', '2026-11-24T09:00:00Z', { fr: 1 }), // 73 h old, unresolved > 48 h → missed
      ticket('D', '2026-11-27T08:00:00Z', { fr: 1, res: 1.5 }), // resolved in time → met
    ]);
    const result = await compute(env, 'sla-attainment', { from: '2026-11-24', to: '2026-11-27' });
    expect(result.parts).toEqual({ tickets: 3, met: 1, missed: 2 });
    expect(result.value).toBeCloseTo(1 / 3, 10);
  });
});

describe('escalation-rate, reopen-rate, csat', () => {
  it('gives escalated ÷ tickets', async () => {
    const { env } = await setup();
    const result = await compute(env, 'escalation-rate');
    // T3 of 6
    expect(result.value).toBeCloseTo(1 / 6, 10);
    expect(result.parts).toEqual({ tickets: 6, escalated: 1 });
    expect(row(result.rows, 'topic', 'reports')).toEqual({ dimension: 'topic', key: 'reports', tickets: 2, escalated: 1, value: 0.5 });
  });

  it('gives resolved tickets reopened at least once ÷ resolved tickets', async () => {
    const { env } = await setup();
    const result = await compute(env, 'reopen-rate');
    // T3 and T6 of the resolved T1, T2, T3, T6 → 2 ÷ 4
    expect(result.value).toBe(0.5);
    expect(result.parts).toEqual({ resolved: 4, reopened: 2, judged: 4, tooRecent: 0 });
  });

  it('gives the mean rating and the share of 4–5', async () => {
    const { env } = await setup();
    const result = await compute(env, 'csat');
    // ratings 5, 4, 2: mean 11 ÷ 3; satisfied 2 ÷ 3
    expect(result.value).toBeCloseTo(11 / 3, 10);
    expect(result.parts!.responses).toBe(3);
    expect(result.parts!.satisfiedShare).toBeCloseTo(2 / 3, 10);
    expect(row(result.rows, 'priority', 'high')).toMatchObject({
      dimension: 'priority',
      key: 'high',
      responses: 1,
      mean: 2,
      satisfiedShare: 0,
    });
    expect(row(result.rows, 'priority', 'urgent')).toEqual({
      dimension: 'priority',
      key: 'urgent',
      responses: 0,
      mean: null,
      satisfiedShare: null,
      responseRate: null, // T4, the one urgent ticket, is unresolved
      tooRecent: 0,
    });
  });
});

describe('migration 0006', () => {
  it('backfills the durations of tickets stored before it', async () => {
    const { db } = await freshDatabase({ migrated: false });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('0005_metric_rollups');
    expect(before.error).toBeUndefined();
    const base = {
      source: 'csv',
      subject: 's',
      priority: 'normal',
      status: 'solved',
      tier: 1,
      escalated: 0,
      updated_at: NOW.toISOString(),
    };
    // resolved: 90 minutes = 5,400 s, answered after 10 minutes = 600 s; closed only: 2 h = 7,200 s; open: nothing
    const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>; // the tables as they were before 0006
    await old
      .insertInto('tickets')
      .values([
        {
          ...base,
          id: 'a',
          created_at: '2026-11-01T00:00:00.000Z',
          first_response_at: '2026-11-01T00:10:00.000Z',
          resolved_at: '2026-11-01T01:30:00.000Z',
          closed_at: '2026-11-02T00:00:00.000Z',
        },
        { ...base, id: 'b', created_at: '2026-11-01T00:00:00.000Z', closed_at: '2026-11-01T02:00:00.000Z' },
        { ...base, id: 'c', created_at: '2026-11-01T00:00:00.000Z', status: 'open' },
      ])
      .execute();
    await migrate(db);
    const rows = await db.selectFrom('tickets').select(['id', 'first_response_seconds', 'resolution_seconds']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a', first_response_seconds: 600, resolution_seconds: 5400 },
      { id: 'b', first_response_seconds: null, resolution_seconds: 7200 },
      { id: 'c', first_response_seconds: null, resolution_seconds: null },
    ]);
  });
});

describe('through the API', () => {
  it('serves sla-attainment with its rows, as JSON and CSV', async () => {
    const t = await testApp({ now: () => NOW });
    await upsertTickets(
      t.db,
      fixture.map((f) => ticketSchema.parse(f)),
    );
    const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    const res = await t.app.request('/api/metrics/sla-attainment?from=2026-11-01&to=2026-11-02&tz=UTC', auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { metric: string; value: number; parts: Record<string, number>; rows: unknown[] };
    // the same 3 met of 6 as computed above
    expect(body).toMatchObject({ metric: 'sla-attainment', value: 0.5, parts: { tickets: 6, met: 3, missed: 3 } });
    const csv = await t.app.request('/api/metrics/sla-attainment?from=2026-11-01&to=2026-11-02&tz=UTC&format=csv', auth);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('dimension,key,tickets,met,value,targetFirstResponseHours,targetResolutionHours');
    // 4 priorities + 3 topics
    expect(lines).toHaveLength(1 + 7);
  });
});

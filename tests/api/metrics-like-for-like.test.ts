/**
 * Like-for-like periods (docs/design.md §4): the resolution, reopen and CSAT response rates
 * leave out tickets that are too recent to judge, in the period and in the previous period it
 * is compared with; and the summary says when its figures come from demo data. Two 14-day
 * periods on either side of 2026-11-13 (UTC), computed at METRIC_NOW (2026-11-27T10:00Z),
 * W = 7 days (the default). Expected values are computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { markDemoSeed } from '../../api/db/queries/demo-marker.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';
import { migratedDatabase } from '../support/database.ts';

const H = 3_600_000;
function ticket(id: string, createdAt: string, resolvedAfterHours: number | null, extra: Partial<TicketInput> = {}): TicketInput {
  return {
    id,
    source: 'api',
    subject: `ticket ${id}`,
    priority: 'normal',
    status: resolvedAfterHours === null ? 'open' : 'solved',
    createdAt,
    ...(resolvedAfterHours === null ? {} : { resolvedAt: new Date(Date.parse(createdAt) + resolvedAfterHours * H).toISOString() }),
    ...extra,
  };
}

/**
 * Current period 11-13..11-26: its end is 11-27T00:00Z (before now), so unresolved tickets
 * created from 11-20T00:00Z on are too recent. Tickets resolved from now − 7 d = 11-20T10:00Z
 * on are too recent for a reopen or a survey answer.
 *   C1 11-14 resolved after 10 h (11-14T10:00), CSAT 4          judged, resolved
 *   C2 11-15 unresolved                                           judged, unresolved
 *   C3 11-19T23:59:59 unresolved                                  judged (one second before the cut)
 *   C4 11-20T00:00 unresolved                                     too recent
 *   C5 11-25 resolved after 2 h (11-25T02:00), reopened, CSAT 5   resolved (counts however young); recent for reopen/CSAT
 *   C6 11-26 unresolved                                           too recent
 *   → resolution rate 2 ÷ (6 − 2) = 0.5 (counting every ticket it would read 2 ÷ 6)
 * Previous period 10-30..11-12: its end is 11-13T00:00Z, the cut 11-06T00:00Z.
 *   P1 10-31 resolved after 100 h · P2 11-01 resolved after 5 h · P3 11-03 unresolved (judged)
 *   P4 11-08 unresolved (too recent at its period's end) · P5 11-12 resolved after 300 h (11-24T12:00)
 *   → 3 ÷ (5 − 1) = 0.75
 */
const tickets = [
  ticket('C1', '2026-11-14T00:00:00.000Z', 10, { csat: 4 }),
  ticket('C2', '2026-11-15T00:00:00.000Z', null),
  ticket('C3', '2026-11-19T23:59:59.000Z', null),
  ticket('C4', '2026-11-20T00:00:00.000Z', null),
  ticket('C5', '2026-11-25T00:00:00.000Z', 2, { reopened: 1, csat: 5 }),
  ticket('C6', '2026-11-26T00:00:00.000Z', null),
  ticket('P1', '2026-10-31T00:00:00.000Z', 100),
  ticket('P2', '2026-11-01T00:00:00.000Z', 5),
  ticket('P3', '2026-11-03T00:00:00.000Z', null),
  ticket('P4', '2026-11-08T00:00:00.000Z', null),
  ticket('P5', '2026-11-12T00:00:00.000Z', 300),
];
const CURRENT = { from: '2026-11-13', to: '2026-11-26', tz: 'UTC' };
const PREVIOUS = { from: '2026-10-30', to: '2026-11-12', tz: 'UTC' };

async function setup(maturityDays?: number) {
  const { db } = await migratedDatabase();
  await upsertTickets(
    db,
    tickets.map((t) => ticketSchema.parse(t)),
  );
  return metricTestEnv(db, { metricSettings: maturityDays === undefined ? {} : { maturityDays } });
}

describe('the resolution rate across a period boundary', () => {
  it('leaves young unresolved tickets out of the current period and shows them apart', async () => {
    const env = await setup();
    const r = await computeMetric(env, 'resolution-rate', CURRENT, METRIC_NOW);
    expect(r.parts).toEqual({ tickets: 6, resolved: 2, judged: 4, tooRecent: 2 });
    expect(r.value).toBe(0.5);
  });

  it('judges the previous period by the same rule, at its own end', async () => {
    const env = await setup();
    const r = await computeMetric(env, 'resolution-rate', PREVIOUS, METRIC_NOW);
    expect(r.parts).toEqual({ tickets: 5, resolved: 3, judged: 4, tooRecent: 1 });
    expect(r.value).toBe(0.75);
  });

  it('judges every ticket with a window of 0 days', async () => {
    const env = await setup(0);
    const r = await computeMetric(env, 'resolution-rate', CURRENT, METRIC_NOW);
    expect(r.parts).toEqual({ tickets: 6, resolved: 2, judged: 6, tooRecent: 0 });
    expect(r.value).toBeCloseTo(2 / 6, 10);
  });

  it('reads the age at now for a period that has not ended', async () => {
    const env = await setup();
    // 11-13..11-30 ends after now (11-27T10:00Z): the cut is 11-20T10:00Z, so C4 (11-20T00:00) is judged: 2 ÷ (6 − 1).
    const r = await computeMetric(env, 'resolution-rate', { ...CURRENT, to: '2026-11-30' }, METRIC_NOW);
    expect(r.parts).toEqual({ tickets: 6, resolved: 2, judged: 5, tooRecent: 1 });
    expect(r.value).toBe(0.4);
  });
});

describe('the reopen and CSAT response rates', () => {
  it('leave out tickets resolved under W days ago', async () => {
    const env = await setup();
    // Resolved: C1 (11-14T10:00, judged), C5 (11-25T02:00, after the cut 11-20T10:00: too recent, reopened).
    const reopen = await computeMetric(env, 'reopen-rate', CURRENT, METRIC_NOW);
    expect(reopen.parts).toEqual({ resolved: 2, reopened: 1, judged: 1, tooRecent: 1 });
    expect(reopen.value).toBe(0); // C1 was not reopened
    // CSAT: ratings 4 and 5 → mean 4.5; response rate over judged resolved tickets: C1 rated → 1 ÷ 1.
    const csat = await computeMetric(env, 'csat', CURRENT, METRIC_NOW);
    expect(csat.value).toBe(4.5);
    expect(csat.parts).toMatchObject({ responses: 2, responseRate: 1, tooRecent: 1 });
  });
});

describe('GET /api/metrics/summary', () => {
  const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };

  it('compares like with like and says how many tickets are too recent to judge', async () => {
    const { app, db } = await testApp({ now: () => METRIC_NOW });
    await upsertTickets(
      db,
      tickets.map((t) => ticketSchema.parse(t)),
    );
    const res = await app.request('/api/metrics/summary?from=2026-11-13&to=2026-11-26&tz=UTC', auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { previous: Record<string, unknown> };
    expect(body).toMatchObject({ resolutionRate: 0.5, resolutionTooRecent: 2, demo: null });
    expect(body.previous).toMatchObject({ from: '2026-10-30', to: '2026-11-12', resolutionRate: 0.75, resolutionTooRecent: 1 });
  });

  it('carries the demo seed marker, for the banner', async () => {
    const { app, db } = await testApp({ now: () => METRIC_NOW });
    const marker = { seededAt: '2026-11-27T09:00:00.000Z', from: '2026-08-29T09:00:00.000Z', to: '2026-11-27T09:00:00.000Z' };
    await markDemoSeed(db, marker);
    const res = await app.request('/api/metrics/summary?from=2026-11-13&to=2026-11-26&tz=UTC', auth);
    expect(((await res.json()) as { demo: unknown }).demo).toEqual(marker);
  });
});

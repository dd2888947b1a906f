/**
 * Self-service score and contact-form deflection on a small fixture, each expectation worked
 * out by hand below. Report period: 2026-11-02..03 in Asia/Shanghai (UTC+8), i.e. the UTC
 * instants 2026-11-01T16:00:00Z <= t < 2026-11-03T16:00:00Z.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertEvents, type EventRow } from '../../api/db/queries/events.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { catchUpRollups } from '../../api/db/queries/rollups.ts';
import type { Ticket } from '../../core/tickets/ticket.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, metricTestEnv } from '../support/metrics.ts';

let db: Db;
const compute = (id: string, raw: Record<string, string>) => computeMetric(metricTestEnv(db), id, raw);
const PERIOD = { from: '2026-11-02', to: '2026-11-03', tz: 'Asia/Shanghai' };

const event = (session: string, type: string, at: string, lang: string | null, extra: Partial<EventRow> = {}): EventRow => ({
  type,
  visitor: `v-${session}`,
  session,
  created_at: at,
  lang,
  ...extra,
});
const ticket = (id: string, createdAt: string, requester: string | undefined, lang: 'en' | 'zh-CN', topic: string): Ticket => ({
  id,
  source: 'zendesk',
  subject: `Ticket ${id}`,
  priority: 'normal',
  status: 'open',
  tier: 1,
  escalated: false,
  createdAt,
  requester,
  lang,
  topic,
});

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await insertEvents(db, [
    // A: first event 15:59:59Z = 23:59:59 on 11-01 local (outside); contact at 16:00Z (11-02), solved: explicit.
    event('A', 'page_view', '2026-11-01T15:59:59.000Z', 'en', { article: 'en/reset-password' }),
    event('A', 'contact_view', '2026-11-01T16:00:00.000Z', 'zh-CN'),
    event('A', 'contact_solved', '2026-11-01T16:01:00.000Z', 'zh-CN', { article: 'en/reset-password' }),
    // B: first event exactly at local midnight 11-02; saw a suggestion, left: implicit.
    event('B', 'page_view', '2026-11-01T16:00:00.000Z', 'en', { article: 'en/reset-password' }),
    event('B', 'contact_view', '2026-11-01T16:05:00.000Z', 'en'),
    event('B', 'suggestion_shown', '2026-11-01T16:06:00.000Z', 'en', {
      query: 'vpn',
      query_norm: 'vpn',
      articles: '["en/reset-password"]',
    }),
    // C: 11-02 11:00 local, zh-CN; suggestion, then submitted: submitted.
    event('C', 'contact_view', '2026-11-02T03:00:00.000Z', 'zh-CN'),
    event('C', 'suggestion_shown', '2026-11-02T03:01:00.000Z', 'zh-CN', {
      query: '打印机',
      query_norm: '打印机',
      articles: '["zh-CN/reset-password"]',
    }),
    event('C', 'contact_submitted', '2026-11-02T03:02:00.000Z', 'zh-CN'),
    // D: 11-03 01:00 local, zh-CN; contact form only: counts in the denominator only.
    event('D', 'contact_view', '2026-11-02T17:00:00.000Z', 'zh-CN'),
    // E: 11-03 18:00 local, en; solved and submitted anyway: submitted, not explicit.
    event('E', 'contact_view', '2026-11-03T10:00:00.000Z', 'en'),
    event('E', 'contact_solved', '2026-11-03T10:01:00.000Z', 'en', { article: 'en/reset-password' }),
    event('E', 'contact_submitted', '2026-11-03T10:02:00.000Z', 'en'),
    // F: 16:00Z on 11-03 = local midnight 11-04: outside.
    event('F', 'contact_view', '2026-11-03T16:00:00.000Z', 'en'),
  ]);
  await upsertTickets(db, [
    ticket('t1', '2026-11-01T17:00:00.000Z', 'alice', 'en', 'accounts'), // 11-02 local
    ticket('t2', '2026-11-02T20:00:00.000Z', 'alice', 'en', 'reports'), // 11-03 local
    ticket('t3', '2026-11-02T01:00:00.000Z', 'bob', 'zh-CN', 'accounts'), // 11-02 local
    ticket('t4', '2026-11-03T15:59:59.000Z', undefined, 'zh-CN', 'accounts'), // 11-03 23:59:59 local, no requester
    ticket('t5', '2026-11-03T16:00:00.000Z', 'carol', 'en', 'accounts'), // 11-04 local: outside
  ]);
  await catchUpRollups(db);
});

describe('self-service-score', () => {
  it('divides sessions by requester-days, a ticket without requester counting as its own', async () => {
    // Sessions whose first event is in the period: B, C, D, E = 4 (A began 11-01, F on 11-04).
    // Requesters per local day: 11-02 alice (t1), bob (t3) = 2; 11-03 alice (t2), t4's unnamed requester = 2
    // → 4 requester-days (alice counts on each day she opened a ticket) → 4 ÷ 4 = 1.
    const result = await compute('self-service-score', PERIOD);
    expect(result.parts).toEqual({ sessions: 4, requesters: 4 });
    expect(result.value).toBe(1);
  });

  it('has a series whose points add up to the headline', async () => {
    // 11-02: sessions B, C = 2; requesters alice, bob = 2 → 1. 11-03: D, E = 2; alice, t4 = 2 → 1.
    const result = await compute('self-service-score', PERIOD);
    expect(result.series).toEqual([
      { period: '2026-11-02', sessions: 2, requesters: 2, value: 1 },
      { period: '2026-11-03', sessions: 2, requesters: 2, value: 1 },
    ]);
    const sum = (key: 'sessions' | 'requesters') => result.series!.reduce((s, p) => s + Number(p[key]), 0);
    expect({ sessions: sum('sessions'), requesters: sum('requesters') }).toEqual(result.parts);
    // A weekly series is the same days grouped: one point equal to the headline.
    const weekly = await compute('self-service-score', { ...PERIOD, interval: 'week' });
    expect(weekly.series!.map((p) => [p.sessions, p.requesters, p.value])).toEqual([[4, 4, 1]]);
    expect(weekly.value).toBe(result.value);
  });

  it("filters sessions by their first event's lang and tickets by theirs", async () => {
    // en sessions: B, E = 2 (A is en but began outside); en tickets in period: t1 (11-02), t2 (11-03), both alice
    // → 2 requester-days → 1.
    const result = await compute('self-service-score', { ...PERIOD, lang: 'en' });
    expect(result.parts).toEqual({ sessions: 2, requesters: 2 });
    expect(result.value).toBe(1);
  });

  it('filters tickets by topic but not sessions', async () => {
    // reports: t2 → alice = 1 requester; sessions stay 4 → 4.
    const result = await compute('self-service-score', { ...PERIOD, topic: 'reports' });
    expect(result.parts).toEqual({ sessions: 4, requesters: 1 });
    expect(result.value).toBe(4);
  });

  it('is null with zeros in every period when nothing happened', async () => {
    const result = await compute('self-service-score', { from: '2026-12-01', to: '2026-12-03', tz: 'Asia/Shanghai' });
    expect(result.value).toBeNull();
    expect(result.parts).toEqual({ sessions: 0, requesters: 0 });
    expect(result.series!.map((p) => [p.period, p.sessions, p.requesters, p.value])).toEqual([
      ['2026-12-01', 0, 0, null],
      ['2026-12-02', 0, 0, null],
      ['2026-12-03', 0, 0, null],
    ]);
  });

  it('moves an event at 16:00:00Z to the next Shanghai day but not one at 15:59:59Z', async () => {
    // Only 11-01 local: A's first event (15:59:59Z) is in it; B's (16:00:00Z) is not.
    const result = await compute('self-service-score', { from: '2026-11-01', to: '2026-11-01', tz: 'Asia/Shanghai' });
    expect(result.parts!.sessions).toBe(1);
    // In UTC both fall on 11-01: A and B, and C (03:00Z 11-02) does not.
    const utc = await compute('self-service-score', { from: '2026-11-01', to: '2026-11-01', tz: 'UTC' });
    expect(utc.parts!.sessions).toBe(2);
  });
});

describe('deflection', () => {
  it('counts explicit, implicit and submitted among contact sessions', async () => {
    // Contact sessions (first contact_view in period): A, B, C, D, E = 5.
    // explicit A = 1; implicit B = 1; submitted C, E = 2; D denominator only.
    // (1 + 1) ÷ 5 = 0.4; explicit 1/5 = 0.2; implicit 0.2; submitted 2/5 = 0.4.
    const result = await compute('deflection', PERIOD);
    expect(result.value).toBe(0.4);
    expect(result.parts).toEqual({
      contactSessions: 5,
      explicit: 1,
      implicit: 1,
      submitted: 2,
      explicitRate: 0.2,
      implicitRate: 0.2,
      submittedRate: 0.4,
    });
  });

  it('dates a contact session by its first contact_view', async () => {
    // 11-02: A (16:00Z), B, C = 3; explicit 1, implicit 1, submitted 1 → 2/3, explicit 1/3.
    // 11-03: D, E = 2; submitted 1 → 0/2 = 0.
    const result = await compute('deflection', PERIOD);
    expect(result.series).toEqual([
      { period: '2026-11-02', contactSessions: 3, explicit: 1, implicit: 1, submitted: 1, value: 2 / 3, explicitRate: 1 / 3 },
      { period: '2026-11-03', contactSessions: 2, explicit: 0, implicit: 0, submitted: 1, value: 0, explicitRate: 0 },
    ]);
  });

  it("filters by the session's lang (its first event), not the contact_view's", async () => {
    // en sessions: A (first event en, contact_view zh-CN), B, E → 3; explicit A, implicit B → 2/3.
    const result = await compute('deflection', { ...PERIOD, lang: 'en' });
    expect(result.parts).toMatchObject({ contactSessions: 3, explicit: 1, implicit: 1, submitted: 1 });
    expect(result.value).toBeCloseTo(2 / 3, 10);
  });

  it('is null with zero series in an empty period', async () => {
    const result = await compute('deflection', { from: '2026-12-01', to: '2026-12-01', tz: 'Asia/Shanghai' });
    expect(result.value).toBeNull();
    expect(result.parts!.explicitRate).toBeNull();
    expect(result.series).toEqual([
      { period: '2026-12-01', contactSessions: 0, explicit: 0, implicit: 0, submitted: 0, value: null, explicitRate: null },
    ]);
  });

  it('sums days into ISO weeks', async () => {
    // 2026-11-02 is a Monday: both days fall in the week of 11-02.
    const result = await compute('deflection', { ...PERIOD, interval: 'week' });
    expect(result.series!.map((p) => [p.period, p.contactSessions])).toEqual([['2026-11-02', 5]]);
  });
});

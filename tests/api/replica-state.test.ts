/**
 * What replicas must agree on (issue 13; docs/design.md §6), with two app instances on one
 * database (tests/support/replicas.ts): on PostgreSQL two pools, on SQLite two connections
 * to one file. Sessions across replicas; the daily salt; the roll-up folding; the demo seed.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertEvents, type EventRow } from '../../api/db/queries/events.ts';
import { catchUpRollups, catchUpRollupsCounting } from '../../api/db/queries/rollups.ts';
import { saltForDay } from '../../api/db/queries/salts.ts';
import { claimFirstStartSeed, seedOnFirstStart } from '../../api/demo/first-start.ts';
import { signWebhook } from '../../api/lib/webhooks/signature.ts';
import { loadTopicTree } from '../../core/content/topics.ts';
import { visitorRequest } from '../support/app.ts';
import { sampleArticles, testCatalog } from '../support/catalog.ts';
import { manualClock } from '../support/clock.ts';
import { freshDatabase, queryColumn, queryRows } from '../support/database.ts';
import { twoConnections, twoReplicas } from '../support/replicas.ts';

const events = (list: unknown[], ip = '198.51.100.20') => {
  const [request, env] = visitorRequest({ events: list }, { ip });
  return ['/api/events', request, env] as const;
};
const view = { type: 'page_view', article: 'en/reset-password', lang: 'en' };

describe('sessions across replicas', () => {
  it('keep one session for a visitor whose requests alternate between two replicas', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { apps, dbs } = await twoReplicas({ now: clock.now });
    // 0, 10, 25, 50 and 75 minutes: every gap under 30 minutes, so one session throughout,
    // though each replica alone sees gaps of 25 and more; then 106 minutes, a new session.
    for (const [i, minutes] of [0, 10, 25, 50, 75, 106].entries()) {
      clock.set(new Date(Date.parse('2026-11-27T10:00:00Z') + minutes * 60_000).toISOString());
      expect((await apps[i % 2]!.request(...events([view]))).status).toBe(202);
    }
    const sessions = await queryColumn<string>(dbs[0], 'select session from events order by id');
    expect(sessions).toHaveLength(6);
    expect(new Set(sessions.slice(0, 5)).size).toBe(1);
    expect(sessions[5]).not.toBe(sessions[0]);
    // Both replicas read the same stored session.
    expect(await queryRows(dbs[1], 'select count(distinct session) as n from events')).toEqual([{ n: 2 }]);
  });

  it('put a visitor’s first requests sent to both replicas at the same moment in one session', async () => {
    const clock = manualClock('2026-11-27T10:00:00Z');
    const { apps, dbs } = await twoReplicas({ now: clock.now });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => apps[i % 2]!.request(...events([view, { type: 'search', query: `q${i}`, results: 1 }]))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(await queryColumn(dbs[0], 'select count(distinct session) from events')).toEqual([1]);
    expect(await queryColumn(dbs[0], 'select count(*) from events')).toEqual([20]);
  });

  it('keep visitors apart: another visitor on the other replica gets a session of its own', async () => {
    const { apps, dbs } = await twoReplicas({ now: manualClock().now });
    await apps[0].request(...events([view], '198.51.100.21'));
    await apps[1].request(...events([view], '198.51.100.22'));
    await apps[0].request(...events([view], '198.51.100.22'));
    const rows = await queryRows<{ visitor: string; session: string }>(dbs[0], 'select visitor, session from events order by id');
    expect(rows[0]!.session).not.toBe(rows[1]!.session);
    expect(rows[2]!.session).toBe(rows[1]!.session);
  });
});

describe('the daily salt across replicas', () => {
  it('is created once when both replicas ask for a new day at the same moment', async () => {
    const [first, second] = await twoConnections();
    const now = new Date('2026-11-27T00:00:01Z');
    const salts = await Promise.all(Array.from({ length: 10 }, (_, i) => saltForDay((i % 2 ? second : first).db, '2026-11-27', now)));
    expect(new Set(salts).size).toBe(1);
    expect(await queryRows(first.db, 'select day from visitor_salts')).toEqual([{ day: '2026-11-27' }]);
  });

  it('gives a visitor the same id on both replicas on the first request of a day', async () => {
    const clock = manualClock('2026-11-27T00:00:01Z');
    const { apps, dbs } = await twoReplicas({ now: clock.now });
    await Promise.all([apps[0].request(...events([view])), apps[1].request(...events([view]))]);
    expect(await queryColumn(dbs[0], 'select count(distinct visitor) from events')).toEqual([1]);
  });
});

describe('webhook de-duplication across replicas', () => {
  it('applies a delivery sent to both replicas once: one ticket, one delivery row', async () => {
    const secret = 'zendesk-secret-0123456789';
    const { apps, dbs } = await twoReplicas({ now: manualClock().now, webhookSecrets: { zendesk: secret } });
    const body = JSON.stringify({
      event: 'ticket.updated',
      ticket: {
        id: 501,
        subject: 'Cannot sign in',
        status: 'open',
        created_at: '2026-11-27T08:00:00Z',
        updated_at: '2026-11-27T09:00:00Z',
      },
    });
    const timestamp = String(Math.floor(Date.parse('2026-11-27T10:00:00Z') / 1000));
    const request = () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kb-timestamp': timestamp, 'x-kb-signature': signWebhook(secret, timestamp, body) },
      body,
    });
    const answers = await Promise.all([
      apps[0].request('/api/webhooks/zendesk', request()),
      apps[1].request('/api/webhooks/zendesk', request()),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // A redelivery after both: seen, whichever replica gets it.
    expect((await apps[1].request('/api/webhooks/zendesk', request())).status).toBe(200);
    expect(await queryColumn(dbs[0], 'select count(*) from tickets')).toEqual([1]);
    expect(await queryColumn(dbs[0], 'select count(*) from webhook_deliveries')).toEqual([1]);
  });
});

/** Every roll-up table, in a fixed order, for comparing two databases. */
async function rollupDump(db: Db) {
  const tables = [
    'metric_session_buckets',
    'metric_contact_buckets',
    'metric_search_buckets',
    'metric_query_quarters',
    'metric_query_days',
    'metric_view_quarters',
    'metric_view_days',
  ];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await queryRows<Record<string, unknown>>(db, `select * from ${table}`);
    dump[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return dump;
}

/** Events of `sessions` sessions over a day, with searches, clicks and contact steps (deterministic). */
function dayOfEvents(sessions: number): EventRow[] {
  const rows: EventRow[] = [];
  const start = Date.parse('2026-11-27T00:00:00Z');
  for (let s = 0; s < sessions; s++) {
    const t = start + s * 97_000;
    const at = (k: number) => new Date(t + k * 20_000).toISOString();
    const base = { visitor: `v${s % 40}`, session: `s${s}`, lang: s % 3 ? 'en' : 'zh-CN' };
    rows.push({ ...base, type: 'page_view', created_at: at(0), article: 'en/reset-password' });
    rows.push({ ...base, type: 'search', created_at: at(1), query: `q${s % 7}`, query_norm: `q${s % 7}`, results: s % 5 });
    if (s % 2) rows.push({ ...base, type: 'search_click', created_at: at(2), query: `q${s % 7}`, article: 'en/printer-setup', rank: 1 });
    if (s % 4 === 0) rows.push({ ...base, type: 'contact_view', created_at: at(3) });
    if (s % 8 === 0) rows.push({ ...base, type: 'contact_submitted', created_at: at(4), ticket_ref: `WEB-${s}` });
  }
  return rows;
}

describe('the metric roll-ups across replicas', () => {
  it('are folded once: two replicas catching up at the same time give the tables one process gives', async () => {
    const rows = dayOfEvents(120);
    const single = await freshDatabase();
    await insertEvents(single.db, rows);
    await catchUpRollups(single.db, { chunkEvents: 7 });

    const [first, second] = await twoConnections();
    // Events arrive in three parts; after each, both replicas fold at once, in small chunks.
    for (let part = 0; part < 3; part++) {
      const slice = rows.slice((part * rows.length) / 3, ((part + 1) * rows.length) / 3);
      await insertEvents(first.db, slice);
      const folded = await Promise.all([
        catchUpRollupsCounting(first.db, { chunkEvents: 7 }),
        catchUpRollupsCounting(second.db, { chunkEvents: 7 }),
      ]);
      // Each event folded by exactly one of them.
      expect(folded[0]! + folded[1]!).toBe(slice.length);
    }
    expect(await rollupDump(first.db)).toEqual(await rollupDump(single.db));
    expect(await queryColumn(second.db, `select value from settings where key = 'rollups.event_watermark'`)).toEqual([String(rows.length)]);
  });
});

describe('the first-start demo seed across replicas', () => {
  it('runs once when two replicas start on one empty database at the same moment', async () => {
    const [first, second] = await twoConnections();
    const now = new Date('2026-11-27T10:00:00Z');
    const catalog = testCatalog(sampleArticles);
    const topics = loadTopicTree('content');
    const results = await Promise.all(
      [first, second].map((opened) => seedOnFirstStart({ db: opened.db, sqlite: opened.sqlite, catalog, topics, now, days: 2 })),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);

    const alone = await freshDatabase();
    await seedOnFirstStart({ db: alone.db, sqlite: alone.sqlite, catalog, topics, now, days: 2 });
    for (const table of ['events', 'votes', 'tickets']) {
      expect(await queryColumn(first.db, `select count(*) from ${table}`)).toEqual(
        await queryColumn(alone.db, `select count(*) from ${table}`),
      );
    }
    // Started again later (the data is there, and so is the claim): nothing more.
    expect(await seedOnFirstStart({ db: second.db, sqlite: second.sqlite, catalog, topics, now, days: 2 })).toBeNull();
  });

  it('claims the seed for one caller out of many', async () => {
    const [first, second] = await twoConnections();
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimFirstStartSeed((i % 2 ? second : first).db)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});

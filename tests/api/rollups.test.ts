/**
 * The roll-ups (api/db/queries/rollups.ts) against the raw events: every roll-up-backed metric must
 * equal the same figure computed by a plain query over `events`, also when events arrive
 * after a catch-up, out of time order, and when a search and its click land in different
 * chunks.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../api/db/index.ts';
import { insertEvents, type EventRow } from '../../api/db/queries/events.ts';
import { articleViews } from '../../api/db/queries/metrics-events.ts';
import { catchUpRollups, catchUpRollupsCounting } from '../../api/db/queries/rollups.ts';
import { metricById } from '../../api/metrics/index.ts';
import { parseMetricQuery, periodOf, periodsOf } from '../../api/metrics/period.ts';
import type { MetricQuery } from '../../api/metrics/types.ts';
import { sampleArticles } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { metricTestEnv } from '../support/metrics.ts';

/** A small deterministic generator (mulberry32), so the fixture is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUERIES = ['reset password', 'printer', '打印机', 'license', 'vpn'];
const TYPES = ['page_view', 'search', 'search_click', 'contact_view', 'suggestion_shown', 'contact_solved', 'contact_submitted'] as const;

/** Events of `sessions` sessions spread over 2026-11-01..04 UTC, in shuffled order (ids do not follow time). */
function generateEvents(seed: number, sessions: number, prefix: string): EventRow[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rows: EventRow[] = [];
  const base = Date.parse('2026-11-01T00:00:00Z');
  for (let s = 0; s < sessions; s++) {
    const session = `${prefix}${s}`;
    const lang = pick(['en', 'zh-CN', null] as const);
    let t = base + Math.floor(rand() * 4 * 86_400_000);
    const count = 1 + Math.floor(rand() * 8);
    for (let i = 0; i < count; i++) {
      // Some events share a time with the previous one (one request, several events).
      if (rand() < 0.7) t += Math.floor(rand() * 600_000);
      const type = pick(TYPES);
      const row: EventRow = { type, visitor: `v${s}`, session, created_at: new Date(t).toISOString(), lang };
      if (type === 'page_view') row.article = pick(sampleArticles).id;
      if (type === 'search' || type === 'search_click' || type === 'suggestion_shown') row.query = row.query_norm = pick(QUERIES);
      if (type === 'search') row.results = rand() < 0.3 ? 0 : 3;
      if (type === 'search_click') row.article = 'en/reset-password';
      rows.push(row);
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

// ---- The raw definitions, straight over `events` ------------------------------------------

/** A session's first event: no other event of the session comes before it (by time, then id). */
const FIRST_EVENT = sql`not exists (select 1 from events f where f.session = e.session and (f.created_at < e.created_at or (f.created_at = e.created_at and f.id < e.id)))`;

async function rawSessions(db: Db, q: MetricQuery) {
  const langFilter = q.lang ? sql`and e.lang = ${q.lang}` : sql``;
  const { rows } = await sql<{
    created_at: string;
  }>`select e.created_at from events e where ${FIRST_EVENT} and e.created_at >= ${q.start} and e.created_at < ${q.end} ${langFilter}`.execute(
    db,
  );
  return rows.map((r) => r.created_at);
}

async function rawContacts(db: Db, q: MetricQuery) {
  const has = (type: string) => sql`exists (select 1 from events x where x.session = e.session and x.type = ${type})`;
  const sessionLang = sql`(select f.lang from events f where f.session = e.session order by f.created_at, f.id limit 1)`;
  const langFilter = q.lang ? sql`and ${sessionLang} = ${q.lang}` : sql``;
  const { rows } = await sql<{ created_at: string; solved: number; submitted: number; suggested: number }>`
    select e.created_at, ${has('contact_solved')} as solved, ${has('contact_submitted')} as submitted, ${has('suggestion_shown')} as suggested
    from events e
    where e.type = 'contact_view'
      and not exists (select 1 from events f where f.session = e.session and f.type = 'contact_view' and (f.created_at < e.created_at or (f.created_at = e.created_at and f.id < e.id)))
      and e.created_at >= ${q.start} and e.created_at < ${q.end} ${langFilter}`.execute(db);
  return rows;
}

async function rawSearches(db: Db, q: MetricQuery) {
  const langFilter = q.lang ? sql`and s.lang = ${q.lang}` : sql``;
  const { rows } = await sql<{ created_at: string; lang: string | null; query_norm: string; no_result: number; clicked: number }>`
    select s.created_at, s.lang, s.query_norm, case when s.results = 0 then 1 else 0 end as no_result,
      exists (select 1 from events c where c.session = s.session and c.type = 'search_click' and c.query_norm = s.query_norm
              and (c.created_at > s.created_at or (c.created_at = s.created_at and c.id > s.id))) as clicked
    from events s where s.type = 'search' and s.created_at >= ${q.start} and s.created_at < ${q.end} ${langFilter}`.execute(db);
  return rows;
}

async function rawViews(db: Db, q: MetricQuery) {
  const { rows } = await sql<{ article: string; views: number }>`
    select article, count(*) as views from events where type = 'page_view' and article is not null
    and created_at >= ${q.start} and created_at < ${q.end} group by article`.execute(db);
  return new Map(rows.map((r) => [r.article, Number(r.views)]));
}

const countBy = <T>(items: T[], periodOfItem: (t: T) => string, q: MetricQuery) => {
  const counts = new Map(periodsOf(q).map((p) => [p, 0]));
  for (const item of items) counts.set(periodOfItem(item), counts.get(periodOfItem(item))! + 1);
  return counts;
};

/** Checks every roll-up-backed metric of one query against the raw definitions. */
async function expectRollupsMatchRaw(db: Db, raw: Record<string, string>) {
  const env = metricTestEnv(db);
  const q = parseMetricQuery(raw, new Date('2026-11-27T00:00:00Z'));
  const compute = (id: string) => metricById(id)!.compute(env, q);

  const sessions = await rawSessions(db, q);
  const score = await compute('self-service-score');
  expect(score.parts!.sessions).toBe(sessions.length);
  const sessionsPerPeriod = countBy(sessions, (t) => periodOf(t, q), q);
  expect(score.series!.map((p) => [p.period, p.sessions])).toEqual([...sessionsPerPeriod]);

  const contacts = await rawContacts(db, q);
  const deflection = await compute('deflection');
  const explicit = contacts.filter((c) => c.solved && !c.submitted).length;
  const implicit = contacts.filter((c) => c.suggested && !c.solved && !c.submitted).length;
  const submitted = contacts.filter((c) => c.submitted).length;
  expect(deflection.parts).toMatchObject({ contactSessions: contacts.length, explicit, implicit, submitted });
  expect(deflection.series!.map((p) => [p.period, p.contactSessions])).toEqual([...countBy(contacts, (c) => periodOf(c.created_at, q), q)]);

  const searches = await rawSearches(db, q);
  const noResult = await compute('search-no-result-rate');
  expect(noResult.parts).toEqual({ searches: searches.length, noResult: searches.filter((s) => s.no_result).length });
  const ctr = await compute('search-click-through');
  expect(ctr.parts).toEqual({ searches: searches.length, clicked: searches.filter((s) => s.clicked).length });
  const clickedPerPeriod = countBy(
    searches.filter((s) => s.clicked),
    (s) => periodOf(s.created_at, q),
    q,
  );
  expect(ctr.series!.map((p) => [p.period, p.clicked])).toEqual([...clickedPerPeriod]);

  const top = await compute('top-searches');
  const perQuery = new Map<string, { searches: number; noResult: number; clicked: number }>();
  for (const s of searches) {
    const key = `${s.lang ?? ''}|${s.query_norm}`;
    const t = perQuery.get(key) ?? { searches: 0, noResult: 0, clicked: 0 };
    t.searches += 1;
    t.noResult += s.no_result ? 1 : 0;
    t.clicked += s.clicked ? 1 : 0;
    perQuery.set(key, t);
  }
  // Five queries × three langs stay under the top-20 cut, so every (lang, query) is listed.
  expect(
    new Map(top.rows!.map((r) => [`${r.lang ?? ''}|${r.query}`, { searches: r.searches, noResult: r.noResult, clicked: r.clicked }])),
  ).toEqual(perQuery);

  expect(await articleViews(db, q.start, q.end)).toEqual(await rawViews(db, q));
}

describe('metric roll-ups', () => {
  it('match the raw events after one catch-up, in several time zones, langs and intervals', async () => {
    const { db } = await migratedDatabase();
    await insertEvents(db, generateEvents(1, 300, 's'));
    await catchUpRollups(db);
    await expectRollupsMatchRaw(db, { from: '2026-11-01', to: '2026-11-04', tz: 'Asia/Shanghai' });
    await expectRollupsMatchRaw(db, { from: '2026-11-02', to: '2026-11-03', tz: 'America/New_York', lang: 'en' });
    await expectRollupsMatchRaw(db, { from: '2026-10-31', to: '2026-11-05', tz: 'Asia/Kathmandu', interval: 'week' });
    await expectRollupsMatchRaw(db, { from: '2026-11-01', to: '2026-11-30', tz: 'UTC', interval: 'month', lang: 'zh-CN' });
  });

  it('stay exact across chunk boundaries and for events arriving after a catch-up', async () => {
    const { db } = await migratedDatabase();
    const all = generateEvents(2, 400, 's');
    // Small chunks: most sessions span several chunks, and clicks land after their searches' chunk.
    await insertEvents(db, all.slice(0, 700));
    await catchUpRollups(db, { chunkEvents: 37 });
    await insertEvents(db, all.slice(700));
    // Late events of existing sessions: a click following every search, and an event dated
    // before the sessions began (it becomes their first event and moves them).
    const late: EventRow[] = [];
    for (const s of ['s1', 's2', 's3', 's5', 's8', 's13']) {
      for (const q of QUERIES)
        late.push({
          type: 'search_click',
          visitor: 'v',
          session: s,
          created_at: '2026-11-04T23:59:00.000Z',
          lang: 'en',
          query: q,
          query_norm: q,
          article: 'en/reset-password',
          rank: 1,
        });
      late.push({
        type: 'page_view',
        visitor: 'v',
        session: s,
        created_at: '2026-10-31T16:30:00.000Z',
        lang: 'zh-CN',
        article: 'zh-CN/reset-password',
      });
    }
    await insertEvents(db, late);
    await catchUpRollups(db, { chunkEvents: 53 });
    await expectRollupsMatchRaw(db, { from: '2026-11-01', to: '2026-11-05', tz: 'Asia/Shanghai' });
    await expectRollupsMatchRaw(db, { from: '2026-10-30', to: '2026-11-05', tz: 'Europe/London', lang: 'zh-CN' });
  });

  it('is idempotent and folds each event in once', async () => {
    const { db } = await migratedDatabase();
    const events = generateEvents(3, 50, 's');
    await insertEvents(db, events);
    expect(await catchUpRollupsCounting(db)).toBe(events.length);
    expect(await catchUpRollupsCounting(db)).toBe(0);
    await expectRollupsMatchRaw(db, { from: '2026-11-01', to: '2026-11-04', tz: 'UTC' });
  });

  it('shares one run between concurrent callers and still folds in events added meanwhile', async () => {
    const { db } = await migratedDatabase();
    await insertEvents(db, generateEvents(4, 100, 'a'));
    const first = catchUpRollups(db, { chunkEvents: 50 });
    await insertEvents(db, generateEvents(5, 100, 'b'));
    await Promise.all([first, catchUpRollups(db), catchUpRollups(db)]);
    await expectRollupsMatchRaw(db, { from: '2026-11-01', to: '2026-11-04', tz: 'Asia/Shanghai' });
  });
});

/**
 * The queries behind the self-service and search metrics (and page views for others). They
 * read the roll-ups of migration 0005 (kept by rollups.ts), never the raw events, so a
 * report stays cheap with millions of events. Portable SQL only (docs/design.md §6): integer
 * arithmetic, GROUP BY by position, no date functions.
 */
import { sql } from 'kysely';
import type { Lang } from '../../../core/content/article.ts';
import { boundedDays, localMidnightUtc } from '../../metrics/period.ts';
import { addDays } from '../../../core/contracts/dates.ts';
import type { Db } from '../index.ts';
import { BUCKET_MS, BUCKETS_PER_DAY } from './rollups.ts';

const DAY_MS = 86_400_000;

/**
 * A run of local days over which the time zone's offset does not change: local day number
 * = (bucket + shift) / 96. A day with a DST change (23 or 25 hours) is a run of its own
 * whose buckets all belong to `onlyDate`.
 */
interface DayRun {
  startBucket: number;
  endBucket: number;
  shift: number;
  onlyDate?: string;
}

const runCache = new Map<string, DayRun[]>();

/** The local days of an inclusive date range as bucket runs (cached: the same ranges repeat). */
export function localDayRuns(range: { from: string; to: string; tz: string }): DayRun[] {
  const cacheKey = `${range.from}|${range.to}|${range.tz}`;
  const cached = runCache.get(cacheKey);
  if (cached) return cached;
  const runs: DayRun[] = [];
  let start = localMidnightUtc(range.from, range.tz) / BUCKET_MS;
  const days = boundedDays(range.from, range.to);
  for (let i = 0; i < days; i++) {
    const date = addDays(range.from, i);
    const end = localMidnightUtc(addDays(date, 1), range.tz) / BUCKET_MS;
    const shift = Date.parse(`${date}T00:00:00Z`) / BUCKET_MS - start;
    const last = runs[runs.length - 1];
    if (end - start !== BUCKETS_PER_DAY) runs.push({ startBucket: start, endBucket: end, shift, onlyDate: date });
    else if (last && last.onlyDate === undefined && last.shift === shift && last.endBucket === start) last.endBucket = end;
    else runs.push({ startBucket: start, endBucket: end, shift });
    start = end;
  }
  if (runCache.size > 200) runCache.clear();
  runCache.set(cacheKey, runs);
  return runs;
}

type BucketTable = 'metric_session_buckets' | 'metric_contact_buckets' | 'metric_search_buckets';

/**
 * Sums `columns` of a bucket table per local day of the range: one small GROUP BY per run
 * of days (one for a zone without DST), returning one row per day rather than per bucket.
 */
async function sumsByLocalDay(
  db: Db,
  table: BucketTable,
  columns: string[],
  range: { from: string; to: string; tz: string },
  lang?: Lang,
): Promise<Map<string, number[]>> {
  const byDate = new Map<string, number[]>();
  // Each sum named after its column: PostgreSQL would name them all "sum", one key in the row.
  const sums = sql.join(columns.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`));
  for (const run of localDayRuns(range)) {
    const langFilter = lang ? sql`and lang = ${lang}` : sql``;
    const result = await sql<Record<string, number>>`select (bucket + ${run.shift}) / ${BUCKETS_PER_DAY} as day, ${sums}
      from ${sql.table(table)} where bucket >= ${run.startBucket} and bucket < ${run.endBucket} ${langFilter} group by 1`.execute(db);
    for (const row of result.rows) {
      const values = Object.values(row).map(Number);
      const date = run.onlyDate ?? new Date(values[0]! * DAY_MS).toISOString().slice(0, 10);
      const current = byDate.get(date) ?? columns.map(() => 0);
      values.slice(1).forEach((v, i) => (current[i]! += v));
      byDate.set(date, current);
    }
  }
  return byDate;
}

export type DateRange = { from: string; to: string; tz: string };

/** Sessions per local date of their first event: [sessions]. */
export const sessionsByDate = (db: Db, range: DateRange, lang?: Lang) =>
  sumsByLocalDay(db, 'metric_session_buckets', ['sessions'], range, lang);

/** Contact sessions per local date of their first contact_view: [contactSessions, explicit, implicit, submitted]. */
export const contactsByDate = (db: Db, range: DateRange, lang?: Lang) =>
  sumsByLocalDay(db, 'metric_contact_buckets', ['contact_sessions', 'explicit', 'implicit', 'submitted'], range, lang);

/** Searches per local date: [searches, noResult, clicked]. */
export const searchesByDate = (db: Db, range: DateRange, lang?: Lang) =>
  sumsByLocalDay(db, 'metric_search_buckets', ['searches', 'no_result', 'clicked'], range, lang);

/** Whole UTC days inside [start, end) and the quarter-hour ranges left at both ends. */
function daysAndEdges(start: string, end: string): { days?: [number, number]; quarters: Array<[number, number]> } {
  const sb = Math.round(Date.parse(start) / BUCKET_MS);
  const eb = Math.round(Date.parse(end) / BUCKET_MS);
  const firstDay = Math.ceil(sb / BUCKETS_PER_DAY);
  const endDay = Math.floor(eb / BUCKETS_PER_DAY);
  if (firstDay >= endDay) return { quarters: [[sb, eb]] };
  const quarters: Array<[number, number]> = [];
  if (sb < firstDay * BUCKETS_PER_DAY) quarters.push([sb, firstDay * BUCKETS_PER_DAY]);
  if (endDay * BUCKETS_PER_DAY < eb) quarters.push([endDay * BUCKETS_PER_DAY, eb]);
  return { days: [firstDay, endDay], quarters };
}

export interface QueryTotals {
  lang: string;
  query: string;
  searches: number;
  noResult: number;
  clicked: number;
}

/** Searches per (lang, normalised query) with an instant in [start, end). */
export async function searchesByQuery(db: Db, start: string, end: string, lang?: Lang): Promise<QueryTotals[]> {
  const { days, quarters } = daysAndEdges(start, end);
  const totals = new Map<string, QueryTotals>();
  const add = (
    rows: Array<{ lang: string; query_norm: string; searches: number | string; no_result: number | string; clicked: number | string }>,
  ) => {
    for (const r of rows) {
      const key = `${r.lang}\u0001${r.query_norm}`;
      const t = totals.get(key) ?? { lang: r.lang, query: r.query_norm, searches: 0, noResult: 0, clicked: 0 };
      t.searches += Number(r.searches);
      t.noResult += Number(r.no_result);
      t.clicked += Number(r.clicked);
      totals.set(key, t);
    }
  };
  // The whole days and the quarter-hour edges are read at once (on PostgreSQL, overlapping round trips on pooled
  // connections; SQLite runs them in turn) and added up in this order, so ties rank as before.
  const reads: Array<Promise<Parameters<typeof add>[0]>> = [];
  if (days) {
    let q = db
      .selectFrom('metric_query_days')
      .select((eb) => [
        'lang',
        'query_norm',
        eb.fn.sum<number>('searches').as('searches'),
        eb.fn.sum<number>('no_result').as('no_result'),
        eb.fn.sum<number>('clicked').as('clicked'),
      ])
      .where('day', '>=', days[0])
      .where('day', '<', days[1]);
    if (lang) q = q.where('lang', '=', lang);
    reads.push(q.groupBy(['lang', 'query_norm']).execute());
  }
  for (const [from, to] of quarters) {
    let q = db
      .selectFrom('metric_query_quarters')
      .select((eb) => [
        'lang',
        'query_norm',
        eb.fn.sum<number>('searches').as('searches'),
        eb.fn.sum<number>('no_result').as('no_result'),
        eb.fn.sum<number>('clicked').as('clicked'),
      ])
      .where('bucket', '>=', from)
      .where('bucket', '<', to);
    if (lang) q = q.where('lang', '=', lang);
    reads.push(q.groupBy(['lang', 'query_norm']).execute());
  }
  for (const rows of await Promise.all(reads)) add(rows);
  return [...totals.values()].filter((t) => t.searches !== 0);
}

/** Page views per article id with an instant in [start, end) (optionally of one lang). */
export async function articleViews(db: Db, start: string, end: string, lang?: Lang): Promise<Map<string, number>> {
  const { days, quarters } = daysAndEdges(start, end);
  const views = new Map<string, number>();
  const add = (rows: Array<{ article: string; views: number | string }>) => {
    for (const r of rows) views.set(r.article, (views.get(r.article) ?? 0) + Number(r.views));
  };
  if (days) {
    let q = db
      .selectFrom('metric_view_days')
      .select((eb) => ['article', eb.fn.sum<number>('views').as('views')])
      .where('day', '>=', days[0])
      .where('day', '<', days[1]);
    if (lang) q = q.where('lang', '=', lang);
    add(await q.groupBy('article').execute());
  }
  for (const [from, to] of quarters) {
    let q = db
      .selectFrom('metric_view_quarters')
      .select((eb) => ['article', eb.fn.sum<number>('views').as('views')])
      .where('bucket', '>=', from)
      .where('bucket', '<', to);
    if (lang) q = q.where('lang', '=', lang);
    add(await q.groupBy('article').execute());
  }
  for (const [article, n] of views) if (n === 0) views.delete(article);
  return views;
}

/**
 * Distinct requesters of the tickets created in [start, end). A ticket without a requester
 * counts as a requester of its own: it stands for someone who asked, and leaving it out
 * would make the self-service score look better than it is.
 */
export async function requesterCount(
  db: Db,
  start: string,
  end: string,
  filters: { lang?: Lang | undefined; topics?: readonly string[] | undefined } = {},
): Promise<number> {
  let q = db
    .selectFrom('tickets')
    .select((eb) => [
      eb.fn.count<number>('requester').distinct().as('named'),
      eb.fn.sum<number>(eb.case().when('requester', 'is', null).then(1).else(0).end()).as('unnamed'),
    ])
    .where('created_at', '>=', start)
    .where('created_at', '<', end);
  if (filters.lang) q = q.where('lang', '=', filters.lang);
  if (filters.topics) q = q.where('topic', 'in', [...filters.topics]);
  const row = await q.executeTakeFirst();
  return Number(row?.named ?? 0) + Number(row?.unnamed ?? 0);
}

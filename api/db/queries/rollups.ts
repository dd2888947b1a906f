/**
 * Keeps the metric roll-up tables (migration 0005) up to date with the raw `events`.
 *
 * Design, and why:
 * - Watermark: the id of the last event folded in is kept in `settings`, so a catch-up reads
 *   only new events. Event ids only grow (rowid keys), so "id > watermark" is exactly "new".
 * - Short chunks: CHUNK_EVENTS events per transaction, then a setImmediate before the next,
 *   so neither the timer nor a request that catches up holds the event loop (or the
 *   database) long enough to stall vote and event ingestion.
 * - Exact for late and out-of-order events: a session's figures depend on all its events
 *   (which comes first, whether a search_click follows a search, whether it submitted the
 *   contact form). For every session a chunk touches, the session's events up to the chunk
 *   are read back (events_session index) and its contribution is computed twice, over the
 *   events before the chunk and over all of them; the difference is added to the tables.
 *   So a click arriving chunks (or days) after its search still marks that search clicked,
 *   and an event dated earlier than a session's first event moves the session.
 * - Once, whichever replica folds: every process catches up (its timer, its metrics requests),
 *   and two could read the same chunk. The watermark row is the lease: the chunk's
 *   transaction first moves it with a compare-and-set (`update … where value = <the
 *   watermark the deltas were computed from>`), which takes the row's write lock. Only one
 *   transaction can move it from that value; the other finds no row to update, rolls back
 *   without writing a delta, reads the new watermark and goes on from there. So a chunk is
 *   folded in exactly once on SQLite (one writer) and on PostgreSQL (the row lock, then the
 *   WHERE re-checked on the committed row) alike (issue 13; docs/design.md §6).
 * - Portable SQL: upserts add deltas with ON CONFLICT ... DO UPDATE, in both SQLite and
 *   PostgreSQL; deltas are aggregated per key first so no statement touches a row twice.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../index.ts';
import { isPostgres } from '../dialect.ts';
import type { Database } from '../schema.ts';

export const BUCKET_MS = 15 * 60_000;
export const BUCKETS_PER_DAY = 96;
/** Events folded in per transaction. */
export const CHUNK_EVENTS = 2000;
const WATERMARK_KEY = 'rollups.event_watermark';
// Bound parameters per statement stay far below SQLite's 32,766.
const ROWS_PER_UPSERT = 500;
const SESSIONS_PER_READ = 500;

/** The quarter-hour bucket of a UTC instant. */
export const bucketOf = (iso: string) => Math.floor(Date.parse(iso) / BUCKET_MS);
/** The UTC day number (days since 1970-01-01) of a bucket. */
export const dayOfBucket = (bucket: number) => Math.floor(bucket / BUCKETS_PER_DAY);

/** The columns of an event the roll-ups read. */
export interface RollupEvent {
  id: number;
  type: string;
  session: string;
  created_at: string;
  lang: string | null;
  article: string | null;
  query_norm: string | null;
  results: number | null;
}

/** Deltas per table, keyed by the table's primary key joined with \u0001. */
class Deltas {
  readonly sessions = new Map<string, number[]>();
  readonly contacts = new Map<string, number[]>();
  readonly searches = new Map<string, number[]>();
  readonly queryQuarters = new Map<string, number[]>();
  readonly queryDays = new Map<string, number[]>();
  readonly viewQuarters = new Map<string, number[]>();
  readonly viewDays = new Map<string, number[]>();

  add(map: Map<string, number[]>, key: Array<string | number>, values: number[], sign: number) {
    const k = key.join('\u0001');
    const current = map.get(k) ?? values.map(() => 0);
    values.forEach((v, i) => (current[i]! += sign * v));
    map.set(k, current);
  }
}

/** Orders events as they happened: by time, then by id (events of one request share a time). */
const byPosition = (a: RollupEvent, b: RollupEvent) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id);
const after = (a: RollupEvent, b: RollupEvent) => byPosition(a, b) > 0;

/**
 * Adds (sign +1) or removes (sign -1) what one session's events contribute: the session by
 * its first event, its contact outcome by its first contact_view, and its searches (each
 * clicked when a search_click with the same normalised query follows it in the session).
 */
export function addSessionContribution(deltas: Deltas, events: RollupEvent[], sign: number): void {
  if (events.length === 0) return;
  const sorted = [...events].sort(byPosition);
  const first = sorted[0]!;
  const sessionLang = first.lang ?? '';
  deltas.add(deltas.sessions, [bucketOf(first.created_at), sessionLang], [1], sign);

  const contactView = sorted.find((e) => e.type === 'contact_view');
  if (contactView) {
    const submitted = sorted.some((e) => e.type === 'contact_submitted');
    const solved = sorted.some((e) => e.type === 'contact_solved');
    const suggested = sorted.some((e) => e.type === 'suggestion_shown');
    const explicit = solved && !submitted ? 1 : 0;
    const implicit = suggested && !solved && !submitted ? 1 : 0;
    deltas.add(deltas.contacts, [bucketOf(contactView.created_at), sessionLang], [1, explicit, implicit, submitted ? 1 : 0], sign);
  }

  const lastClick = new Map<string, RollupEvent>();
  for (const e of sorted) if (e.type === 'search_click' && e.query_norm != null) lastClick.set(e.query_norm, e);
  for (const e of sorted) {
    if (e.type !== 'search' || e.query_norm == null) continue;
    const click = lastClick.get(e.query_norm);
    const figures = [1, e.results === 0 ? 1 : 0, click && after(click, e) ? 1 : 0];
    const bucket = bucketOf(e.created_at);
    const lang = e.lang ?? '';
    deltas.add(deltas.searches, [bucket, lang], figures, sign);
    deltas.add(deltas.queryQuarters, [bucket, lang, e.query_norm], figures, sign);
    deltas.add(deltas.queryDays, [dayOfBucket(bucket), lang, e.query_norm], figures, sign);
  }
}

async function readWatermark(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', WATERMARK_KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

const EVENT_COLUMNS = ['id', 'type', 'session', 'created_at', 'lang', 'article', 'query_norm', 'results'] as const;

async function readNewEvents(db: Db, watermark: number, limit: number): Promise<RollupEvent[]> {
  return db.selectFrom('events').select(EVENT_COLUMNS).where('id', '>', watermark).orderBy('id').limit(limit).execute();
}

/** Every event of these sessions up to and including event `upTo`. */
async function readSessionEvents(db: Db, sessions: string[], upTo: number): Promise<Map<string, RollupEvent[]>> {
  const bySession = new Map<string, RollupEvent[]>();
  for (let i = 0; i < sessions.length; i += SESSIONS_PER_READ) {
    const rows = await db
      .selectFrom('events')
      .select(EVENT_COLUMNS)
      .where('session', 'in', sessions.slice(i, i + SESSIONS_PER_READ))
      .where('id', '<=', upTo)
      .execute();
    for (const row of rows) {
      const list = bySession.get(row.session);
      if (list) list.push(row);
      else bySession.set(row.session, [row]);
    }
  }
  return bySession;
}

/** The deltas one chunk of new events (ids watermark < id <= upTo) makes. */
export async function chunkDeltas(db: Db, chunk: RollupEvent[], watermark: number): Promise<Deltas> {
  const deltas = new Deltas();
  for (const e of chunk) {
    if (e.type !== 'page_view' || !e.article) continue;
    const bucket = bucketOf(e.created_at);
    deltas.add(deltas.viewQuarters, [bucket, e.article, e.lang ?? ''], [1], 1);
    deltas.add(deltas.viewDays, [dayOfBucket(bucket), e.article, e.lang ?? ''], [1], 1);
  }
  const upTo = chunk[chunk.length - 1]!.id;
  const sessions = [...new Set(chunk.map((e) => e.session))];
  const bySession = await readSessionEvents(db, sessions, upTo);
  for (const events of bySession.values()) {
    addSessionContribution(
      deltas,
      events.filter((e) => e.id <= watermark),
      -1,
    );
    addSessionContribution(deltas, events, 1);
  }
  return deltas;
}

type Trx = Transaction<Database>;

/** Rows of a delta map whose figures are not all zero, with the key split back into columns. */
function changedRows<T>(map: Map<string, number[]>, toRow: (key: string[], figures: number[]) => T): T[] {
  const rows: T[] = [];
  for (const [key, figures] of map) if (figures.some((v) => v !== 0)) rows.push(toRow(key.split('\u0001'), figures));
  return rows;
}

/**
 * Adds `rows` to `table`: each row's `sums` columns are added to the row with the same `keys`, or the row is inserted.
 * SQLite: `write` (a Kysely multi-row upsert) per ROWS_PER_UPSERT rows. PostgreSQL: one statement for all of them,
 * with one array parameter per column and `insert … select from unnest(…) on conflict do update`, so a chunk's 1–3
 * thousand rows are parsed and planned once per table instead of once per 500 rows with a parameter per value
 * (as db:copy writes, api/db/copy.ts). The keys of one delta map are distinct, so no row is hit twice.
 */
async function upsertAdding<T extends Record<string, number | string>>(
  trx: Trx,
  table: string,
  keys: ReadonlyArray<keyof T & string>,
  sums: ReadonlyArray<keyof T & string>,
  rows: T[],
  write: (slice: T[]) => Promise<unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  if (!isPostgres(trx)) {
    for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) await write(rows.slice(i, i + ROWS_PER_UPSERT));
    return;
  }
  const columns = [...keys, ...sums];
  const arrays = columns.map((c) =>
    typeof rows[0]![c] === 'number' ? sql`${rows.map((r) => r[c])}::bigint[]` : sql`${rows.map((r) => r[c])}::text[]`,
  );
  const updates = sums.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select * from unnest(${sql.join(arrays)})
    on conflict (${sql.join(keys.map((c) => sql.ref(c)))}) do update set ${sql.join(updates)}`.execute(trx);
}

/** Adds the deltas to the tables (in the transaction that moved the watermark). */
async function applyDeltas(trx: Trx, d: Deltas): Promise<void> {
  const plus = (table: string, column: string) => sql<number>`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`;
  const searchSet = (table: string) => ({
    searches: plus(table, 'searches'),
    no_result: plus(table, 'no_result'),
    clicked: plus(table, 'clicked'),
  });

  await upsertAdding(
    trx,
    'metric_session_buckets',
    ['bucket', 'lang'],
    ['sessions'],
    changedRows(d.sessions, ([b, lang], [n]) => ({ bucket: Number(b), lang: lang!, sessions: n! })),
    (rows) =>
      trx
        .insertInto('metric_session_buckets')
        .values(rows)
        .onConflict((oc) => oc.columns(['bucket', 'lang']).doUpdateSet({ sessions: plus('metric_session_buckets', 'sessions') }))
        .execute(),
  );
  await upsertAdding(
    trx,
    'metric_contact_buckets',
    ['bucket', 'lang'],
    ['contact_sessions', 'explicit', 'implicit', 'submitted'],
    changedRows(d.contacts, ([b, lang], [c, e, i, s]) => ({
      bucket: Number(b),
      lang: lang!,
      contact_sessions: c!,
      explicit: e!,
      implicit: i!,
      submitted: s!,
    })),
    (rows) =>
      trx
        .insertInto('metric_contact_buckets')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['bucket', 'lang']).doUpdateSet({
            contact_sessions: plus('metric_contact_buckets', 'contact_sessions'),
            explicit: plus('metric_contact_buckets', 'explicit'),
            implicit: plus('metric_contact_buckets', 'implicit'),
            submitted: plus('metric_contact_buckets', 'submitted'),
          }),
        )
        .execute(),
  );
  await upsertAdding(
    trx,
    'metric_search_buckets',
    ['bucket', 'lang'],
    ['searches', 'no_result', 'clicked'],
    changedRows(d.searches, ([b, lang], [s, n, c]) => ({ bucket: Number(b), lang: lang!, searches: s!, no_result: n!, clicked: c! })),
    (rows) =>
      trx
        .insertInto('metric_search_buckets')
        .values(rows)
        .onConflict((oc) => oc.columns(['bucket', 'lang']).doUpdateSet(searchSet('metric_search_buckets')))
        .execute(),
  );
  await upsertAdding(
    trx,
    'metric_query_quarters',
    ['bucket', 'lang', 'query_norm'],
    ['searches', 'no_result', 'clicked'],
    changedRows(d.queryQuarters, ([b, lang, q], [s, n, c]) => ({
      bucket: Number(b),
      lang: lang!,
      query_norm: q!,
      searches: s!,
      no_result: n!,
      clicked: c!,
    })),
    (rows) =>
      trx
        .insertInto('metric_query_quarters')
        .values(rows)
        .onConflict((oc) => oc.columns(['bucket', 'lang', 'query_norm']).doUpdateSet(searchSet('metric_query_quarters')))
        .execute(),
  );
  await upsertAdding(
    trx,
    'metric_query_days',
    ['day', 'lang', 'query_norm'],
    ['searches', 'no_result', 'clicked'],
    changedRows(d.queryDays, ([day, lang, q], [s, n, c]) => ({
      day: Number(day),
      lang: lang!,
      query_norm: q!,
      searches: s!,
      no_result: n!,
      clicked: c!,
    })),
    (rows) =>
      trx
        .insertInto('metric_query_days')
        .values(rows)
        .onConflict((oc) => oc.columns(['day', 'lang', 'query_norm']).doUpdateSet(searchSet('metric_query_days')))
        .execute(),
  );
  await upsertAdding(
    trx,
    'metric_view_quarters',
    ['bucket', 'article', 'lang'],
    ['views'],
    changedRows(d.viewQuarters, ([b, article, lang], [v]) => ({ bucket: Number(b), article: article!, lang: lang!, views: v! })),
    (rows) =>
      trx
        .insertInto('metric_view_quarters')
        .values(rows)
        .onConflict((oc) => oc.columns(['bucket', 'article', 'lang']).doUpdateSet({ views: plus('metric_view_quarters', 'views') }))
        .execute(),
  );
  await upsertAdding(
    trx,
    'metric_view_days',
    ['day', 'article', 'lang'],
    ['views'],
    changedRows(d.viewDays, ([day, article, lang], [v]) => ({ day: Number(day), article: article!, lang: lang!, views: v! })),
    (rows) =>
      trx
        .insertInto('metric_view_days')
        .values(rows)
        .onConflict((oc) => oc.columns(['day', 'article', 'lang']).doUpdateSet({ views: plus('metric_view_days', 'views') }))
        .execute(),
  );
}

/** Makes sure the watermark row exists, so the compare-and-set below always has a row to test. */
async function ensureWatermark(db: Db): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: WATERMARK_KEY, value: '0', updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Moves the watermark from `from` to `to`, if it is still at `from`; whether it did. The
 * first statement of the chunk's transaction, so it holds the row (the lease) until commit.
 */
async function moveWatermark(trx: Trx, from: number, to: number, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('settings')
    .set({ value: String(to), updated_at: now })
    .where('key', '=', WATERMARK_KEY)
    .where('value', '=', String(from))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Folds every event newer than the watermark into the roll-ups, chunk by chunk. Returns how many. */
async function runCatchUp(db: Db, chunkEvents: number): Promise<number> {
  await ensureWatermark(db);
  let watermark = await readWatermark(db);
  let folded = 0;
  for (;;) {
    const chunk = await readNewEvents(db, watermark, chunkEvents);
    if (chunk.length === 0) return folded;
    // Reads happen before the transaction, so it only holds the database for the writes.
    const deltas = await chunkDeltas(db, chunk, watermark);
    const upTo = chunk[chunk.length - 1]!.id;
    const moved = await db.transaction().execute(async (trx) => {
      if (!(await moveWatermark(trx, watermark, upTo, new Date().toISOString()))) return false;
      await applyDeltas(trx, deltas);
      return true;
    });
    if (moved) {
      watermark = upTo;
      folded += chunk.length;
    } else {
      // Another process folded from this watermark first: its deltas are in, go on after them.
      watermark = await readWatermark(db);
    }
    await yieldToEventLoop();
  }
}

/** One catch-up at a time per database; callers arriving during a run share the next one. */
const runs = new WeakMap<Db, { running: Promise<number>; next?: Promise<number> }>();

/**
 * Brings every roll-up table up to date with the raw events (idempotent; the seed, the
 * bench, the timer and each metrics request call it). Resolves once every event that
 * existed when it was called is folded in.
 */
export async function catchUpRollups(db: Db, options: CatchUpOptions = {}): Promise<void> {
  await catchUpRollupsCounting(db, options);
}

export interface CatchUpOptions {
  /** Events per transaction (default CHUNK_EVENTS); tests use small chunks to cross their boundaries. */
  chunkEvents?: number;
}

/** catchUpRollups, resolving to how many events this run folded in. */
export function catchUpRollupsCounting(db: Db, options: CatchUpOptions = {}): Promise<number> {
  const state = runs.get(db);
  if (!state) {
    const running = runCatchUp(db, options.chunkEvents ?? CHUNK_EVENTS).finally(() => {
      const current = runs.get(db);
      if (current?.running === running && !current.next) runs.delete(db);
    });
    runs.set(db, { running });
    return running;
  }
  // A run is under way and may have read its last chunk already: queue one more after it.
  state.next ??= state.running
    .catch(() => 0)
    .then(() => {
      runs.delete(db);
      return catchUpRollupsCounting(db, options);
    });
  return state.next;
}

/** Catches up every `intervalMs` in the background; returns a function that stops it. */
export function startRollupTimer(
  db: Db,
  intervalMs = 60_000,
  onError: (error: Error) => void = (e) => console.error('metric roll-ups:', e.message),
): () => void {
  const timer = setInterval(() => {
    catchUpRollups(db).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

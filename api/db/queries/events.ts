/** Usage events (docs/design.md §3), written in batches. */
import type SQLite from 'better-sqlite3';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Db } from '../index.ts';
import { isPostgres } from '../dialect.ts';
import type { Database, EventsTable } from '../schema.ts';
import { prepareFromKysely } from '../driver/prepared.ts';
import { ADVISORY_LOCKS } from '../driver/postgres.ts';

export type EventRow = Insertable<EventsTable>;

// SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535; 16 columns × 1,000 rows stays below both.
const ROWS_PER_STATEMENT = 1000;

const EVENT_KEYS = [
  'type',
  'visitor',
  'session',
  'created_at',
  'lang',
  'article',
  'path',
  'referrer',
  'query',
  'query_norm',
  'results',
  'rank',
  'filters',
  'articles',
  'ticket_ref',
] as const;

/**
 * Returns a function that inserts a batch of events in one transaction: the prepared
 * fast path with the SQLite connection, multi-row Kysely INSERTs without (PostgreSQL).
 */
export function eventWriter(db: Db, sqlite?: SQLite.Database): (rows: EventRow[]) => Promise<void> {
  if (!sqlite) return (rows) => insertEvents(db, rows);
  const { statement, params } = prepareFromKysely(sqlite, EVENT_KEYS, (s) => db.insertInto('events').values(s as unknown as EventRow));
  const insertAll = sqlite.transaction((rows: EventRow[]) => {
    for (const row of rows) statement.run(params(row as Record<(typeof EVENT_KEYS)[number], unknown>));
  });
  return async (rows) => insertAll(rows);
}

/**
 * Makes the transaction `trx` insert events only after every earlier event-inserting
 * transaction has committed, so event ids become visible in increasing order. The roll-ups
 * fold events in by id ("id > watermark", rollups.ts); on PostgreSQL, identity values are
 * handed out at insert time, and without this a transaction holding id 100 could commit after
 * one holding id 101 had been folded in, and event 100 would never be counted. SQLite has
 * one writer at a time already. Call it first in every transaction that inserts events.
 */
export async function serializeEventIds(trx: Kysely<Database>): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(${sql.lit(ADVISORY_LOCKS.namespace)}, ${sql.lit(ADVISORY_LOCKS.eventIds)})`.execute(trx);
}

/** Inserts many events in one transaction, with multi-row INSERTs (the write path without the SQLite connection). */
export async function insertEvents(db: Db, rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await serializeEventIds(trx);
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await trx
        .insertInto('events')
        .values(rows.slice(i, i + ROWS_PER_STATEMENT))
        .execute();
    }
  });
}

/** A visitor's latest event, as sessions need it. */
export interface LastEvent {
  visitor: string;
  session: string;
  created_at: string;
}

/**
 * Each visitor's latest event from `since` up to `until` (events_created), so sessions
 * still open when the server starts can continue. Rows come in time order and the latest
 * per visitor wins here rather than in SQL, which keeps the query portable.
 */
export async function recentSessions(db: Db, since: string, until: string): Promise<LastEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['visitor', 'session', 'created_at'])
    .where('created_at', '>=', since)
    .where('created_at', '<=', until)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const latest = new Map<string, LastEvent>();
  for (const row of rows) latest.set(row.visitor, row);
  return [...latest.values()];
}

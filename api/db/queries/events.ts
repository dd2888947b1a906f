/** Usage events (docs/design.md §3), written in batches. */
import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { Db } from '../index.ts';
import type { EventsTable } from '../schema.ts';
import { prepareFromKysely } from '../driver/prepared.ts';

export type EventRow = Insertable<EventsTable>;

// SQLite allows 32,766 bound parameters per statement; 16 columns × 1,000 rows stays below.
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
 * fast path with the SQLite connection, plain Kysely without.
 */
export function eventWriter(db: Db, sqlite?: SQLite.Database): (rows: EventRow[]) => Promise<void> {
  if (!sqlite) return (rows) => insertEvents(db, rows);
  const { statement, params } = prepareFromKysely(sqlite, EVENT_KEYS, (s) => db.insertInto('events').values(s as unknown as EventRow));
  const insertAll = sqlite.transaction((rows: EventRow[]) => {
    for (const row of rows) statement.run(params(row as Record<(typeof EVENT_KEYS)[number], unknown>));
  });
  return async (rows) => insertAll(rows);
}

/** Inserts many events in one transaction. */
export async function insertEvents(db: Db, rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
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

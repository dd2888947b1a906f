/** Usage events (DESIGN.md §3), written in batches. */
import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { Db } from './index.ts';
import type { EventsTable } from './schema.ts';
import { prepareFromKysely } from './prepared.ts';

export type EventRow = Insertable<EventsTable>;

// SQLite allows 32,766 bound parameters per statement; 16 columns × 1,000 rows stays below.
const ROWS_PER_STATEMENT = 1000;

const EVENT_KEYS = ['type', 'visitor', 'session', 'created_at', 'lang', 'article', 'path', 'referrer', 'query', 'query_norm', 'results', 'rank', 'filters', 'articles', 'ticket_ref'] as const;

/**
 * Returns a function that inserts a batch of events in one transaction: the prepared
 * fast path with the SQLite connection, plain Kysely without.
 */
export function eventWriter(db: Db, sqlite?: SQLite.Database): (rows: EventRow[]) => Promise<void> {
  if (!sqlite) return (rows) => insertEvents(db, rows);
  const { statement, params } = prepareFromKysely(sqlite, EVENT_KEYS, (s) => db.insertInto('events').values(s as unknown as EventRow));
  const insertAll = sqlite.transaction((rows: EventRow[]) => {
    for (const row of rows) statement.run(params(row as Record<(typeof EVENT_KEYS)[number], unknown>).map((v) => v ?? null));
  });
  return async (rows) => insertAll(rows);
}

/** Inserts many events in one transaction. */
export async function insertEvents(db: Db, rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await trx.insertInto('events').values(rows.slice(i, i + ROWS_PER_STATEMENT)).execute();
    }
  });
}

/** The visitor's latest event at or before `before`, to continue its session. */
function lastEventQuery(db: Db, visitor: string, before: string) {
  return db
    .selectFrom('events')
    .select(['session', 'created_at'])
    .where('visitor', '=', visitor)
    .where('created_at', '<=', before)
    .orderBy('created_at', 'desc')
    .limit(1);
}

export type LastEventLookup = (visitor: string, before: string) => Promise<{ session: string; created_at: string } | undefined>;

/**
 * The look-up sessions fall back to for a visitor not seen since the server started (every
 * new visitor): the prepared fast path with the SQLite connection, plain Kysely without.
 */
export function lastEventLookup(db: Db, sqlite?: SQLite.Database): LastEventLookup {
  if (!sqlite) return (visitor, before) => lastEventQuery(db, visitor, before).executeTakeFirst();
  const { statement, params } = prepareFromKysely(sqlite, ['visitor', 'before'] as const, (s) => lastEventQuery(db, s.visitor, s.before));
  return async (visitor, before) => statement.get(params({ visitor, before })) as { session: string; created_at: string } | undefined;
}

/** Usage events (DESIGN.md §3), written in batches. */
import type { Insertable } from 'kysely';
import type { Db } from './index.ts';
import type { EventsTable } from './schema.ts';

export type EventRow = Insertable<EventsTable>;

// SQLite allows 32,766 bound parameters per statement; 16 columns × 1,000 rows stays below.
const ROWS_PER_STATEMENT = 1000;

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
export async function lastEventOfVisitor(db: Db, visitor: string, before: string) {
  return db
    .selectFrom('events')
    .select(['session', 'created_at'])
    .where('visitor', '=', visitor)
    .where('created_at', '<=', before)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

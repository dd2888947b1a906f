/**
 * Event ids become visible in increasing order on PostgreSQL, so the roll-ups, which fold
 * events in by id (rollups.ts), never skip one. Identity values are handed out at insert time:
 * without serializeEventIds, a replica could commit id 2 while another still held id 1
 * uncommitted, a catch-up would fold 2 and move its watermark past 1, and event 1 would never
 * be counted. PostgreSQL only (vitest.config.ts POSTGRES_ONLY): SQLite has one writer at a time.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, type PostgresDatabase } from '../../api/db/index.ts';
import { insertEvents, recordEvents, serializeEventIds, type EventRow } from '../../api/db/queries/events.ts';
import { catchUpRollups } from '../../api/db/queries/rollups.ts';
import { freshDatabase, queryRows, queryValue } from '../support/database.ts';

const view = (visitor: string): EventRow => ({
  type: 'page_view',
  visitor,
  session: `session-${visitor}`,
  created_at: '2026-11-27T10:00:00.000Z',
  lang: 'en',
  article: 'en/a',
});

/** Waits for a state of the database (not for a time); fails after a generous deadline. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The two ways a replica inserts events: with sessions given (the seed), and as the server records them (kb_record_events). */
const writers = {
  insertEvents: (db: PostgresDatabase['db'], row: EventRow) => insertEvents(db, [row]),
  recordEvents: (db: PostgresDatabase['db'], { session, ...row }: EventRow) =>
    recordEvents(db, [{ claim: { visitor: row.visitor, session, at: Date.parse(row.created_at) }, rows: [row] }]),
};

describe('event ids on PostgreSQL', () => {
  it.each(Object.keys(writers) as Array<keyof typeof writers>)(
    'commit in increasing order across replicas, so a catch-up between them skips no event (%s)',
    async (writer) => {
      const first = (await freshDatabase()) as PostgresDatabase;
      // A second pool on the same database: another replica.
      const second = openDatabase({ url: first.pool.options.connectionString!, poolSize: 1 });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      try {
        let inserted!: () => void;
        const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
        // Replica 1 inserts an event (it takes id 1) and has not committed yet.
        const firstWrite = first.db.transaction().execute(async (trx) => {
          await serializeEventIds(trx);
          await trx.insertInto('events').values(view('one')).execute();
          inserted();
          await held;
        });
        await firstInserted;
        // Replica 2's insert waits for replica 1's commit instead of taking id 2 and committing first.
        const secondWrite = writers[writer](second.db, view('two'));
        await until(
          async () => (await queryValue(first.db, "select count(*) from pg_locks where locktype = 'advisory' and not granted")) === 1,
          "replica 2 waits for replica 1's lock",
        );
        expect(await queryValue(first.db, 'select count(*) from events')).toBe(0);
        // A catch-up now folds nothing and leaves its watermark where it was (the lease row at 0).
        await catchUpRollups(first.db);
        expect(await queryRows(first.db, "select value from settings where key = 'rollups.event_watermark'")).toEqual([{ value: '0' }]);
        release();
        await firstWrite;
        await secondWrite;
        expect(await queryRows(first.db, 'select id, visitor from events order by id')).toEqual([
          { id: 1, visitor: 'one' },
          { id: 2, visitor: 'two' },
        ]);
        await catchUpRollups(first.db);
        expect(await queryValue(first.db, 'select sum(views) from metric_view_days')).toBe(2);
      } finally {
        release();
        await second.close();
      }
    },
  );
});

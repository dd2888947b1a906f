/**
 * The SQLite driver lets the event loop turn between queries, except inside a transaction.
 * SQLite only (vitest.config.ts SQLITE_ONLY): better-sqlite3 answers synchronously, while the
 * PostgreSQL driver waits for the server's answer on the event loop like any socket.
 */
import { describe, expect, it } from 'vitest';
import { migratedDatabase } from '../support/database.ts';

/** Counts event-loop turns (setImmediate callbacks) until stopped. */
function turnCounter() {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { turns: () => turns, stop: () => (running = false) };
}

describe('the yielding SQLite driver', () => {
  it('lets the event loop turn before each query outside a transaction', async () => {
    const { db } = await migratedDatabase();
    const counter = turnCounter();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      await db.selectFrom('settings').selectAll().execute();
      seen.push(counter.turns());
    }
    counter.stop();
    // Each query waited for a turn, so the counter moved between every two of them.
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
  });

  it('never yields inside a transaction, so no other write can land in it', async () => {
    const { db } = await migratedDatabase();
    const seen: number[] = [];
    let counter: ReturnType<typeof turnCounter> | undefined;
    await db.transaction().execute(async (trx) => {
      counter = turnCounter();
      for (let i = 0; i < 5; i++) {
        await trx
          .insertInto('settings')
          .values({ key: `k${i}`, value: 'v', updated_at: '2026-11-27T00:00:00Z' })
          .execute();
        seen.push(counter.turns());
      }
    });
    counter!.stop();
    expect(new Set(seen).size).toBe(1);
    expect(await db.selectFrom('settings').select('key').where('key', 'like', 'k%').execute()).toHaveLength(5);
  });
});

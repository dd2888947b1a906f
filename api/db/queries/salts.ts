/**
 * The daily visitor salt (docs/design.md §2): random, one per UTC day, shared by every API
 * replica through the database, deleted after 48 hours so yesterday's visitor ids can no
 * longer be recomputed.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../index.ts';

/** Returns the salt of `day`, creating it when this is the first request of the day. */
export async function saltForDay(db: Db, day: string, now: Date): Promise<string> {
  const existing = await db.selectFrom('visitor_salts').select('salt').where('day', '=', day).executeTakeFirst();
  if (existing) return existing.salt;
  // Another replica may create it at the same moment: insert-or-ignore, then read the winner.
  await db
    .insertInto('visitor_salts')
    .values({ day, salt: randomBytes(32).toString('hex'), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const created = await db.selectFrom('visitor_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return created.salt;
}

/** Deletes salts older than 48 hours. */
export async function pruneSalts(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 48 * 3600_000).toISOString();
  const result = await db.deleteFrom('visitor_salts').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

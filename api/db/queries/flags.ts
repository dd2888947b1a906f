/** Agents' flags on articles (issue 17, migration 0013): raise, list, close. */
import type { Selectable } from 'kysely';
import type { Db } from '../index.ts';
import type { ArticleFlagsTable } from '../schema.ts';

export type FlagRow = Selectable<ArticleFlagsTable>;

/** Stores a new open flag; returns it. */
export async function insertFlag(
  db: Db,
  flag: { article: string; reason: string; note: string | null; ticket: string | null; createdBy: string },
  now: Date,
): Promise<FlagRow> {
  return db
    .insertInto('article_flags')
    .values({
      article: flag.article,
      reason: flag.reason,
      note: flag.note,
      ticket: flag.ticket,
      status: 'open',
      created_at: now.toISOString(),
      created_by: flag.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Flags of one status, of one article or all; oldest first (the longest open at the top). */
export async function listFlags(db: Db, status: string, article?: string): Promise<FlagRow[]> {
  let query = db.selectFrom('article_flags').selectAll().where('status', '=', status);
  if (article !== undefined) query = query.where('article', '=', article);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** One flag by id, or undefined. */
export async function findFlag(db: Db, id: number): Promise<FlagRow | undefined> {
  return db.selectFrom('article_flags').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Closes an open flag; returns the closed row, or undefined when it was not open (already closed or unknown). */
export async function closeFlag(
  db: Db,
  id: number,
  closing: { how: string; note: string | null; closedBy: string },
  now: Date,
): Promise<FlagRow | undefined> {
  return db
    .updateTable('article_flags')
    .set({ status: 'closed', closed_at: now.toISOString(), closed_by: closing.closedBy, closed_how: closing.how, close_note: closing.note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Every flag raised before `end` that was still open at some time after `start` (content health's window). */
export async function flagsOpenDuring(db: Db, start: string, end: string): Promise<FlagRow[]> {
  return db
    .selectFrom('article_flags')
    .selectAll()
    .where('created_at', '<', end)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', start)]))
    .orderBy('id')
    .execute();
}

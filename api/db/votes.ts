/** Helpfulness votes: one per visitor per article per UTC day; a re-vote replaces it. */
import { sql } from 'kysely';
import type { Db } from './index.ts';

export interface VoteRow {
  article: string;
  visitor: string;
  day: string;
  helpful: boolean;
  reason: string | null;
  comment: string | null;
  lang: string | null;
  at: string;
}

/**
 * Stores votes in one transaction. Returns for each whether it was new (`created`) or
 * replaced the visitor's earlier vote of the day (`replaced`).
 */
export async function upsertVotes(db: Db, votes: VoteRow[]): Promise<Array<'created' | 'replaced'>> {
  return db.transaction().execute(async (trx) => {
    const outcomes: Array<'created' | 'replaced'> = [];
    for (const v of votes) {
      const row = await trx
        .insertInto('votes')
        .values({ article: v.article, visitor: v.visitor, day: v.day, helpful: v.helpful ? 1 : 0, reason: v.reason, comment: v.comment, lang: v.lang, created_at: v.at, updated_at: v.at })
        .onConflict((oc) =>
          oc.columns(['visitor', 'article', 'day']).doUpdateSet({
            helpful: (eb) => eb.ref('excluded.helpful'),
            reason: (eb) => eb.ref('excluded.reason'),
            comment: (eb) => eb.ref('excluded.comment'),
            lang: (eb) => eb.ref('excluded.lang'),
            updated_at: (eb) => eb.ref('excluded.updated_at'),
            revision: sql`votes.revision + 1`,
          }),
        )
        .returning('revision')
        .executeTakeFirstOrThrow();
      outcomes.push(row.revision === 1 ? 'created' : 'replaced');
    }
    return outcomes;
  });
}

/** Helpful and not-helpful counts of one article, all time. */
export async function voteCounts(db: Db, article: string): Promise<{ helpful: number; notHelpful: number }> {
  const row = await db
    .selectFrom('votes')
    .select([sql<number>`coalesce(sum(helpful), 0)`.as('helpful'), sql<number>`count(*) - coalesce(sum(helpful), 0)`.as('notHelpful')])
    .where('article', '=', article)
    .executeTakeFirstOrThrow();
  return { helpful: Number(row.helpful), notHelpful: Number(row.notHelpful) };
}

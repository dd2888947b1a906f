/** Helpfulness votes: one per visitor per article per UTC day; a re-vote replaces it. */
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../index.ts';
import { prepareFromKysely } from '../driver/prepared.ts';

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

const VOTE_KEYS = ['article', 'visitor', 'day', 'helpful', 'reason', 'comment', 'lang', 'at'] as const;
type VoteValues = Record<(typeof VOTE_KEYS)[number], unknown>;

/** The one definition of the vote upsert, for both write paths. */
function voteUpsert(db: Db, v: VoteValues) {
  return db
    .insertInto('votes')
    .values({
      article: v.article as string,
      visitor: v.visitor as string,
      day: v.day as string,
      helpful: v.helpful as number,
      reason: v.reason as string | null,
      comment: v.comment as string | null,
      lang: v.lang as string | null,
      created_at: v.at as string,
      updated_at: v.at as string,
    })
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
    .returning('revision');
}

const valuesOf = (v: VoteRow): VoteValues => ({ ...v, helpful: v.helpful ? 1 : 0 });
const outcome = (revision: number) => (revision === 1 ? 'created' : 'replaced') as 'created' | 'replaced';

/**
 * Returns a function that stores a batch of votes in one transaction and tells for each
 * whether it was new (`created`) or replaced the visitor's earlier vote of the day. With
 * the SQLite connection it runs the prepared fast path; without, plain Kysely.
 */
export function voteWriter(db: Db, sqlite?: SQLite.Database): (votes: VoteRow[]) => Promise<Array<'created' | 'replaced'>> {
  if (!sqlite) return (votes) => upsertVotes(db, votes);
  const { statement, params } = prepareFromKysely(sqlite, VOTE_KEYS, (s) => voteUpsert(db, s));
  const writeAll = sqlite.transaction((votes: VoteRow[]) =>
    votes.map((v) => outcome((statement.get(params(valuesOf(v))) as { revision: number }).revision)),
  );
  return async (votes) => writeAll(votes);
}

/** Stores votes in one transaction through Kysely (the portable path). */
export async function upsertVotes(db: Db, votes: VoteRow[]): Promise<Array<'created' | 'replaced'>> {
  return db.transaction().execute(async (trx) => {
    const outcomes: Array<'created' | 'replaced'> = [];
    for (const v of votes) {
      const row = await voteUpsert(trx as unknown as Db, valuesOf(v)).executeTakeFirstOrThrow();
      outcomes.push(outcome(row.revision));
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

/** Helpfulness votes: one per visitor per article per UTC day; a re-vote replaces it. */
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../index.ts';
import { isPostgres } from '../dialect.ts';
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

/** Bound values per statement stay far below PostgreSQL's 65,535 (9 per vote). */
const VOTES_PER_STATEMENT = 1000;

const voteValues = (v: VoteValues) => ({
  article: v.article as string,
  visitor: v.visitor as string,
  day: v.day as string,
  helpful: v.helpful as number,
  reason: v.reason as string | null,
  comment: v.comment as string | null,
  lang: v.lang as string | null,
  created_at: v.at as string,
  updated_at: v.at as string,
});

/** The one definition of the vote upsert (of one vote or several distinct ones), for every write path. */
function voteUpsert(db: Db, v: VoteValues | VoteValues[]) {
  return db
    .insertInto('votes')
    .values(Array.isArray(v) ? v.map(voteValues) : voteValues(v))
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
 * the SQLite connection it runs the prepared fast path; on PostgreSQL, multi-row upserts
 * (one round trip for the batch instead of one per vote); otherwise plain Kysely per vote.
 */
export function voteWriter(db: Db, sqlite?: SQLite.Database): (votes: VoteRow[]) => Promise<Array<'created' | 'replaced'>> {
  if (!sqlite) return isPostgres(db) ? (votes) => upsertVoteBatch(db, votes) : (votes) => upsertVotes(db, votes);
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

const keyOf = (v: { visitor: string; article: string; day: string }) => `${v.visitor}\u0000${v.article}\u0000${v.day}`;

/**
 * Stores votes in one transaction with multi-row upserts. One statement may not touch a row
 * twice (PostgreSQL refuses: "ON CONFLICT DO UPDATE command cannot affect row a second
 * time"), so a batch in which a visitor re-votes is written in rounds: each round holds a
 * key at most once, and a later vote of the same key goes into a later round, in order.
 * Outcomes are matched to votes by key, not by the order of RETURNING. Each round is written
 * in key order, so two replicas upserting overlapping batches lock their rows in the same
 * order and cannot deadlock (a later round only touches rows its first round locked).
 */
export async function upsertVoteBatch(db: Db, votes: VoteRow[]): Promise<Array<'created' | 'replaced'>> {
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  votes.forEach((v, i) => {
    const key = keyOf(v);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(i);
  });
  for (const round of rounds) round.sort((a, b) => (keyOf(votes[a]!) < keyOf(votes[b]!) ? -1 : 1));
  return db.transaction().execute(async (trx) => {
    const outcomes: Array<'created' | 'replaced'> = new Array(votes.length);
    for (const round of rounds) {
      for (let i = 0; i < round.length; i += VOTES_PER_STATEMENT) {
        const slice = round.slice(i, i + VOTES_PER_STATEMENT);
        const rows = await voteUpsert(
          trx as unknown as Db,
          slice.map((j) => valuesOf(votes[j]!)),
        )
          .returning(['visitor', 'article', 'day'])
          .execute();
        const revisions = new Map(rows.map((r) => [keyOf(r), r.revision]));
        for (const j of slice) outcomes[j] = outcome(revisions.get(keyOf(votes[j]!))!);
      }
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

/**
 * The customers' vote comments as staff read them (issue 17): every vote with a comment, with
 * whether its current revision has been handled (migration 0013's vote_comments_handled).
 */
import type { Db } from '../index.ts';

export interface VoteCommentRow {
  id: number;
  article: string;
  helpful: boolean;
  reason: string | null;
  comment: string;
  lang: string | null;
  at: string;
  handledAt: string | null;
  handledBy: string | null;
}

/**
 * Comments of one article or all, unhelpful first and newest first within each (the ones
 * that say what is wrong, while they are fresh). `handled` filters; undefined takes both.
 */
export async function listVoteComments(
  db: Db,
  filter: { article?: string | undefined; handled?: boolean | undefined; limit: number },
): Promise<VoteCommentRow[]> {
  let query = db
    .selectFrom('votes')
    .leftJoin('vote_comments_handled as h', (join) => join.onRef('h.vote_id', '=', 'votes.id').onRef('h.revision', '=', 'votes.revision'))
    .select([
      'votes.id',
      'votes.article',
      'votes.helpful',
      'votes.reason',
      'votes.comment',
      'votes.lang',
      'votes.updated_at',
      'h.handled_at',
      'h.handled_by',
    ])
    .where('votes.comment', 'is not', null)
    .where('votes.comment', '!=', '');
  if (filter.article !== undefined) query = query.where('votes.article', '=', filter.article);
  if (filter.handled === true) query = query.where('h.handled_at', 'is not', null);
  if (filter.handled === false) query = query.where('h.handled_at', 'is', null);
  const rows = await query
    .orderBy('votes.helpful')
    .orderBy('votes.updated_at', 'desc')
    .orderBy('votes.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    article: r.article,
    helpful: Number(r.helpful) === 1,
    reason: r.reason,
    comment: r.comment ?? '',
    lang: r.lang,
    at: r.updated_at,
    handledAt: r.handled_at ?? null,
    handledBy: r.handled_by ?? null,
  }));
}

/** The vote's current revision when it has a comment, else undefined. */
export async function commentRevision(db: Db, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('votes')
    .select('revision')
    .where('id', '=', id)
    .where('comment', 'is not', null)
    .where('comment', '!=', '')
    .executeTakeFirst();
  return row ? Number(row.revision) : undefined;
}

/** Marks the given revision of a vote's comment handled; an earlier mark is replaced. */
export async function markCommentHandled(db: Db, id: number, revision: number, by: string, now: Date): Promise<void> {
  await db
    .insertInto('vote_comments_handled')
    .values({ vote_id: id, revision, handled_at: now.toISOString(), handled_by: by })
    .onConflict((oc) =>
      oc.column('vote_id').doUpdateSet({
        revision: (eb) => eb.ref('excluded.revision'),
        handled_at: (eb) => eb.ref('excluded.handled_at'),
        handled_by: (eb) => eb.ref('excluded.handled_by'),
      }),
    )
    .execute();
}

/**
 * The helpfulness metrics' queries over votes (docs/design.md §4). A vote is dated by its first
 * cast (`created_at`; a same-day re-vote replaces its answer, not its date). Every query
 * ranges over created_at and reads only the columns of the covering index
 * votes_created_covering (created_at, article, helpful, reason; migration 0006), and
 * aggregates in SQL: 100,000 votes come back as a few hundred rows. Queries run in time
 * slices (metrics-slices.ts) so no single synchronous SQLite call holds the event loop long;
 * a bucket cut by a slice boundary comes back twice and callers add the rows up.
 */
import { sql } from 'kysely';
import type { Lang } from '../../../core/content/article.ts';
import type { Db } from '../index.ts';
import { querySliced, type TimeRange } from './metrics-slices.ts';
import { startsWith } from './prefix.ts';

/** Which votes a metric counts. */
export interface VoteFilter extends TimeRange {
  /** Votes on articles of this language (the article id starts with it). */
  lang?: Lang | undefined;
  /** Only votes on these articles (the topic filter, resolved against the catalog); undefined = all. */
  articles?: readonly string[] | undefined;
}

/** The grouping key of a UTC bucket: the first `prefixLength` characters of the ISO time (13 = hour). */
const bucketOf = (prefixLength: number) => sql<string>`substr(created_at, 1, ${sql.lit(prefixLength)})`;

function votesIn(db: Db, filter: VoteFilter, slice: TimeRange) {
  let query = db.selectFrom('votes').where('created_at', '>=', slice.start).where('created_at', '<', slice.end);
  if (filter.lang) query = query.where(startsWith('article', `${filter.lang}/`));
  if (filter.articles) query = query.where('article', 'in', filter.articles);
  return query;
}

const isEmptySelection = (filter: VoteFilter) => filter.articles !== undefined && filter.articles.length === 0;

/** Votes and helpful votes per UTC bucket (see period.ts periodBuckets). */
export async function voteCountsByBucket(
  db: Db,
  filter: VoteFilter,
  prefixLength: number,
): Promise<Array<{ bucket: string; votes: number; helpful: number }>> {
  if (isEmptySelection(filter)) return [];
  const rows = await querySliced(
    filter,
    (slice) =>
      votesIn(db, filter, slice)
        .select([bucketOf(prefixLength).as('bucket'), sql<number>`count(*)`.as('votes'), sql<number>`sum(helpful)`.as('helpful')])
        .groupBy('bucket')
        .execute(),
    db,
  );
  return rows.map((r) => ({ bucket: r.bucket, votes: Number(r.votes), helpful: Number(r.helpful) }));
}

/** Votes and helpful votes per article. */
export async function voteCountsByArticle(db: Db, filter: VoteFilter): Promise<Array<{ article: string; votes: number; helpful: number }>> {
  if (isEmptySelection(filter)) return [];
  // Grouped by (article, helpful), not article alone: grouping by article tempts the planner to walk
  // the unique (article, day, visitor) index over every vote ever cast, with a table look-up each,
  // to save a sort; no index gives (article, helpful) order, so the created_at range is used.
  const rows = await querySliced(
    filter,
    (slice) =>
      votesIn(db, filter, slice)
        .select(['article', 'helpful', sql<number>`count(*)`.as('votes')])
        .groupBy(['article', 'helpful'])
        .execute(),
    db,
  );
  const byArticle = new Map<string, { article: string; votes: number; helpful: number }>();
  for (const r of rows) {
    let counts = byArticle.get(r.article);
    if (!counts) byArticle.set(r.article, (counts = { article: r.article, votes: 0, helpful: 0 }));
    counts.votes += Number(r.votes);
    if (Number(r.helpful) === 1) counts.helpful += Number(r.votes);
  }
  return [...byArticle.values()];
}

/** Not-helpful votes per UTC bucket and reason (null = no reason given). */
export async function notHelpfulReasonsByBucket(
  db: Db,
  filter: VoteFilter,
  prefixLength: number,
): Promise<Array<{ bucket: string; reason: string | null; votes: number }>> {
  if (isEmptySelection(filter)) return [];
  const rows = await querySliced(
    filter,
    (slice) =>
      votesIn(db, filter, slice)
        // A literal, not a parameter: it is the condition of the partial index votes_not_helpful_created (migration 0020).
        .where('helpful', '=', sql.lit(0))
        .select([bucketOf(prefixLength).as('bucket'), 'reason', sql<number>`count(*)`.as('votes')])
        .groupBy(['bucket', 'reason'])
        .execute(),
    db,
  );
  return rows.map((r) => ({ bucket: r.bucket, reason: r.reason, votes: Number(r.votes) }));
}

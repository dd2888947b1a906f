/**
 * A partial index of the not-helpful votes by time, for the vote-reasons metric
 * (docs/design.md §4; api/db/queries/metrics-votes.ts notHelpfulReasonsByBucket). That metric
 * read votes_created_covering over every vote of the period and dropped the helpful ones
 * entry by entry; this index holds only the not-helpful quarter or so, with the reason, so an
 * index-only scan reads about a seventh of the pages (30 days of the bench's 100 k votes:
 * 35 pages instead of 252 on PostgreSQL). The query states `helpful = 0` as a literal so that
 * SQLite, which matches a partial index's condition when it prepares a statement, uses it too.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('votes_not_helpful_created')
    .on('votes')
    .columns(['created_at', 'reason'])
    .where(sql.ref('helpful'), '=', sql.lit(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('votes_not_helpful_created').execute();
}

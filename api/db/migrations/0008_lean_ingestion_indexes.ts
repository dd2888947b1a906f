/**
 * Fewer indexes on the hot write paths (issue #3's throughput). Every secondary index is
 * one more B-tree leaf page each insert touches and each commit writes to the WAL.
 * - votes: the unique key is reordered to (article, day, visitor); it still enforces one
 *   vote per visitor per article per day, and now also serves the per-article summary,
 *   so votes_article_created is dropped.
 * - events: events_type_created is dropped. The metrics read the roll-ups (0005), which
 *   fold events in by id (the rowid) and by session, so nothing reads events by type.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('votes_article_day_visitor').unique().on('votes').columns(['article', 'day', 'visitor']).execute();
  await db.schema.dropIndex('votes_visitor_article_day').execute();
  await db.schema.dropIndex('votes_article_created').execute();
  await db.schema.dropIndex('events_type_created').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_type_created').on('events').columns(['type', 'created_at']).execute();
  await db.schema.createIndex('votes_article_created').on('votes').columns(['article', 'created_at']).execute();
  await db.schema.createIndex('votes_visitor_article_day').unique().on('votes').columns(['visitor', 'article', 'day']).execute();
  await db.schema.dropIndex('votes_article_day_visitor').execute();
}

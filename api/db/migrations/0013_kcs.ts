/**
 * The KCS solve loop (issue 17): agents flag articles that are wrong, and mark the customers'
 * vote comments as handled.
 *
 * `article_flags`: one row per flag; closing it records how and who. The flags page lists the
 * open flags of one article or of all (`article_flags_open`: status, then article).
 * `vote_comments_handled`: which revision of a vote's comment an agent has handled. Keyed by
 * the vote and its revision, so a re-vote the same day (a new comment) is unhandled again
 * without touching the votes hot path.
 */
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';
import { rowId, text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_flags')
    .addColumn('id', ...rowId(db, { autoIncrement: true }))
    .addColumn('article', text(db), (c) => c.notNull())
    /** outdated | incorrect | incomplete | duplicate | unclear */
    .addColumn('reason', text(db), (c) => c.notNull())
    .addColumn('note', text(db))
    /** open | closed */
    .addColumn('status', text(db), (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    /** The staff member's name (account or token). */
    .addColumn('created_by', text(db), (c) => c.notNull())
    /** A ticket the flag was raised from, `<source>:<id>`, when there was one. */
    .addColumn('ticket', text(db))
    .addColumn('closed_at', text(db))
    .addColumn('closed_by', text(db))
    /** fixed | dismissed */
    .addColumn('closed_how', text(db))
    .addColumn('close_note', text(db))
    .execute();
  // GET /api/flags?status=open[&article=]: open flags, per article.
  await db.schema.createIndex('article_flags_open').on('article_flags').columns(['status', 'article', 'created_at']).execute();

  await db.schema
    .createTable('vote_comments_handled')
    .addColumn('vote_id', isPostgres(db) ? 'bigint' : 'integer', (c) => c.primaryKey())
    /** The vote's revision whose comment was handled. */
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('handled_at', text(db), (c) => c.notNull())
    .addColumn('handled_by', text(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('vote_comments_handled').execute();
  await db.schema.dropTable('article_flags').execute();
}

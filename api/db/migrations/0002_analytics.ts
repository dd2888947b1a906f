/**
 * Votes, usage events, drop counts, the daily visitor salts and staff tokens
 * (docs/design.md §2–3). Indexes follow the queries in api/db/*.ts.
 */
import type { Kysely } from 'kysely';
import { rowId, text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('votes')
    // Plain rowid keys, not AUTOINCREMENT: that would update sqlite_sequence on every insert.
    .addColumn('id', ...rowId(db))
    .addColumn('article', text(db), (c) => c.notNull())
    .addColumn('visitor', text(db), (c) => c.notNull())
    // UTC day of the vote: one vote per visitor per article per day.
    .addColumn('day', text(db), (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('reason', text(db))
    .addColumn('comment', text(db))
    .addColumn('lang', text(db))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text(db), (c) => c.notNull())
    .addColumn('updated_at', text(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('votes_visitor_article_day').unique().on('votes').columns(['visitor', 'article', 'day']).execute();
  await db.schema.createIndex('votes_article_created').on('votes').columns(['article', 'created_at']).execute();
  await db.schema.createIndex('votes_created').on('votes').column('created_at').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', ...rowId(db))
    .addColumn('type', text(db), (c) => c.notNull())
    .addColumn('visitor', text(db), (c) => c.notNull())
    .addColumn('session', text(db), (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    .addColumn('lang', text(db))
    .addColumn('article', text(db))
    .addColumn('path', text(db))
    .addColumn('referrer', text(db))
    .addColumn('query', text(db))
    // NFKC, case-folded, whitespace-collapsed query, as the search metrics group it.
    .addColumn('query_norm', text(db))
    .addColumn('results', 'integer')
    .addColumn('rank', 'integer')
    .addColumn('filters', text(db))
    .addColumn('articles', text(db))
    .addColumn('ticket_ref', text(db))
    .execute();
  await db.schema.createIndex('events_type_created').on('events').columns(['type', 'created_at']).execute();
  await db.schema.createIndex('events_session').on('events').columns(['session', 'created_at']).execute();
  await db.schema.createIndex('events_visitor_created').on('events').columns(['visitor', 'created_at']).execute();

  await db.schema
    .createTable('drop_counts')
    .addColumn('day', text(db), (c) => c.notNull())
    .addColumn('reason', text(db), (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('drop_counts_pk', ['day', 'reason'])
    .execute();

  await db.schema
    .createTable('visitor_salts')
    .addColumn('day', text(db), (c) => c.primaryKey())
    .addColumn('salt', text(db), (c) => c.notNull())
    .addColumn('created_at', text(db), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_tokens')
    .addColumn('id', ...rowId(db, { autoIncrement: true }))
    .addColumn('name', text(db), (c) => c.notNull())
    .addColumn('role', text(db), (c) => c.notNull())
    // SHA-256 of the token; the token itself is shown once and never stored.
    .addColumn('token_hash', text(db), (c) => c.notNull().unique())
    .addColumn('created_at', text(db), (c) => c.notNull())
    .addColumn('last_used_at', text(db))
    .addColumn('revoked_at', text(db))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['staff_tokens', 'visitor_salts', 'drop_counts', 'events', 'votes']) await db.schema.dropTable(table).execute();
}

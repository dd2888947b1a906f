/**
 * Metric roll-ups (issue #5): the self-service and search metrics read these small tables
 * instead of grouping the raw `events` (a live GROUP BY over 1,000,000 events blocked the
 * event loop 75–105 ms per request). api/db/queries/rollups.ts keeps them up to date.
 *
 * Why quarter-hour buckets (`bucket` = floor(epoch ms / 900,000)): every time zone in use is
 * a whole number of quarter hours from UTC (period.ts rejects the others), so any report time
 * zone's local midnights fall on bucket boundaries and local days are exact sums of buckets.
 * Tables keyed by query or article also keep whole UTC days (`day` = floor(bucket / 96)), so
 * a long range reads whole days plus at most two partial days of quarter hours.
 * `lang` is '' when the event had none (a primary key column cannot be null portably).
 */
import type { Kysely } from 'kysely';
import { text } from './columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Sessions by the bucket and lang of their first event (self-service score).
  await db.schema
    .createTable('metric_session_buckets')
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('lang', text(db), (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_session_buckets_pk', ['bucket', 'lang'])
    .execute();
  // Contact sessions by the bucket of their first contact_view and the session's lang (deflection).
  await db.schema
    .createTable('metric_contact_buckets')
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('lang', text(db), (c) => c.notNull())
    .addColumn('contact_sessions', 'integer', (c) => c.notNull())
    .addColumn('explicit', 'integer', (c) => c.notNull())
    .addColumn('implicit', 'integer', (c) => c.notNull())
    .addColumn('submitted', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_contact_buckets_pk', ['bucket', 'lang'])
    .execute();
  // Searches by bucket and the search's lang (no-result rate, click-through).
  await db.schema
    .createTable('metric_search_buckets')
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('lang', text(db), (c) => c.notNull())
    .addColumn('searches', 'integer', (c) => c.notNull())
    .addColumn('no_result', 'integer', (c) => c.notNull())
    .addColumn('clicked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_search_buckets_pk', ['bucket', 'lang'])
    .execute();
  // Searches per normalised query (top searches), in quarter hours and in whole UTC days.
  for (const [table, key] of [
    ['metric_query_quarters', 'bucket'],
    ['metric_query_days', 'day'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(key, 'integer', (c) => c.notNull())
      .addColumn('lang', text(db), (c) => c.notNull())
      .addColumn('query_norm', text(db), (c) => c.notNull())
      .addColumn('searches', 'integer', (c) => c.notNull())
      .addColumn('no_result', 'integer', (c) => c.notNull())
      .addColumn('clicked', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [key, 'lang', 'query_norm'])
      .execute();
  }
  // Page views per article (articleViews), in quarter hours and in whole UTC days.
  for (const [table, key] of [
    ['metric_view_quarters', 'bucket'],
    ['metric_view_days', 'day'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(key, 'integer', (c) => c.notNull())
      .addColumn('article', text(db), (c) => c.notNull())
      .addColumn('lang', text(db), (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [key, 'article', 'lang'])
      .execute();
  }
  // requesterCount(): distinct requesters of the tickets created in a period, read from the index alone.
  await db.schema.createIndex('tickets_created_requester').on('tickets').columns(['created_at', 'lang', 'topic', 'requester']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_created_requester').execute();
  for (const table of [
    'metric_view_days',
    'metric_view_quarters',
    'metric_query_days',
    'metric_query_quarters',
    'metric_search_buckets',
    'metric_contact_buckets',
    'metric_session_buckets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db
    .deleteFrom('settings' as never)
    .where('key' as never, '=', 'rollups.event_watermark' as never)
    .execute();
}

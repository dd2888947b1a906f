/**
 * Sessions in the database (issue 13, stateless replicas; docs/design.md §2 and §6): one row
 * per visitor with the session it is in and when its last event arrived. Every replica that
 * records a visitor's events upserts this row in the same transaction as the events, so a
 * visitor whose requests alternate between replicas stays in one session.
 *
 * Sessions still open when this migration runs are carried over: each visitor's latest event
 * of the 30 minutes before the newest stored event becomes its row.
 */
import type { Kysely } from 'kysely';
import { text } from './columns.ts';
import { isPostgres } from '../dialect.ts';

const GAP_MS = 30 * 60_000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visitor_sessions')
    .addColumn('visitor', text(db), (c) => c.primaryKey())
    .addColumn('session', text(db), (c) => c.notNull())
    // Milliseconds since the epoch of the visitor's latest event (bigint: beyond 2^31).
    .addColumn('last_seen_ms', isPostgres(db) ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();

  const typed = db as Kysely<{
    events: { id: number; visitor: string; session: string; created_at: string };
    visitor_sessions: { visitor: string; session: string; last_seen_ms: number };
  }>;
  const newest = await typed.selectFrom('events').select('created_at').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!newest) return;
  const since = new Date(Date.parse(newest.created_at) - GAP_MS).toISOString();
  const rows = await typed
    .selectFrom('events')
    .select(['visitor', 'session', 'created_at'])
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const latest = new Map<string, { visitor: string; session: string; last_seen_ms: number }>();
  for (const r of rows) latest.set(r.visitor, { visitor: r.visitor, session: r.session, last_seen_ms: Date.parse(r.created_at) });
  const values = [...latest.values()];
  for (let i = 0; i < values.length; i += 1000) {
    await typed
      .insertInto('visitor_sessions')
      .values(values.slice(i, i + 1000))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('visitor_sessions').execute();
}

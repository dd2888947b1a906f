/**
 * Events are indexed by time instead of by visitor (issue #3's throughput).
 * events_visitor_created served one query: a visitor's last event, looked up for every
 * visitor the server had not seen since it started. Visitor ids are random, so each
 * request's events landed on a random leaf of that index, and each commit wrote those
 * leaves to the WAL: about 10 µs per event, more than the rest of the insert. Sessions now
 * load the last 30 minutes of events once at start (lib/sessions.ts) through
 * events_created, whose entries arrive in time order and so append to its last page.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_created').on('events').column('created_at').execute();
  await db.schema.dropIndex('events_visitor_created').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_visitor_created').on('events').columns(['visitor', 'created_at']).execute();
  await db.schema.dropIndex('events_created').execute();
}

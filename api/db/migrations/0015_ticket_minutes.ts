/**
 * Scorecards (issue 18, docs/design.md §8) report the minutes agents logged on their tickets:
 * tickets get `minutes_logged` (the helpdesk's time tracking, or the CSV's minutesLogged
 * column; null when nothing was recorded). Nothing to backfill: no source recorded it before.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('minutes_logged', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('minutes_logged').execute();
}

/** The period report's own query (api/metrics/period-report.ts): everything else it shows comes from the metric registry. */
import { sql } from 'kysely';
import type { Db } from '../index.ts';

/**
 * Tickets created in [start, end) — what the resolution-rate metric reports as its `tickets`
 * part for the same period without filters — counted over the created_at index alone.
 */
export async function ticketsCreatedIn(db: Db, start: string, end: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select(sql<number>`count(*)`.as('tickets'))
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .executeTakeFirstOrThrow();
  return Number(row.tickets);
}

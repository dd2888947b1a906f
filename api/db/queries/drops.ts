/** Counts of dropped events by reason and UTC day (Plausible-style drop accounting). */
import { sql } from 'kysely';
import type { Db } from '../index.ts';

export const DROP_REASONS = ['bot', 'dnt', 'gpc', 'unknown-article', 'rate-limited'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export async function countDrops(db: Db, day: string, counts: Partial<Record<DropReason, number>>): Promise<void> {
  const rows = Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, count]) => ({ day, reason, count: count! }))
    // One order for every writer: two replicas counting the same reasons lock the rows alike and cannot deadlock.
    .sort((a, b) => (a.reason < b.reason ? -1 : 1));
  if (rows.length === 0) return;
  await db
    .insertInto('drop_counts')
    .values(rows)
    .onConflict((oc) => oc.columns(['day', 'reason']).doUpdateSet({ count: sql`drop_counts.count + excluded.count` }))
    .execute();
}

export async function listDrops(db: Db, from?: string, to?: string) {
  let query = db.selectFrom('drop_counts').select(['day', 'reason', 'count']).orderBy('day', 'desc').orderBy('reason');
  if (from) query = query.where('day', '>=', from);
  if (to) query = query.where('day', '<=', to);
  return query.execute();
}

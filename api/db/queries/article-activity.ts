/** What the staff article page shows of one article's use (issue 17): views per day and the searches that led to it. */
import { sql } from 'kysely';
import type { Db } from '../index.ts';

/** Page views of one article per UTC day (day index since the epoch, as metric_view_days keeps it), from `fromDay` on. */
export async function articleViewsByDay(db: Db, article: string, fromDay: number): Promise<Array<{ day: number; views: number }>> {
  const rows = await db
    .selectFrom('metric_view_days')
    .select((eb) => ['day', eb.fn.sum<number>('views').as('views')])
    .where('article', '=', article)
    .where('day', '>=', fromDay)
    .groupBy('day')
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: Number(r.day), views: Number(r.views) }));
}

/** The normalised queries whose results were clicked through to this article since `since`, most clicks first. */
export async function searchesLeadingTo(
  db: Db,
  article: string,
  since: string,
  limit: number,
): Promise<Array<{ query: string; clicks: number }>> {
  const rows = await db
    .selectFrom('events')
    .select(['query_norm', sql<number>`count(*)`.as('clicks')])
    .where('type', '=', 'search_click')
    .where('article', '=', article)
    .where('created_at', '>=', since)
    .where('query_norm', 'is not', null)
    .groupBy('query_norm')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('query_norm')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ query: r.query_norm ?? '', clicks: Number(r.clicks) }));
}

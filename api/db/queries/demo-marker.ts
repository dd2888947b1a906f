/**
 * Whether the database holds demo data: the seed (api/demo/index.ts) records, in `settings`,
 * when it ran and which days it filled, so every report can say its figures come from demo
 * data (docs/design.md §4; the dashboards and the period report show a banner).
 */
import type { Db } from '../index.ts';

const DEMO_KEY = 'demo_seed';

/** What the seed recorded: when it ran and the UTC range of the days it filled. */
export interface DemoMarker {
  seededAt: string;
  from: string;
  to: string;
}

export async function markDemoSeed(db: Db, marker: DemoMarker): Promise<void> {
  const value = JSON.stringify(marker);
  await db
    .insertInto('settings')
    .values({ key: DEMO_KEY, value, updated_at: marker.seededAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: marker.seededAt }))
    .execute();
}

/** The demo seed's marker, or null when the data is not (known to be) demo data. */
export async function readDemoMarker(db: Db): Promise<DemoMarker | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', DEMO_KEY).executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.value) as Partial<DemoMarker>;
    return typeof parsed.seededAt === 'string' && typeof parsed.from === 'string' && typeof parsed.to === 'string'
      ? { seededAt: parsed.seededAt, from: parsed.from, to: parsed.to }
      : null;
  } catch {
    return null;
  }
}

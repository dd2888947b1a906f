/**
 * `npm start` on an empty database: seeds 90 days of demo data so the help center's
 * dashboards are alive on first start (issue #5). KB_DEMO=off turns it off; a database
 * with any data is never touched, and of replicas that start together on an empty database
 * only one seeds (claimFirstStartSeed).
 */
import type SQLite from 'better-sqlite3';
import type { Db } from '../db/index.ts';
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import { seedDatabase, type SeedSummary } from './index.ts';
import { tablesWithData } from './store.ts';

export const FIRST_START_DAYS = 90;
export const FIRST_START_SEED = 42;

const SEED_CLAIM_KEY = 'demo.first_start_seed';

/**
 * Claims the first-start seed for this process: inserts a settings row that only one process
 * can insert (its primary key), and tells whether this one did. The claim stays, so the seed
 * runs once per database, even when the seeding process dies half-way (then seed by hand:
 * `npm run seed`). docs/design.md §6.
 */
export async function claimFirstStartSeed(db: Db, now = new Date()): Promise<boolean> {
  const result = await db
    .insertInto('settings')
    .values({ key: SEED_CLAIM_KEY, value: 'claimed', updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Seeds when the database has no events, votes, tickets or links; returns the one line to print, or null. */
export async function seedOnFirstStart(deps: {
  db: Db;
  sqlite?: SQLite.Database;
  catalog: ArticleCatalog;
  topics: TopicTree;
  now?: Date;
  /** Days of demo data (FIRST_START_DAYS); tests seed fewer. */
  days?: number;
}): Promise<string | null> {
  const days = deps.days ?? FIRST_START_DAYS;
  if ((await tablesWithData(deps.db)).length > 0) return null;
  // Replicas starting together on one new database: the one that inserts the claim seeds, the others start without.
  if (!(await claimFirstStartSeed(deps.db))) return null;
  const summary: SeedSummary = await seedDatabase(deps.db, {
    days,
    seed: FIRST_START_SEED,
    now: deps.now ?? new Date(),
    catalog: deps.catalog,
    topics: deps.topics,
    sqlite: deps.sqlite,
  });
  return (
    `Demo data: the database was empty, so ${days} days were seeded (${summary.events} events, ${summary.votes} votes, ` +
    `${summary.tickets} tickets, ${summary.links} links, ${summary.trainingRecords} training records); set KB_DEMO=off to start without demo data.`
  );
}

/**
 * `npm start` on an empty database: seeds 90 days of demo data so the help center's
 * dashboards are alive on first start (issue #5). KB_DEMO=off turns it off; a database
 * with any data is never touched.
 */
import type SQLite from 'better-sqlite3';
import type { Db } from '../db/index.ts';
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import type { TopicTree } from '../../core/content/topics.ts';
import { seedDatabase, type SeedSummary } from './index.ts';
import { tablesWithData } from './store.ts';

export const FIRST_START_DAYS = 90;
export const FIRST_START_SEED = 42;

/** Seeds when the database has no events, votes, tickets or links; returns the one line to print, or null. */
export async function seedOnFirstStart(deps: {
  db: Db;
  sqlite?: SQLite.Database;
  catalog: ArticleCatalog;
  topics: TopicTree;
  now?: Date;
}): Promise<string | null> {
  if ((await tablesWithData(deps.db)).length > 0) return null;
  const summary: SeedSummary = await seedDatabase(deps.db, {
    days: FIRST_START_DAYS,
    seed: FIRST_START_SEED,
    now: deps.now ?? new Date(),
    catalog: deps.catalog,
    topics: deps.topics,
    sqlite: deps.sqlite,
  });
  return (
    `Demo data: the database was empty, so ${FIRST_START_DAYS} days were seeded (${summary.events} events, ${summary.votes} votes, ` +
    `${summary.tickets} tickets, ${summary.links} links, ${summary.trainingRecords} training records); set KB_DEMO=off to start without demo data.`
  );
}

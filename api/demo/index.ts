/**
 * `seedDatabase`: fills an empty database with a deterministic, realistic history — visits,
 * searches, votes, contact-form sessions, tickets, links and training records — from a
 * seed and a `now`, so the same inputs always give the same rows (issues #5 and #6).
 * Used by `npm run seed`, by `npm start` on an empty database, and by the metric benchmark
 * (with `scale`, for large volumes).
 */
import { markDemoSeed } from '../db/queries/demo-marker.ts';
import type SQLite from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/index.ts';
import type { ArticleCatalog } from '../lib/catalog/catalog.ts';
import { loadTopicTree, type TopicTree } from '../../core/content/topics.ts';
import { DEMO_AGENTS } from './agents.ts';
import { articlePools } from './articles.ts';
import { DAY_MS, slotsByDay, windowSlots } from './clock.ts';
import { apportion, Random } from './random.ts';
import { seedWriter, tablesWithData } from './store.ts';
import { dayTickets, ticketWorld } from './tickets.ts';
import { dayTraffic } from './traffic.ts';
import { planTraining } from './training.ts';
import { writeTraining } from './training-store.ts';
import { dayVotes } from './votes.ts';
import { catchUpRollups } from '../db/queries/rollups.ts';

export { DEMO_AGENTS, DEMO_TEAMS, type DemoAgent } from './agents.ts';

/** Volumes per seeded day without `scale`: a small but lively help desk. */
export const DAILY_VOLUME = { events: 1200, votes: 45, tickets: 30 } as const;
/** The largest window the seed accepts (two years, as the metrics' longest range). */
export const MAX_SEED_DAYS = 731;

export interface SeedOptions {
  /** Days of history before `now`. */
  days: number;
  /** The PRNG seed: the same seed, catalog and `now` give the same database. */
  seed: number;
  now: Date;
  /** The articles of the served build. */
  catalog: ArticleCatalog;
  /** Exact totals instead of the daily defaults (the metric benchmark uses 1,000,000 events). */
  scale?: { events?: number; votes?: number; tickets?: number };
  /** The topic taxonomy; default the repository's content/topics.yaml. */
  topics?: TopicTree;
  /**
   * The database's SQLite connection, when there is one: bulk inserts then run as prepared
   * statements (1,000,000 events in seconds rather than a minute).
   */
  sqlite?: SQLite.Database;
  /** Called after each seeded day, for progress output. */
  onProgress?: (doneDays: number, totalDays: number) => void;
}

/** What was written. */
export interface SeedSummary {
  from: string;
  to: string;
  sessions: number;
  events: number;
  votes: number;
  tickets: number;
  links: number;
  trainingRecords: number;
  /** Agents written to the roster. */
  rosterAgents: number;
}

/** Thrown when the database already holds data; the seed never mixes demo and real data. */
export class SeedRefusedError extends Error {
  constructor(readonly tables: string[]) {
    super(`the database already has data (${tables.join(', ')}); the demo seed only fills an empty database`);
    this.name = 'SeedRefusedError';
  }
}

const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/** Seeds an empty database; throws SeedRefusedError when it has events, votes, tickets or links. */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedSummary> {
  validateOptions(options);
  const existing = await tablesWithData(db);
  if (existing.length) throw new SeedRefusedError(existing);
  const { days, catalog } = options;
  const now = options.now.getTime();
  const tree = options.topics ?? loadTopicTree(DEFAULT_CONTENT_DIR);
  const root = new Random(options.seed);
  // One generator per concern, forked up front, so changing one does not reshuffle the others.
  const rng = {
    articles: root.fork('articles'),
    traffic: root.fork('traffic'),
    votes: root.fork('votes'),
    training: root.fork('training'),
    world: root.fork('world'),
    tickets: root.fork('tickets'),
  };

  const slots = windowSlots(now, days);
  const dayGroups = slotsByDay(slots);
  const totals = {
    events: options.scale?.events ?? Math.round(DAILY_VOLUME.events * days),
    votes: options.scale?.votes ?? Math.round(DAILY_VOLUME.votes * days),
    tickets: options.scale?.tickets ?? Math.round(DAILY_VOLUME.tickets * days),
  };
  const eventQuota = apportion(
    totals.events,
    slots.map((s) => s.visitWeight),
  );
  const voteQuota = apportion(
    totals.votes,
    dayGroups.map((d) => d.reduce((sum, s) => sum + s.visitWeight, 0)),
  );
  const ticketQuota = apportion(
    totals.tickets,
    dayGroups.map((d) => d.reduce((sum, s) => sum + s.ticketWeight, 0)),
  );

  const pools = articlePools(catalog, rng.articles);
  const poolList = Object.values(pools).filter((p) => p !== null);
  const training = planTraining(rng.training, catalog, DEMO_AGENTS, now, days);
  const world = ticketWorld(rng.world, tree, catalog, training, totals.tickets, now);
  const topicIds = tree.topics.map((t) => t.id);

  const summary: SeedSummary = {
    from: new Date(now - days * DAY_MS).toISOString(),
    to: options.now.toISOString(),
    sessions: 0,
    events: 0,
    votes: 0,
    tickets: 0,
    links: 0,
    trainingRecords: 0,
    rosterAgents: 0,
  };
  const write = seedWriter(db, options.sqlite);
  let slotIndex = 0;
  for (const [d, daySlots] of dayGroups.entries()) {
    const quotas = eventQuota.slice(slotIndex, slotIndex + daySlots.length);
    slotIndex += daySlots.length;
    const traffic = dayTraffic(rng.traffic, daySlots, quotas, { pools, topicIds, now });
    const dayStart = daySlots[0]!.start;
    const dayEnd = Math.min(now, daySlots[daySlots.length - 1]!.end);
    const votes = dayVotes(rng.votes, traffic.views, voteQuota[d]!, poolList, dayStart, dayEnd);
    const { tickets, links } = dayTickets(rng.tickets, world, daySlots, ticketQuota[d]!, traffic.submissions, summary.tickets + 1);
    await write({ events: traffic.rows, votes, tickets, links }, options.now);
    summary.sessions += traffic.sessions;
    summary.events += traffic.rows.length;
    summary.votes += votes.length;
    summary.tickets += tickets.length;
    summary.links += links.length;
    options.onProgress?.(d + 1, dayGroups.length);
  }
  const written = await writeTraining(db, training.records, DEMO_AGENTS, options.now);
  summary.trainingRecords = written.records;
  summary.rosterAgents = written.roster;
  // The metrics read roll-ups kept by the server; bring them up to date with the bulk insert.
  await catchUpRollups(db);
  // Every report says its figures come from demo data (api/db/queries/demo-marker.ts).
  await markDemoSeed(db, { seededAt: options.now.toISOString(), from: summary.from, to: summary.to });
  return summary;
}

function validateOptions(o: SeedOptions) {
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > MAX_SEED_DAYS)
    throw new RangeError(`days must be a whole number from 1 to ${MAX_SEED_DAYS}, got ${o.days}`);
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff)
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${o.seed}`);
  if (Number.isNaN(o.now.getTime())) throw new RangeError('now must be a valid date');
  for (const [key, value] of Object.entries(o.scale ?? {})) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0))
      throw new RangeError(`scale.${key} must be a whole number ≥ 0, got ${value}`);
  }
}

/**
 * `npm run seed -- --days 90 [--seed 42] [--db path]`: fills an empty database with
 * deterministic demo data (api/demo/). Refuses a database that already has data.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseName, databaseOptions, migrate, openDatabase } from '../api/db/index.ts';
import { loadCatalog, MANIFEST_PATH } from '../api/lib/catalog/catalog.ts';
import { loadTopicTree } from '../core/content/topics.ts';
import { MAX_SEED_DAYS, SeedRefusedError, seedDatabase } from '../api/demo/index.ts';
import { progressReporter } from './lib/tickets/progress.ts';
import { cliConfig } from '../core/config/cli.ts';
import { DEFAULT_CONTENT_DIR, DEFAULT_DB_FILE, DEFAULT_OUT_DIR } from '../core/config/defaults.ts';
import { isUsageError, UsageError, wholeNumberFlag } from './lib/cli/usage.ts';

const HELP = `Usage: npm run seed -- [--days 90] [--seed 42] [--db <file>] [--now <ISO time>]

Fills an empty database with a realistic, deterministic demo history over the last
--days days: visits, searches (some finding nothing), votes with reasons, contact-form
sessions of every outcome, tickets (source "demo") with priorities, SLA, escalations and
CSAT, ticket–article links, training records and the agent roster. The same --seed,
build and --now always give the same data. A database that already has events, votes,
tickets or links is refused: the seed never mixes demo data with real data.

The articles come from the build's manifest ($KB_DIST_DIR or $KB_OUT_DIR, default ${DEFAULT_OUT_DIR}/;
run "npm run build" first), the topics from $KB_CONTENT_DIR/topics.yaml (default ${DEFAULT_CONTENT_DIR}/).
"npm start" runs this once on an empty database unless KB_DEMO=off.

Options:
  --days <n>       days of history, 1–${MAX_SEED_DAYS} (default 90)
  --seed <n>       random seed, 0–4294967295 (default 42)
  --db <file>      SQLite database file (default $DATABASE_URL, else $KB_DB or ${DEFAULT_DB_FILE})
  --now <time>     end of the history, ISO-8601 (default the current time)
  -h, --help       show this help

Exit status: 0 seeded, 1 no build to read articles from, 2 wrong usage or a database with data.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      days: { type: 'string' },
      seed: { type: 'string' },
      db: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const days = wholeNumberFlag('days', values.days, 90, 1, MAX_SEED_DAYS);
  const seed = wholeNumberFlag('seed', values.seed, 42, 0, 0xffffffff);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (values.now !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(values.now) || Number.isNaN(now.getTime()))) {
    throw new UsageError(`--now must be an ISO-8601 time such as 2026-11-27T10:00:00Z, got "${values.now}"`);
  }
  const config = cliConfig();
  // --db names a SQLite file; without it, DATABASE_URL or KB_DB.
  const database = values.db ? { file: resolve(values.db) } : databaseOptions(config);
  const dbFile = databaseName(database);
  const { distDir } = config;
  if (!existsSync(join(distDir, MANIFEST_PATH))) {
    console.error(`seed: no build in ${distDir} (the seed takes its articles from the build's manifest). Run "npm run build" first.`);
    return 1;
  }
  const catalog = loadCatalog(distDir);
  const topics = loadTopicTree(config.contentDir);

  const { db, sqlite } = openDatabase(database);
  try {
    await migrate(db);
    const started = performance.now();
    const progress = progressReporter('seed');
    const summary = await seedDatabase(db, { days, seed, now, catalog, topics, sqlite, onProgress: progress.update });
    progress.finish();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${dbFile} with ${days} days (${summary.from} to ${summary.to}, seed ${seed}): ${summary.events} events in ${summary.sessions} sessions, ` +
        `${summary.votes} votes, ${summary.tickets} tickets, ${summary.links} links, ${summary.trainingRecords} training records, ${summary.rosterAgents} agents in ${seconds} s`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    if (isUsageError(error)) {
      console.error(`seed: ${error.message}\nRun with --help for usage.`);
      process.exitCode = 2;
    } else if (error instanceof SeedRefusedError) {
      console.error(`seed: ${error.message}. Use --db with a new file, or remove the database first.`);
      process.exitCode = 2;
    } else {
      console.error(`seed: ${error.message}`);
      process.exitCode = 1;
    }
  },
);

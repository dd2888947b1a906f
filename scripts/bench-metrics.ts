/**
 * `npm run bench:metrics`: seeds a temporary database (1,000,000 events, 100,000 votes and
 * 100,000 tickets by default, with the demo seed), times a roll-up catch-up from scratch,
 * then loads every metric endpoint through the real HTTP server on loopback (a child
 * process) with 20 connections, for the default 30-day range and a 90-day range: p50/p99
 * latency, requests per second and the server's largest event-loop delay. Last, vote
 * ingestion alone and while metrics are being read. There is no result cache: every
 * request computes. --scenario scorecards: the scorecards and the period report of one quarter
 * with 200 agents, cold, and the report page in Chromium (issue 18). Run with --help for the options.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { isPostgresUrl, migrate, openDatabase, type PostgresDatabase, type SqliteDatabase } from '../api/db/index.ts';
import { copySqliteToPostgres } from '../api/db/copy.ts';
import { startThrowAwayServer, type ThrowAwayServer } from './lib/throwaway-postgres.ts';
import { catchUpRollups } from '../api/db/queries/rollups.ts';
import { catalogFrom } from '../api/lib/catalog/catalog.ts';
import { METRICS } from '../api/metrics/index.ts';
import { syntheticManifest } from './lib/bench-api/catalog.ts';
import { getLoad, voteLoad, type RunFigures } from './lib/bench-metrics/load.ts';
import { forkServerChild } from './lib/bench-child/parent.ts';
import type { MetricsChildMessage, MetricsParentMessage } from './lib/bench-metrics/protocol.ts';
import { seedDatabase } from '../api/demo/index.ts';
import { lastWholeQuarter, parseOptions, USAGE } from './lib/bench-metrics/options.ts';
import {
  addBenchManager,
  assignRoster,
  coldRequests,
  reportPageTimes,
  type ColdFigures,
  type PageFigures,
} from './lib/bench-metrics/scorecards.ts';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { envWith } from '../core/config/env.ts';
import { percentile } from '../core/stats.ts';

const ARTICLES = 400;
const ROLLUP_TABLES = [
  'metric_session_buckets',
  'metric_contact_buckets',
  'metric_search_buckets',
  'metric_query_quarters',
  'metric_query_days',
  'metric_view_quarters',
  'metric_view_days',
] as const;
/** The throw-away PostgreSQL server of a --db postgres run. */
let postgres: ThrowAwayServer | undefined;
const TOKEN = 'bench-metrics-admin-token-0123456789';
const P99_TARGET_MS = 200;
/** Issue 18: the scorecards and the period report, cold, over one quarter of 100 k tickets. */
const SCORECARD_P99_TARGET_MS = 300;
/** …and the report page, from navigation to the rendered report. */
const REPORT_PAGE_TARGET_MS = 2000;
const started = Date.now();
const log = (line: string) => process.stderr.write(`[bench:metrics ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);

const options = () => parseOptions(process.argv.slice(2));

/** The server child, with request/response helpers over IPC. */
async function startChild(database: string, now: Date, cacheSeconds: number, distDir = '') {
  const child = await forkServerChild<MetricsChildMessage, MetricsParentMessage>(
    fileURLToPath(new URL('./lib/bench-metrics/server-child.ts', import.meta.url)),
    [database, String(ARTICLES), TOKEN, now.toISOString(), String(cacheSeconds), distDir],
  );
  // A metric computed over 90 days of a large database may hold the event loop for a while.
  const REPLY_MS = 120_000;
  return {
    port: child.port,
    resetDelay: () => child.tell({ type: 'delay-reset' }),
    delay: () => child.ask({ type: 'delay' }, 'delay', REPLY_MS),
    votes: async () => (await child.ask({ type: 'counts' }, 'counts', REPLY_MS)).votes,
    inFlight: async () => (await child.ask({ type: 'counts' }, 'counts', REPLY_MS)).inFlight,
    stop: () => child.stop(),
  };
}

/**
 * Vacuums again, up to four times, every table whose pages are not all marked all-visible; returns those still not.
 * One `vacuum analyze` right after a bulk load can leave tables unmarked: something still holds an older snapshot
 * (most likely an analyze that autovacuum started on the freshly loaded tables), and vacuum marks no page visible past it. Unmarked pages turn every
 * index-only scan (the covering indexes of votes, the roll-ups' primary keys) into a heap look-up per row, which is
 * not the steady state autovacuum keeps a live database in.
 */
async function vacuumUntilAllVisible(db: PostgresDatabase['db']): Promise<string[]> {
  let lagging: string[] = [];
  for (let attempt = 0; attempt <= 4; attempt++) {
    const result = await sql<{ relname: string }>`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relpages > 0 and c.relallvisible < c.relpages`.execute(db);
    lagging = result.rows.map((r) => r.relname);
    if (lagging.length === 0 || attempt === 4) break;
    await new Promise((r) => setTimeout(r, 1000));
    for (const table of lagging) await sql`vacuum ${sql.table(table)}`.execute(db);
  }
  return lagging;
}

/**
 * Waits until the server has answered what autocannon left in flight when a run ended (a
 * slow endpoint leaves a queue), so the next run does not inherit that backlog.
 */
async function drain(server: { inFlight: () => Promise<number> }): Promise<void> {
  while ((await server.inFlight()) > 0) await new Promise((r) => setTimeout(r, 100));
}

interface EndpointRow extends RunFigures {
  endpoint: string;
  range: string;
  loopMaxMs: number;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

type Server = Awaited<ReturnType<typeof startChild>>;

/** Loads every endpoint over both ranges, then votes alone and while metrics are read, on one server. */
async function loadServer(server: Server, endpoints: string[], now: Date, articleIds: string[], o: ReturnType<typeof options>) {
  const ranges: Array<[string, string]> = [
    ['30 days (default)', ''],
    ['90 days', `?from=${new Date(now.getTime() - 89 * 86_400_000).toISOString().slice(0, 10)}&to=${now.toISOString().slice(0, 10)}`],
  ];
  const rows: EndpointRow[] = [];
  for (const id of endpoints) {
    for (const [range, qs] of ranges) {
      server.resetDelay();
      const figures = await getLoad(server.port, `/api/metrics/${id}${qs}`, TOKEN, o.connections, o.seconds);
      const { maxMs } = await server.delay();
      await drain(server);
      rows.push({ endpoint: id, range, loopMaxMs: maxMs, ...figures });
      log(
        `${id.padEnd(30)} ${range.padEnd(18)} p50 ${fmt(figures.p50).padStart(6)} ms  p99 ${fmt(figures.p99).padStart(6)} ms  ${fmt(figures.requestsPerSecond, 0).padStart(5)} req/s  loop max ${fmt(maxMs).padStart(6)} ms${figures.non2xx ? `  non-2xx ${figures.non2xx}` : ''}`,
      );
    }
  }

  // Vote ingestion alone, then while every metric endpoint is read in turn by the same number of connections.
  server.resetDelay();
  await drain(server);
  const alone = await voteLoad(server.port, articleIds, o.connections, o.seconds, 0);
  const aloneLoop = await server.delay();
  server.resetDelay();
  const metricPaths = endpoints.map((id) => `/api/metrics/${id}`);
  const [withMetrics, ...metricRuns] = await Promise.all([
    voteLoad(server.port, articleIds, o.connections, o.seconds, 10_000_000),
    ...metricPaths.map((path) => getLoad(server.port, path, TOKEN, Math.max(1, Math.floor(o.connections / metricPaths.length)), o.seconds)),
  ]);
  const mixedLoop = await server.delay();
  const metricRequests = metricRuns.reduce((sum, r) => sum + r.requests, 0);
  log(`votes alone: ${fmt(alone.requestsPerSecond, 0)} req/s, p99 ${fmt(alone.p99)} ms, loop max ${fmt(aloneLoop.maxMs)} ms`);
  log(
    `votes while metrics are read (${metricRequests} metric requests): ${fmt(withMetrics!.requestsPerSecond, 0)} req/s, p99 ${fmt(withMetrics!.p99)} ms, loop max ${fmt(mixedLoop.maxMs)} ms`,
  );

  return { rows, votes: { alone, aloneLoop, withMetrics: withMetrics!, mixedLoop, metricRequests } };
}

async function main(): Promise<number> {
  const o = options();
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'kb-bench-metrics-'));
  const dbFile = join(workDir, 'bench.sqlite');
  try {
    const { db, sqlite } = openDatabase(dbFile);
    await migrate(db);
    const catalog = catalogFrom(syntheticManifest(ARTICLES));
    const quarter = lastWholeQuarter(new Date());
    const scorecards = o.scenario === 'scorecards';
    // 12:00 in Shanghai today; in the scorecards scenario, on the last day of the last whole quarter.
    const now = scorecards ? quarter.now : new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 4 * 3_600_000);
    const days = o.days ?? quarter.days;
    log(
      `seeding ${o.events.toLocaleString('en')} events, ${o.votes.toLocaleString('en')} votes, ${o.tickets.toLocaleString('en')} tickets over ${days} days…`,
    );
    let t = performance.now();
    const seeded = await seedDatabase(db, {
      sqlite,
      days,
      seed: 42,
      now,
      catalog,
      scale: { events: o.events, votes: o.votes, tickets: o.tickets },
      onProgress: (d, total) => d % 30 === 0 && log(`  day ${d}/${total}`),
    });
    const seedSeconds = (performance.now() - t) / 1000;
    log(`seeded in ${fmt(seedSeconds)} s (including the seed's own roll-up catch-up): ${JSON.stringify(seeded)}`);

    // Time a catch-up from scratch: empty the roll-ups and their watermark, fold every event in again.
    for (const table of [
      'metric_session_buckets',
      'metric_contact_buckets',
      'metric_search_buckets',
      'metric_query_quarters',
      'metric_query_days',
      'metric_view_quarters',
      'metric_view_days',
    ] as const)
      await db.deleteFrom(table).execute();
    await db.deleteFrom('settings').where('key', '=', 'rollups.event_watermark').execute();
    t = performance.now();
    await catchUpRollups(db);
    const catchUpSeconds = (performance.now() - t) / 1000;
    const eventCount = sqlite.prepare('select count(*) from events').pluck().get() as number;
    if (scorecards) {
      const reassigned = assignRoster(sqlite, o.agents, o.teams, now);
      log(`roster: ${o.agents} agents in ${o.teams} teams; ${reassigned.toLocaleString('en')} tickets with an agent spread over them`);
      await addBenchManager(db, now);
    }
    log(
      `roll-up catch-up of ${eventCount.toLocaleString('en')} events from scratch: ${fmt(catchUpSeconds)} s (${Math.round(eventCount / catchUpSeconds).toLocaleString('en')} events/s)`,
    );
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await db.destroy();

    let pgCopySeconds = 0;
    let pgCatchUpSeconds = 0;
    const databases: Array<{ name: 'SQLite' | 'PostgreSQL'; spec: string }> = [{ name: 'SQLite', spec: dbFile }];
    if (o.db === 'postgres') {
      log(
        'starting a throw-away PostgreSQL 15 server (fsync and synchronous_commit off, as the tests run it) and copying the database to it…',
      );
      postgres = await startThrowAwayServer();
      const admin = new pg.Client(postgres.url('postgres'));
      await admin.connect();
      await admin.query('create database bench_metrics');
      await admin.end();
      const url = postgres.url('bench_metrics');
      t = performance.now();
      const source = openDatabase(dbFile);
      const target = openDatabase({ url });
      await copySqliteToPostgres(source as SqliteDatabase, target as PostgresDatabase);
      pgCopySeconds = (performance.now() - t) / 1000;
      await source.close();
      // The same catch-up from scratch on PostgreSQL, then what autovacuum would do soon after a bulk load: statistics for the
      // planner and the visibility map (without it the covering indexes answer with a heap look-up per row).
      for (const table of ROLLUP_TABLES) await target.db.deleteFrom(table).execute();
      await target.db.deleteFrom('settings').where('key', '=', 'rollups.event_watermark').execute();
      t = performance.now();
      await catchUpRollups(target.db);
      pgCatchUpSeconds = (performance.now() - t) / 1000;
      await sql`vacuum analyze`.execute(target.db);
      const notAllVisible = await vacuumUntilAllVisible(target.db);
      await target.close();
      log(
        `copied to PostgreSQL in ${fmt(pgCopySeconds)} s; roll-up catch-up from scratch there ${fmt(pgCatchUpSeconds)} s; ` +
          (notAllVisible.length ? `tables still not all-visible after vacuum: ${notAllVisible.join(', ')}` : 'every table all-visible'),
      );
      databases.push({ name: 'PostgreSQL', spec: url });
    }

    if (scorecards) {
      const distDir = o.pageRuns > 0 ? (o.dist ?? buildForPage(join(workDir, 'dist'))) : '';
      return await runScorecards(databases, now, quarter, o, { seedSeconds, tickets: seeded.tickets, events: eventCount }, distDir);
    }

    const endpoints = [...METRICS.map((m) => m.id), 'summary'].filter((id) => !o.only || o.only.includes(id));
    const runs: Array<{ name: string; rows: EndpointRow[]; votes: Awaited<ReturnType<typeof loadServer>>['votes'] }> = [];
    for (const database of databases) {
      log(`${database.name}: loading every endpoint`);
      const server = await startChild(database.spec, now, o.cacheSeconds);
      try {
        runs.push({
          name: database.name,
          ...(await loadServer(
            server,
            endpoints,
            now,
            catalog.listed.map((a) => a.id),
            o,
          )),
        });
      } finally {
        await server.stop();
      }
    }
    const { rows, votes: sqliteVotes } = runs[0]!;
    const { alone, withMetrics, mixedLoop } = sqliteVotes;

    console.log(
      `\nbench:metrics — ${eventCount.toLocaleString('en')} events, ${seeded.votes.toLocaleString('en')} votes, ${seeded.tickets.toLocaleString('en')} tickets; ${o.connections} connections, ${o.seconds} s per run; ${o.cacheSeconds ? `result cache ${o.cacheSeconds} s` : 'no result reuse (identical requests in flight share one computation)'}`,
    );
    console.log(`seed ${fmt(seedSeconds)} s; roll-up catch-up from scratch ${fmt(catchUpSeconds)} s\n`);
    console.log('| endpoint | range | p50 ms | p99 ms | req/s | event-loop max ms |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const r of rows)
      console.log(
        r.requests === 0
          ? `| ${r.endpoint} | ${r.range} | none answered within ${o.seconds} s | | | ${fmt(r.loopMaxMs)} |`
          : `| ${r.endpoint} | ${r.range} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.requestsPerSecond, 0)} | ${fmt(r.loopMaxMs)} |`,
      );
    console.log(
      `\nvote ingestion: alone ${fmt(alone.requestsPerSecond, 0)} req/s (p99 ${fmt(alone.p99)} ms); with metrics being read ${fmt(withMetrics!.requestsPerSecond, 0)} req/s (p99 ${fmt(withMetrics!.p99)} ms, event-loop max ${fmt(mixedLoop.maxMs)} ms)`,
    );
    if (runs.length > 1) {
      const pgRun = runs[1]!;
      console.log(
        `\nPostgreSQL beside SQLite (same run, same data copied by db:copy in ${fmt(pgCopySeconds)} s; roll-up catch-up from scratch: SQLite ${fmt(catchUpSeconds)} s, PostgreSQL ${fmt(pgCatchUpSeconds)} s)\n`,
      );
      console.log('| endpoint | range | SQLite p50 / p99 ms | PostgreSQL p50 / p99 ms | p99 PostgreSQL ÷ SQLite |');
      console.log('|---|---|---:|---:|---:|');
      const ratios: number[] = [];
      for (const r of rows) {
        const q = pgRun.rows.find((x) => x.endpoint === r.endpoint && x.range === r.range);
        if (!q) continue;
        const ratioP99 = r.p99 > 0 && q.requests > 0 ? q.p99 / r.p99 : NaN;
        if (Number.isFinite(ratioP99)) ratios.push(ratioP99);
        console.log(
          `| ${r.endpoint} | ${r.range} | ${fmt(r.p50)} / ${fmt(r.p99)} | ${q.requests ? `${fmt(q.p50)} / ${fmt(q.p99)}` : 'none answered'} | ${Number.isFinite(ratioP99) ? `${fmt(ratioP99, 2)}×` : '—'} |`,
        );
      }
      const within = ratios.filter((x) => x <= 2).length;
      console.log(
        `\np99 on PostgreSQL within 2× of SQLite's: ${within} of ${ratios.length} endpoint ranges (max ${fmt(Math.max(...ratios), 2)}×)`,
      );
      const v = pgRun.votes;
      console.log(
        `vote ingestion on PostgreSQL: alone ${fmt(v.alone.requestsPerSecond, 0)} req/s (p99 ${fmt(v.alone.p99)} ms) = ${fmt((100 * v.alone.requestsPerSecond) / alone.requestsPerSecond, 0)}% of SQLite's; with metrics being read ${fmt(v.withMetrics.requestsPerSecond, 0)} req/s (p99 ${fmt(v.withMetrics.p99)} ms)`,
      );
    }
    const over = rows.filter((r) => r.p99 >= P99_TARGET_MS || r.requests === 0);
    const failed = rows.filter((r) => r.non2xx > 0 || r.errors > 0);
    console.log(
      over.length
        ? `p99 at or over ${P99_TARGET_MS} ms: ${over.map((r) => `${r.endpoint} (${r.range})`).join(', ')}`
        : `every endpoint: p99 under ${P99_TARGET_MS} ms`,
    );
    if (failed.length) console.log(`errors or non-2xx answers: ${failed.map((r) => `${r.endpoint} (${r.range})`).join(', ')}`);
    if (o.json)
      console.log(
        JSON.stringify(
          {
            seedSeconds,
            catchUpSeconds,
            pgCopySeconds,
            pgCatchUpSeconds,
            events: eventCount,
            runs,
            votes: { alone, withMetrics, loopMaxMs: mixedLoop.maxMs },
          },
          null,
          2,
        ),
      );
    return failed.length ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await postgres?.stop();
  }
}

/** The production build the report page is served from, built into `outDir` (stdout kept for the figures). */
function buildForPage(outDir: string): string {
  log(`building the site for the report page into ${outDir} (npm run build; minutes)…`);
  const t = performance.now();
  // KB_DB names a database that does not exist, so the build syncs no links anywhere.
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    stdio: ['ignore', 2, 2],
    env: envWith({ KB_OUT_DIR: outDir, KB_DB: join(outDir, 'no-database.sqlite'), ASTRO_TELEMETRY_DISABLED: '1' }),
  });
  if (result.status !== 0) throw new Error('the site build for the report page failed; see the messages above');
  log(`built in ${fmt((performance.now() - t) / 1000)} s`);
  return outDir;
}

/** A same-run baseline beside the figures: the quarter's tickets counted over the created_at index, median of 9, in ms. */
async function baselineCountMs(spec: string, quarter: ReturnType<typeof lastWholeQuarter>): Promise<number> {
  const { db } = isPostgresUrl(spec) ? openDatabase({ url: spec }) : openDatabase(spec);
  try {
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      await db
        .selectFrom('tickets')
        .select(sql<number>`count(*)`.as('n'))
        .where('created_at', '>=', quarter.from)
        .where('created_at', '<', quarter.to)
        .execute();
      times.push(performance.now() - t);
    }
    return percentile(times, 0.5) ?? 0;
  } finally {
    await db.destroy();
  }
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * The scorecards scenario: each endpoint of the quarter requested o.requests times in turn,
 * cold, on every database; then the report page in Chromium o.pageRuns times (when a build is given).
 */
async function runScorecards(
  databases: Array<{ name: string; spec: string }>,
  now: Date,
  quarter: ReturnType<typeof lastWholeQuarter>,
  o: ReturnType<typeof options>,
  seeded: { seedSeconds: number; tickets: number; events: number },
  distDir: string,
): Promise<number> {
  const range = `from=${quarter.from}&to=${quarter.to}`;
  const paths = [
    `/api/metrics/agent-scorecards?${range}`,
    `/api/metrics/team-scorecards?${range}`,
    `/api/metrics/period-report?period=${quarter.period}`,
  ];
  const reportPage = `/insights/report?period=${quarter.period}`;
  const runs: Array<{ name: string; rows: ColdFigures[]; page: PageFigures | null; baselineMs: number; load: string[] }> = [];
  for (const database of databases) {
    const baselineMs = await baselineCountMs(database.spec, quarter);
    const load = [loadAverage()];
    log(
      `${database.name}: ${o.requests} sequential requests per endpoint, no result cache (load average ${load[0]}; baseline count ${fmt(baselineMs)} ms)`,
    );
    const server = await startChild(database.spec, now, 0, distDir);
    const rows: ColdFigures[] = [];
    let page: PageFigures | null = null;
    try {
      for (const path of paths) {
        const figures = await coldRequests(server.port, path, TOKEN, o.requests);
        rows.push(figures);
        log(
          `${path.padEnd(60)} first ${fmt(figures.firstMs).padStart(7)} ms  p50 ${fmt(figures.p50).padStart(7)} ms  p99 ${fmt(figures.p99).padStart(7)} ms  ${figures.bytes} bytes${figures.failures ? `  failures ${figures.failures}` : ''}`,
        );
      }
      if (distDir) {
        page = await reportPageTimes(`http://127.0.0.1:${server.port}`, reportPage, o.pageRuns);
        log(
          `${reportPage} in Chromium: ${page.times.map((t) => fmt(t, 0)).join(', ')} ms${page.failures ? `  not ready ${page.failures}` : ''}`,
        );
      }
    } finally {
      await server.stop();
    }
    load.push(loadAverage());
    runs.push({ name: database.name, rows, page, baselineMs, load });
  }
  console.log(
    `\nbench:metrics --scenario scorecards — ${seeded.tickets.toLocaleString('en')} tickets (${seeded.events.toLocaleString('en')} events) over ${quarter.period}, ${o.agents} agents in ${o.teams} teams; ${o.requests} sequential requests per endpoint, no result cache; seed ${fmt(seeded.seedSeconds)} s\n`,
  );
  for (const run of runs)
    console.log(
      `${run.name}: load average (1, 5, 15 min) ${run.load[0]} before, ${run.load[1]} after; baseline (the quarter's tickets counted over the created_at index) ${fmt(run.baselineMs)} ms`,
    );
  console.log('\n| database | endpoint | first ms | p50 ms | p99 ms | max ms | body bytes |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const run of runs)
    for (const r of run.rows)
      console.log(`| ${run.name} | ${r.path} | ${fmt(r.firstMs)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.bytes} |`);
  for (const run of runs)
    if (run.page)
      console.log(
        `| ${run.name} | ${run.page.path} (page in Chromium, navigation → ready; ${run.page.runs} runs) | ${fmt(run.page.times[0] ?? 0)} | ${fmt(run.page.median)} (median) | | ${fmt(run.page.max)} | |`,
      );
  if (!distDir) console.log('\n(the report page was not measured: --page-runs 0)');
  const slowPages = runs.filter((run) => run.page && run.page.median >= REPORT_PAGE_TARGET_MS).map((run) => `${run.name} report page`);
  if (slowPages.length) console.log(`report page median at or over ${REPORT_PAGE_TARGET_MS} ms: ${slowPages.join(', ')}`);
  const over = runs.flatMap((run) => run.rows.filter((r) => r.p99 >= SCORECARD_P99_TARGET_MS).map((r) => `${run.name} ${r.path}`));
  console.log(
    over.length
      ? `p99 at or over ${SCORECARD_P99_TARGET_MS} ms: ${over.join(', ')}`
      : `every endpoint: p99 under ${SCORECARD_P99_TARGET_MS} ms`,
  );
  if (o.json) console.log(JSON.stringify({ ...seeded, quarter: quarter.period, runs }, null, 2));
  return runs.some((run) => run.rows.some((r) => r.failures > 0) || (run.page?.failures ?? 0) > 0) ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`bench:metrics: ${error.message}`);
    process.exitCode = 1;
  },
);

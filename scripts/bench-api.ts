/**
 * `npm run bench:api -- --duration 10`: how many votes and events the API takes per
 * second on this machine, against the ceiling of a bare Hono route measured in the same
 * run. Run with --help for the options; the work happens in scripts/lib/bench-api/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticManifest } from './lib/bench-api/catalog.ts';
import { runLoad, type LoadResult } from './lib/bench-api/load.ts';
import { parseApiBenchOptions, USAGE, type ApiBenchOptions } from './lib/bench-api/options.ts';
import { UsageError } from './lib/cli/usage.ts';
import { formatProfile, summarizeProfile, type ProfileSummary } from './lib/bench-api/profile.ts';
import {
  checkTargets,
  compareDatabases,
  formatTable,
  MAX_NON_2XX_SHARE,
  summarizeScenario,
  type RoundResult,
  type ScenarioName,
  type ScenarioSummary,
} from './lib/bench-api/report.ts';
import { eventRequests, EVENTS_PER_BATCH, voteRequest, type BenchRequest } from './lib/bench-api/scenarios.ts';
import { CEILING_PATH, type ServerMode } from './lib/bench-api/protocol.ts';
import { startServer, type BenchServer } from './lib/bench-api/server-process.ts';
import { busyShare, cpuTimes, postgresCpuMicros } from './lib/bench-api/machine.ts';
import { startThrowAwayServer, type ThrowAwayServer } from './lib/throwaway-postgres.ts';
import pg from 'pg';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Profiles are kept (git-ignored) so they can be opened in Chrome DevTools or speedscope. */
const PROFILE_DIR = join(REPO_ROOT, '.bench', 'api');
const started = Date.now();
/** Progress goes to stderr so stdout holds only the table and the JSON. */
const log = (line: string): void => {
  process.stderr.write(`[bench:api ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}\n`);
};

interface Scenario {
  name: ScenarioName;
  mode: ServerMode;
  path: string;
  what: string;
  request: (n: number) => BenchRequest;
  env?: Record<string, string>;
  /** On PostgreSQL (--db postgres), with this many API replicas on one database; else SQLite. */
  postgres?: { replicas: 1 | 2 };
}

/** The throw-away PostgreSQL server of a --db postgres run. */
let postgres: ThrowAwayServer | undefined;
let databases = 0;

/** A new empty database on the run's PostgreSQL server; the replicas migrate it when they start. */
async function newPostgresDatabase(): Promise<string> {
  const name = `bench_${++databases}`;
  const client = new pg.Client(postgres!.url('postgres'));
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return postgres!.url(name);
}

interface Measured {
  load: LoadResult;
  rowsStored: number | null;
  serverCpuMicros: number;
  databaseCpuMicros: number | null;
  machineBusy: number | null;
  profile: ProfileSummary | null;
}

/** Starts a fresh server child, warms it up, measures, counts the rows it stored, stops it. */
async function measure(scenario: Scenario, options: ApiBenchOptions, workDir: string, round: number): Promise<Measured> {
  const dir = join(workDir, `${scenario.name}-${round}`);
  mkdirSync(dir, { recursive: true });
  // The last round is profiled, so the earlier ones stay free of the profiler's cost.
  const profile =
    options.profile && scenario.mode === 'api' && round === options.rounds ? join(PROFILE_DIR, `${scenario.name}.cpuprofile`) : null;
  if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const replicas = scenario.postgres?.replicas ?? 1;
  const databaseUrl = scenario.postgres ? await newPostgresDatabase() : undefined;
  const start = () =>
    startServer(scenario.mode, { articles: options.articles, workDir: dir, cwd: REPO_ROOT, env: scenario.env, databaseUrl });
  // The first replica migrates the new database; the second starts on a current schema.
  const servers = [await start()];
  if (replicas === 2) servers.push(await start());
  const [server] = servers as [BenchServer, ...BenchServer[]];
  try {
    log(
      `${scenario.name} (round ${round}/${options.rounds}): server child pid${servers.length > 1 ? 's' : ''} ${servers.map((s) => s.pid).join(', ')} on 127.0.0.1:${servers.map((s) => s.port).join(', ')}; warming up ${options.warmup} s`,
    );
    // With two replicas the connections are split between them, and replica k sends requests k, k + 2, k + 4, …
    const loads = servers.map((s, k) => ({
      port: s.port,
      path: scenario.path,
      connections: Math.max(1, Math.round(options.connections / servers.length)),
      request: (n: number) => scenario.request(n * servers.length + k),
    }));
    const next = loads.map(() => 0);
    if (options.warmup > 0) {
      const warm = await Promise.all(loads.map((l) => runLoad({ ...l, seconds: options.warmup })));
      warm.forEach((w, k) => (next[k] = w.nextRequest));
    }
    if (profile) await server.startProfile();
    const before = await server.counts();
    const cpuBefore = await Promise.all(servers.map((s) => s.counts()));
    const dbCpuBefore = scenario.postgres ? postgresCpuMicros(join(postgres!.dir, 'data')) : null;
    log(`${scenario.name}: measuring ${options.duration} s with ${options.connections} connections${profile ? ' (CPU-profiled)' : ''}`);
    const machineBefore = cpuTimes();
    const results = await Promise.all(loads.map((l, k) => runLoad({ ...l, seconds: options.duration, firstRequest: next[k] })));
    const machineBusy = busyShare(machineBefore, cpuTimes());
    // Requests cut off when autocannon stops may still commit; let them, so rows match what was sent.
    await new Promise((r) => setTimeout(r, 250));
    const after = await server.counts();
    const cpuAfter = await Promise.all(servers.map((s) => s.counts()));
    const dbCpuAfter = scenario.postgres ? postgresCpuMicros(join(postgres!.dir, 'data')) : null;
    if (profile) await server.stopProfile(profile);
    const result = combineLoads(results.map((r) => r.result));
    const rowsStored = scenario.name.startsWith('votes')
      ? after.votes - before.votes
      : scenario.name.startsWith('events')
        ? after.events - before.events
        : null;
    log(
      `${scenario.name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
    return {
      load: result,
      rowsStored,
      serverCpuMicros: cpuAfter.reduce((total, c, k) => total + c.cpuMicros - cpuBefore[k]!.cpuMicros, 0),
      databaseCpuMicros: dbCpuBefore !== null && dbCpuAfter !== null ? dbCpuAfter - dbCpuBefore : null,
      machineBusy,
      profile: profile ? summarizeProfile(profile) : null,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/**
 * The loads on several replicas as one: counts and rates add up; p50 is the
 * request-weighted mean of the parts' medians, p99 and max the worst part's (an upper bound).
 */
function combineLoads(parts: LoadResult[]): LoadResult {
  if (parts.length === 1) return parts[0]!;
  const requests = parts.reduce((t, p) => t + p.requests, 0);
  const statusCodes: Record<string, number> = {};
  for (const p of parts) for (const [code, n] of Object.entries(p.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    requests,
    seconds: Math.max(...parts.map((p) => p.seconds)),
    requestsPerSecond: parts.reduce((t, p) => t + p.requestsPerSecond, 0),
    p50: Math.round(parts.reduce((t, p) => t + p.p50 * p.requests, 0) / Math.max(1, requests)),
    p99: Math.max(...parts.map((p) => p.p99)),
    max: Math.max(...parts.map((p) => p.max)),
    non2xx: parts.reduce((t, p) => t + p.non2xx, 0),
    errors: parts.reduce((t, p) => t + p.errors, 0),
    statusCodes,
  };
}

async function main() {
  let options: ApiBenchOptions;
  try {
    options = parseApiBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench:api: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) return console.log(USAGE);

  const workDir = mkdtempSync(join(tmpdir(), 'kb-bench-api-'));
  process.on('SIGINT', () => {
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
  const articleIds = syntheticManifest(options.articles).articles.map((a) => a.id);
  const scenarios: Scenario[] = [
    {
      name: 'ceiling',
      mode: 'ceiling',
      path: CEILING_PATH,
      what: `bare Hono route answering 204 on @hono/node-server; same vote bodies and headers, body not read`,
      request: (n) => voteRequest(n, articleIds),
    },
    {
      name: 'votes',
      mode: 'api',
      path: '/api/votes',
      what: 'POST /api/votes, one new vote per request (5 articles per visitor)',
      request: (n) => voteRequest(n, articleIds),
    },
    {
      name: 'events',
      mode: 'api',
      path: '/api/events',
      what: `POST /api/events, ${EVENTS_PER_BATCH} events per request (5 batches per visitor)`,
      request: eventRequests(articleIds),
    },
  ];
  if (options.compare) {
    const inline = { KB_CHECKPOINT_THREAD: 'off' };
    scenarios.push(
      {
        name: 'votes-inline',
        mode: 'api',
        path: '/api/votes',
        what: 'as votes, with WAL checkpoints inside the commits (KB_CHECKPOINT_THREAD=off)',
        request: (n) => voteRequest(n, articleIds),
        env: inline,
      },
      {
        name: 'events-inline',
        mode: 'api',
        path: '/api/events',
        what: 'as events, with WAL checkpoints inside the commits (KB_CHECKPOINT_THREAD=off)',
        request: eventRequests(articleIds),
        env: inline,
      },
    );
  }
  if (options.db === 'postgres') {
    scenarios.push(
      {
        name: 'votes-pg',
        mode: 'api',
        path: '/api/votes',
        what: 'as votes, on PostgreSQL (one API replica)',
        request: (n) => voteRequest(n, articleIds),
        postgres: { replicas: 1 },
      },
      {
        name: 'events-pg',
        mode: 'api',
        path: '/api/events',
        what: 'as events, on PostgreSQL (one API replica)',
        request: eventRequests(articleIds),
        postgres: { replicas: 1 },
      },
      {
        name: 'votes-pg-2r',
        mode: 'api',
        path: '/api/votes',
        what: 'as votes, on PostgreSQL with two API replicas on one database, the connections split between them',
        request: (n) => voteRequest(n, articleIds),
        postgres: { replicas: 2 },
      },
      {
        name: 'events-pg-2r',
        mode: 'api',
        path: '/api/events',
        what: 'as events, on PostgreSQL with two API replicas on one database, the connections split between them',
        request: eventRequests(articleIds),
        postgres: { replicas: 2 },
      },
    );
    log('starting a throw-away PostgreSQL 15 server (fsync and synchronous_commit off, as the tests run it)');
    postgres = await startThrowAwayServer();
  }
  const loadStart = loadavg()[0]!;
  log(
    `${options.rounds} rounds × ${scenarios.length} scenarios × (${options.warmup} s warm-up + ${options.duration} s); ${options.articles} synthetic articles; work dir ${workDir}`,
  );

  const rounds = new Map<ScenarioName, RoundResult[]>(scenarios.map((s) => [s.name, []]));
  const profiles: Array<{ name: string; summary: ProfileSummary }> = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      let ceiling: LoadResult | null = null;
      for (const scenario of scenarios) {
        const measured = await measure(scenario, options, workDir, round);
        if (scenario.name === 'ceiling') ceiling = measured.load;
        rounds.get(scenario.name)!.push({
          load: measured.load,
          rowsStored: measured.rowsStored,
          serverCpuMicros: measured.serverCpuMicros,
          databaseCpuMicros: measured.databaseCpuMicros,
          ceilingRequestsPerSecond: ceiling?.requestsPerSecond ?? null,
          machineBusy: measured.machineBusy,
        });
        if (measured.profile) profiles.push({ name: scenario.name, summary: measured.profile });
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await postgres?.stop();
  }
  const summaries: ScenarioSummary[] = scenarios.map((s) => summarizeScenario(s.name, s.what, rounds.get(s.name)!));

  const checks = checkTargets(summaries);
  const cpus = availableParallelism();
  const loadEnd = loadavg()[0]!;
  const busy = Math.max(loadStart, loadEnd) > cpus;
  const notes = [
    'Servers: each scenario in its own child process (node --import tsx, fresh temporary WAL database via openDatabase + migrate);',
    `  load generator: autocannon ${options.connections} connections in this process, 127.0.0.1 only; ${options.warmup} s warm-up, then ${options.duration} s measured;`,
    `  ${options.rounds} round${options.rounds === 1 ? '' : 's'} of all scenarios in turn: req/s, latencies and ratios are medians over the rounds, ratios taken against the ceiling of the same round.`,
    'Rate limits: the real ones (10 votes, 60 events per visitor a minute); visitors vary via X-Forwarded-For, trusted from 127.0.0.1.',
    "Latency: autocannon records whole milliseconds. Server CPU: the child's user + system time over the measured window.",
    `Machine busy: the share of all ${availableParallelism()} cores' time in use while measured (server, load generator and anything else running).`,
    `Machine: ${cpus} CPUs, load average ${loadStart.toFixed(1)} at start, ${loadEnd.toFixed(1)} at end${busy ? ' (busy: other work ran alongside, figures are noisy)' : ''}; Node ${process.version}.`,
  ];
  if (options.db === 'postgres')
    notes.push(
      'PostgreSQL: a throw-away PostgreSQL 15 on a unix socket (scripts/lib/throwaway-postgres.ts; fsync and synchronous_commit off, like SQLite WAL with synchronous=NORMAL: no flush per commit), a fresh database per scenario and round, a pool of 10 per replica;',
      "  its server processes' CPU is read from /proc and reported beside the API process's. Two replicas share the machine's 2 cores with PostgreSQL and the load generator.",
    );
  console.log(formatTable(summaries, checks, [...notes, '', ...compareDatabases(summaries)]));
  for (const p of profiles) console.log(`\n${formatProfile(p.name, p.summary)}`);
  if (options.json) {
    const machine = { cpus, loadStart, loadEnd, node: process.version };
    console.log(
      JSON.stringify(
        { startedAt: new Date(started).toISOString(), options, machine, scenarios: summaries, targets: checks, profiles },
        null,
        2,
      ),
    );
  }

  const failed = summaries.filter((s) => s.non2xxShare > MAX_NON_2XX_SHARE || s.load.errors > s.load.requests * MAX_NON_2XX_SHARE);
  const missed = checks.filter((c) => !c.met).length;
  if (failed.length > 0) {
    for (const s of failed)
      console.error(
        `bench:api: FAILED: ${s.name} had ${s.load.non2xx} non-2xx responses and ${s.load.errors} errors of ${s.load.requests} (statuses ${JSON.stringify(s.load.statusCodes)}); over ${MAX_NON_2XX_SHARE * 100}% means the run measured errors, not the API`,
      );
    process.exit(1);
  }
  const v = summaries.find((s) => s.name === 'votes');
  const e = summaries.find((s) => s.name === 'events');
  log(
    `done: votes ${Math.round(v?.load.requestsPerSecond ?? 0)} req/s (${((v?.ratioToCeiling ?? 0) * 100).toFixed(0)}% of ceiling), events ${Math.round(e?.eventsPerSecond ?? 0)} events/s; ${checks.length - missed}/${checks.length} targets met`,
  );
}

main().catch((error: Error) => {
  console.error(`bench:api: ${error.message}`);
  process.exit(1);
});

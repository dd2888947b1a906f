/** Command-line options of `npm run bench:api`, range-checked and reported by option name. */
import { parseArgs } from 'node:util';
import { UsageError, wholeNumberFlag } from '../cli/usage.ts';

/** The benchmark's settings after parsing. */
export interface ApiBenchOptions {
  /** Measured seconds per scenario and round. */
  duration: number;
  /** Rounds of all scenarios; figures are medians over them. */
  rounds: number;
  /** Also measure votes and events with WAL checkpoints left in the commits (KB_CHECKPOINT_THREAD=off). */
  compare: boolean;
  /** Unmeasured seconds before each scenario, so V8 has optimised the hot paths. */
  warmup: number;
  connections: number;
  /** Articles in the synthetic catalog. */
  articles: number;
  json: boolean;
  /** Record a V8 CPU profile of each API server child while measured and print where its time goes. */
  profile: boolean;
  /** `postgres`: also run votes and events on PostgreSQL, with one replica and with two, beside SQLite. */
  db: 'sqlite' | 'postgres';
  help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: npm run bench:api -- [options]

Load-tests the API on 127.0.0.1 with autocannon and prints requests/s and p50/p99 latency of
  ceiling   a bare 204 Hono route on @hono/node-server (same bodies and headers as the votes)
  votes     POST /api/votes, one new vote per request
  events    POST /api/events, 10 events per request (also events/s stored)
each with its ratio to the ceiling measured in the same round. The scenarios run in turn, round
after round; rates, latencies and ratios are medians over the rounds, because a shared machine's
speed drifts. Every server runs in its own child process over a fresh temporary WAL database;
the load generator runs in this process. Visitors vary through X-Forwarded-For (127.0.0.1 is
the trusted proxy) and stay under the real rate limits. Exits non-zero if more than 1% of the
responses of a scenario are not 2xx.

Options:
  --duration <s>     measured seconds per scenario and round (default 5)
  --rounds <n>       rounds of all scenarios (default 3)
  --compare          also run votes-inline and events-inline: the same servers with WAL
                     checkpoints left inside the commits (KB_CHECKPOINT_THREAD=off)
  --warmup <s>       unmeasured seconds before each scenario (default 2)
  --connections <n>  concurrent keep-alive connections (default 50)
  --articles <n>     articles in the synthetic catalog (default 300)
  --profile          CPU-profile the API servers while measured (V8 profiler), print where
                     time goes and keep the profiles in .bench/api/*.cpuprofile
  --db postgres      also run votes and events on PostgreSQL (a throw-away server, as the
                     tests start it) with one API replica and with two replicas on one
                     database (the load split between them), beside SQLite in the same run;
                     prints the ratios to SQLite and server CPU per vote against the ceiling
  --json             also print the figures as JSON
  --help             show this help
`;

/** Parses argv (without node and the script). Throws UsageError naming the option at fault. */
export function parseApiBenchOptions(argv: string[]): ApiBenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        duration: { type: 'string' },
        rounds: { type: 'string' },
        compare: { type: 'boolean', default: false },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        articles: { type: 'string' },
        profile: { type: 'boolean', default: false },
        db: { type: 'string', default: 'sqlite' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    duration: wholeNumberFlag('duration', values.duration, 5, 1, 600),
    rounds: wholeNumberFlag('rounds', values.rounds, 3, 1, 50),
    compare: values.compare,
    warmup: wholeNumberFlag('warmup', values.warmup, 2, 0, 60),
    connections: wholeNumberFlag('connections', values.connections, 50, 1, 1000),
    articles: wholeNumberFlag('articles', values.articles, 300, 5, 100_000),
    json: values.json,
    profile: values.profile,
    db: databaseFlag(values.db),
    help: values.help,
  };
}

/** The --db value: `sqlite` (the default) or `postgres`. */
export function databaseFlag(value: string | undefined): 'sqlite' | 'postgres' {
  if (value === undefined || value === 'sqlite' || value === 'postgres') return value ?? 'sqlite';
  throw new UsageError(`--db must be sqlite or postgres (got "${value}")`);
}

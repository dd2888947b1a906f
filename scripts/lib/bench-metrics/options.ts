/** The command-line options of `npm run bench:metrics` (scripts/bench-metrics.ts), parsed apart so they can be tested. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench:metrics -- [options]
  --scenario S     "endpoints" (default): every metric endpoint under load, as below;
                   "scorecards": 100,000 tickets over one quarter (the last whole one) handled
                   by 200 agents in 10 teams (roster), then the agent and team scorecards and
                   the period report of that quarter, each requested --requests times one
                   after another with no result cache (cold): p50/p99 (issue 18)
  --events N       events to seed (default 1000000; scorecards: 100000)
  --votes N        votes to seed (default 100000; scorecards: 10000)
  --tickets N      tickets to seed (default 100000)
  --days N         days of history (default 180; scorecards: the quarter's days)
  --seconds N      seconds per endpoint and range (default 5)
  --connections N  concurrent connections (default 20)
  --requests N     scorecards: sequential requests per endpoint (default 30)
  --page-runs N    scorecards: times the report page is opened in Chromium (default 5; 0: not
                   measured); needs a production build: --dist, or one is built first
  --dist DIR       scorecards: the production build to serve the report page from (npm run
                   build; KB_OUT_DIR); without it the scenario builds one (minutes)
  --agents N       scorecards: agents on the roster (default 200)
  --teams N        scorecards: teams they are spread over (default 10)
  --only IDS       comma-separated metric ids (and "summary") to load; default all
  --cache-seconds N  reuse computed results for N s as the server does (default 0: nothing is
                   reused once answered, though identical requests in flight share one
                   computation; the server's own default is KB_METRICS_CACHE_SECONDS=60;
                   always 0 in the scorecards scenario)
  --scale F        multiply the events, votes and tickets by F (0.01–1; default 1), for a
                   shorter run on a shared machine
  --db postgres    also copy the seeded database to PostgreSQL (a throw-away server, as the
                   tests start it) and load every endpoint there too, beside SQLite in the
                   same run, with the ratio of the p99s
  --json           print the figures as JSON too
  -h, --help       this text`;

export type Scenario = 'endpoints' | 'scorecards';

export interface BenchMetricsOptions {
  help: boolean;
  scenario: Scenario;
  scale: number;
  db: 'sqlite' | 'postgres';
  json: boolean;
  only: string[] | undefined;
  cacheSeconds: number;
  events: number;
  votes: number;
  tickets: number;
  /** Days of history; undefined in the scorecards scenario unless given (the quarter's days). */
  days: number | undefined;
  seconds: number;
  connections: number;
  requests: number;
  agents: number;
  teams: number;
  /** Scorecards: report page runs in Chromium (0: none), and the build to serve it from (undefined: build one). */
  pageRuns: number;
  dist: string | undefined;
}

/** Parses `args` (process.argv.slice(2)); throws an Error naming the option on a bad value. */
export function parseOptions(args: string[]): BenchMetricsOptions {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string', default: 'endpoints' },
      events: { type: 'string' },
      votes: { type: 'string' },
      tickets: { type: 'string', default: '100000' },
      days: { type: 'string' },
      'cache-seconds': { type: 'string', default: '0' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '20' },
      requests: { type: 'string', default: '30' },
      agents: { type: 'string', default: '200' },
      teams: { type: 'string', default: '10' },
      'page-runs': { type: 'string', default: '5' },
      dist: { type: 'string' },
      only: { type: 'string' },
      scale: { type: 'string', default: '1' },
      db: { type: 'string', default: 'sqlite' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.scenario !== 'endpoints' && values.scenario !== 'scorecards')
    throw new Error(`--scenario must be endpoints or scorecards, got "${values.scenario}"`);
  const scenario: Scenario = values.scenario;
  const scorecards = scenario === 'scorecards';
  const int = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
    return n;
  };
  const scale = Number(values.scale);
  if (!(scale >= 0.01 && scale <= 1)) throw new Error(`--scale must be a number from 0.01 to 1, got "${values.scale}"`);
  if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error(`--db must be sqlite or postgres, got "${values.db}"`);
  const scaled = (name: string, value: string) => Math.max(1, Math.round(int(name, value) * scale));
  const agents = int('agents', values.agents);
  const teams = int('teams', values.teams);
  if (teams > agents) throw new Error(`--teams must not exceed --agents (${agents}), got "${teams}"`);
  return {
    help: values.help ?? false,
    scenario,
    scale,
    db: values.db,
    json: values.json ?? false,
    only: values.only?.split(',').map((s) => s.trim()),
    cacheSeconds: scorecards ? 0 : Math.max(0, Number(values['cache-seconds']) || 0),
    events: scaled('events', values.events ?? (scorecards ? '100000' : '1000000')),
    votes: scaled('votes', values.votes ?? (scorecards ? '10000' : '100000')),
    tickets: scaled('tickets', values.tickets),
    days: values.days === undefined ? (scorecards ? undefined : 180) : int('days', values.days),
    seconds: int('seconds', values.seconds),
    connections: int('connections', values.connections),
    requests: int('requests', values.requests),
    agents,
    teams,
    pageRuns: values['page-runs'] === '0' ? 0 : int('page-runs', values['page-runs']),
    dist: values.dist,
  };
}

/**
 * The last whole calendar quarter before `today` (UTC date): its label (2026-Q3), first and
 * last day, its length in days, and `now` at 12:00 Shanghai on its last day, where the
 * scorecards scenario's seeded history ends.
 */
export function lastWholeQuarter(today: Date): { period: string; from: string; to: string; days: number; now: Date } {
  let year = today.getUTCFullYear();
  let quarter = Math.floor(today.getUTCMonth() / 3); // the current one, 0-based; the previous is quarter - 1
  if (quarter === 0) {
    year--;
    quarter = 4;
  }
  const start = Date.UTC(year, (quarter - 1) * 3, 1);
  const end = Date.UTC(year, quarter * 3, 1) - 86_400_000;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return {
    period: `${year}-Q${quarter}`,
    from: day(start),
    to: day(end),
    days: Math.round((end - start) / 86_400_000) + 1,
    now: new Date(end + 4 * 3_600_000),
  };
}

/**
 * The figures of one `npm run bench:api` run, the targets they are held to, and the
 * printed table.
 */
import { median, ratio } from '../../../core/stats.ts';
import type { LoadResult } from './load.ts';

/** The measured scenarios; the `-inline` ones run with WAL checkpoints in the commits (KB_CHECKPOINT_THREAD=off). */
export type ScenarioName =
  'ceiling' | 'votes' | 'events' | 'votes-inline' | 'events-inline' | 'votes-pg' | 'events-pg' | 'votes-pg-2r' | 'events-pg-2r';

/** One round of one scenario: a fresh server measured once. */
export interface RoundResult {
  load: LoadResult;
  /** Rows the scenario added to its table (votes or events). */
  rowsStored: number | null;
  /** The server child's CPU time over the measured window, in microseconds. */
  serverCpuMicros: number;
  /** The PostgreSQL server's CPU time over the window (PostgreSQL scenarios), in microseconds. */
  databaseCpuMicros?: number | null;
  /** The ceiling's req/s in the same round, for the ratio. */
  ceilingRequestsPerSecond: number | null;
  /** Share of all cores' time that was busy while measured (machine.ts), null if unknown. */
  machineBusy: number | null;
}

/**
 * One scenario over all rounds. Rates, latencies and ratios are medians over the rounds
 * (a shared machine's speed drifts between rounds); counts are totals.
 */
export interface ScenarioSummary {
  name: ScenarioName;
  what: string;
  load: LoadResult;
  rounds: number;
  /** Each round's req/s, in order, to show the spread behind the median. */
  roundRequestsPerSecond: number[];
  /** Median over the rounds of req/s ÷ the ceiling's req/s in the same round. */
  ratioToCeiling: number | null;
  /** Rows the scenario added to its table (votes or events), counted in the database. */
  rowsStored: number | null;
  /** Events stored per second (events scenario only). */
  eventsPerSecond: number | null;
  /** Share of responses that were not 2xx (0–1). */
  non2xxShare: number;
  /** Server CPU time (user + system) per response, in microseconds: robust to a busy machine. */
  serverCpuMicrosPerRequest: number;
  /** Server CPU time over wall time: 1 = one core kept busy the whole run. */
  serverCpuCores: number;
  /** The PostgreSQL server's CPU time per response (PostgreSQL scenarios), in microseconds. */
  databaseCpuMicrosPerRequest: number | null;
  /** Median over the rounds of the share of all cores' time that was busy (server, load generator and anything else). */
  machineBusy: number | null;
}

/** A target and whether this run met it. */
export interface TargetCheck {
  scenario: ScenarioName;
  target: string;
  actual: string;
  met: boolean;
}

/** The targets the API is held to (from the task that added this benchmark). */
export const TARGETS = { votesRatio: 0.4, votesP99Ms: 20, eventsPerSecond: 50_000 } as const;

/** Above this share of non-2xx responses the run measured errors, not the API: it fails. */
export const MAX_NON_2XX_SHARE = 0.01;

/** Derives medians, ratios and rates from one scenario's rounds (at least one). */
export function summarizeScenario(name: ScenarioName, what: string, rounds: RoundResult[]): ScenarioSummary {
  if (rounds.length === 0) throw new RangeError(`bench:api: scenario ${name} has no rounds to summarize`);
  const loads = rounds.map((r) => r.load);
  // Rounds are never empty (checked above), so the median of a per-round figure is known.
  const medianOfRounds = (values: number[]): number => median(values)!;
  const sum = (pick: (l: LoadResult) => number) => loads.reduce((total, l) => total + pick(l), 0);
  const statusCodes: Record<string, number> = {};
  for (const l of loads) for (const [code, count] of Object.entries(l.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const load: LoadResult = {
    requests: sum((l) => l.requests),
    seconds: sum((l) => l.seconds),
    requestsPerSecond: medianOfRounds(loads.map((l) => l.requestsPerSecond)),
    p50: medianOfRounds(loads.map((l) => l.p50)),
    p99: medianOfRounds(loads.map((l) => l.p99)),
    // The slowest response of any round: a maximum, unlike the medians around it.
    max: Math.max(...loads.map((l) => l.max)),
    non2xx: sum((l) => l.non2xx),
    errors: sum((l) => l.errors),
    statusCodes,
  };
  const ratios = rounds.flatMap((r) => ratio(r.load.requestsPerSecond, r.ceilingRequestsPerSecond) ?? []);
  const stored = rounds.every((r) => r.rowsStored !== null) ? rounds.map((r) => r.rowsStored!) : null;
  const serverCpuMicros = rounds.reduce((total, r) => total + r.serverCpuMicros, 0);
  const busy = rounds.flatMap((r) => (r.machineBusy === null ? [] : [r.machineBusy]));
  return {
    name,
    what,
    load,
    rounds: rounds.length,
    roundRequestsPerSecond: loads.map((l) => l.requestsPerSecond),
    ratioToCeiling: median(ratios),
    rowsStored: stored ? stored.reduce((a, b) => a + b, 0) : null,
    eventsPerSecond: name.startsWith('events') && stored ? medianOfRounds(rounds.map((r) => r.rowsStored! / r.load.seconds)) : null,
    // No responses at all is a failed run, not a clean one: count it as all errors.
    non2xxShare: ratio(load.non2xx, load.requests) ?? 1,
    serverCpuMicrosPerRequest: ratio(serverCpuMicros, load.requests) ?? 0,
    serverCpuCores: serverCpuMicros / 1e6 / load.seconds,
    databaseCpuMicrosPerRequest: rounds.every((r) => typeof r.databaseCpuMicros === 'number')
      ? (ratio(
          rounds.reduce((total, r) => total + r.databaseCpuMicros!, 0),
          load.requests,
        ) ?? null)
      : null,
    machineBusy: median(busy),
  };
}

/** Checks the votes and events scenarios against TARGETS. */
export function checkTargets(scenarios: ScenarioSummary[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const votes = scenarios.find((s) => s.name === 'votes');
  if (votes && votes.ratioToCeiling !== null) {
    checks.push({
      scenario: 'votes',
      target: `≥ ${TARGETS.votesRatio * 100}% of the ceiling's req/s`,
      actual: `${(votes.ratioToCeiling * 100).toFixed(1)}%`,
      met: votes.ratioToCeiling >= TARGETS.votesRatio,
    });
    checks.push({
      scenario: 'votes',
      target: `p99 < ${TARGETS.votesP99Ms} ms`,
      actual: `${votes.load.p99} ms`,
      met: votes.load.p99 < TARGETS.votesP99Ms,
    });
  }
  const events = scenarios.find((s) => s.name === 'events');
  if (events && events.eventsPerSecond !== null) {
    checks.push({
      scenario: 'events',
      target: `≥ ${TARGETS.eventsPerSecond.toLocaleString('en-US')} events/s stored`,
      actual: Math.round(events.eventsPerSecond).toLocaleString('en-US'),
      met: events.eventsPerSecond >= TARGETS.eventsPerSecond,
    });
  }
  return checks;
}

const int = (v: number | null): string => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The results as an aligned plain-text table with the targets under it. */
export function formatTable(scenarios: ScenarioSummary[], checks: TargetCheck[], notes: string[]): string {
  const rows = [
    [
      'scenario',
      'req/s',
      'rounds: min–max req/s',
      'p50 ms',
      'p99 ms',
      'responses',
      'non-2xx',
      'errors',
      'vs ceiling',
      'rows stored',
      'events/s',
      'server CPU µs/req',
      'server cores',
      'machine busy',
    ],
    ...scenarios.map((s) => [
      s.name,
      int(s.load.requestsPerSecond),
      `${int(Math.min(...s.roundRequestsPerSecond))}–${int(Math.max(...s.roundRequestsPerSecond))}`,
      String(s.load.p50),
      String(s.load.p99),
      int(s.load.requests),
      `${int(s.load.non2xx)} (${pct(s.non2xxShare)})`,
      int(s.load.errors),
      s.name === 'ceiling' ? '100%' : pct(s.ratioToCeiling),
      int(s.rowsStored),
      int(s.eventsPerSecond),
      int(s.serverCpuMicrosPerRequest),
      s.serverCpuCores.toFixed(2),
      s.machineBusy === null ? '—' : `${Math.round(s.machineBusy * 100)}%`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join('  ');
  const targetLines = checks.map((c) => `  ${c.met ? 'met   ' : 'MISSED'}  ${c.scenario}: ${c.target} (this run: ${c.actual})`);
  return [...rows.map(line), '', ...scenarios.map((s) => `  ${s.name}: ${s.what}`), '', 'Targets:', ...targetLines, '', ...notes].join(
    '\n',
  );
}

/**
 * PostgreSQL beside SQLite in the same run (--db postgres): each PostgreSQL scenario's rate
 * as a share of SQLite's, two replicas against one, and server CPU per vote against the
 * ceiling's CPU per request. Empty without PostgreSQL scenarios.
 */
export function compareDatabases(scenarios: ScenarioSummary[]): string[] {
  const by = (name: ScenarioName) => scenarios.find((s) => s.name === name);
  const rate = (s: ScenarioSummary) => (s.name.startsWith('events') ? (s.eventsPerSecond ?? 0) : s.load.requestsPerSecond);
  const lines: string[] = [];
  for (const kind of ['votes', 'events'] as const) {
    const sqlite = by(kind);
    const one = by(`${kind}-pg`);
    const two = by(`${kind}-pg-2r`);
    if (!sqlite || !one) continue;
    const unit = kind === 'votes' ? 'votes/s' : 'events/s';
    lines.push(
      `  ${kind}: SQLite ${int(rate(sqlite))} ${unit} (p99 ${sqlite.load.p99} ms); PostgreSQL one replica ${int(rate(one))} (p99 ${one.load.p99} ms) = ${pct(ratio(rate(one), rate(sqlite)))} of SQLite` +
        (two
          ? `; two replicas ${int(rate(two))} (p99 ${two.load.p99} ms) = ${pct(ratio(rate(two), rate(sqlite)))} of SQLite, ${(ratio(rate(two), rate(one)) ?? 0).toFixed(2)}× one replica`
          : ''),
    );
  }
  const ceiling = by('ceiling');
  if (ceiling && by('votes-pg')) {
    const times = (micros: number) => `${(ratio(micros, ceiling.serverCpuMicrosPerRequest) ?? 0).toFixed(1)}×`;
    const perVote = (name: ScenarioName) => {
      const s = by(name);
      if (!s) return '—';
      const api = `${int(s.serverCpuMicrosPerRequest)} µs (${times(s.serverCpuMicrosPerRequest)})`;
      if (s.databaseCpuMicrosPerRequest === null) return api;
      const all = s.serverCpuMicrosPerRequest + s.databaseCpuMicrosPerRequest;
      return `${api} + PostgreSQL ${int(s.databaseCpuMicrosPerRequest)} µs = ${int(all)} µs (${times(all)})`;
    };
    lines.push(`  server CPU per vote against the ceiling's ${int(ceiling.serverCpuMicrosPerRequest)} µs per request:`);
    lines.push(`    SQLite (in the API process): ${perVote('votes')}`);
    lines.push(`    PostgreSQL, one replica: ${perVote('votes-pg')}`);
    if (by('votes-pg-2r')) lines.push(`    PostgreSQL, two replicas: ${perVote('votes-pg-2r')}`);
  }
  return lines.length ? ['PostgreSQL beside SQLite (same run, medians over the rounds):', ...lines] : [];
}

/**
 * The figures of one `npm run bench:api` run, the targets they are held to, and the
 * printed table.
 */
import type { LoadResult } from './load.ts';

export type ScenarioName = 'ceiling' | 'votes' | 'events';

/** One measured scenario. */
export interface ScenarioSummary {
  name: ScenarioName;
  what: string;
  load: LoadResult;
  /** Requests per second relative to the ceiling's. */
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

/** Derives ratios and rates from one scenario's measurements. */
export function summarizeScenario(name: ScenarioName, what: string, load: LoadResult, ceiling: LoadResult | null, rowsStored: number | null, serverCpuMicros: number): ScenarioSummary {
  return {
    name,
    what,
    load,
    ratioToCeiling: ceiling && ceiling.requestsPerSecond > 0 ? load.requestsPerSecond / ceiling.requestsPerSecond : null,
    rowsStored,
    eventsPerSecond: name === 'events' && rowsStored !== null ? rowsStored / load.seconds : null,
    non2xxShare: load.requests > 0 ? load.non2xx / load.requests : 1,
    serverCpuMicrosPerRequest: load.requests > 0 ? serverCpuMicros / load.requests : 0,
    serverCpuCores: serverCpuMicros / 1e6 / load.seconds,
  };
}

/** Checks the votes and events scenarios against TARGETS. */
export function checkTargets(scenarios: ScenarioSummary[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const votes = scenarios.find((s) => s.name === 'votes');
  if (votes && votes.ratioToCeiling !== null) {
    checks.push({ scenario: 'votes', target: `≥ ${TARGETS.votesRatio * 100}% of the ceiling's req/s`, actual: `${(votes.ratioToCeiling * 100).toFixed(1)}%`, met: votes.ratioToCeiling >= TARGETS.votesRatio });
    checks.push({ scenario: 'votes', target: `p99 < ${TARGETS.votesP99Ms} ms`, actual: `${votes.load.p99} ms`, met: votes.load.p99 < TARGETS.votesP99Ms });
  }
  const events = scenarios.find((s) => s.name === 'events');
  if (events && events.eventsPerSecond !== null) {
    checks.push({ scenario: 'events', target: `≥ ${TARGETS.eventsPerSecond.toLocaleString('en-US')} events/s stored`, actual: Math.round(events.eventsPerSecond).toLocaleString('en-US'), met: events.eventsPerSecond >= TARGETS.eventsPerSecond });
  }
  return checks;
}

const int = (v: number | null): string => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The results as an aligned plain-text table with the targets under it. */
export function formatTable(scenarios: ScenarioSummary[], checks: TargetCheck[], notes: string[]): string {
  const rows = [
    ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'responses', 'non-2xx', 'errors', 'vs ceiling', 'rows stored', 'events/s', 'server CPU µs/req', 'server cores'],
    ...scenarios.map((s) => [
      s.name, int(s.load.requestsPerSecond), String(s.load.p50), String(s.load.p99), int(s.load.requests),
      `${int(s.load.non2xx)} (${pct(s.non2xxShare)})`, int(s.load.errors), s.name === 'ceiling' ? '100%' : pct(s.ratioToCeiling), int(s.rowsStored), int(s.eventsPerSecond),
      int(s.serverCpuMicrosPerRequest), s.serverCpuCores.toFixed(2),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join('  ');
  const targetLines = checks.map((c) => `  ${c.met ? 'met   ' : 'MISSED'}  ${c.scenario}: ${c.target} (this run: ${c.actual})`);
  return [
    ...rows.map(line),
    '',
    ...scenarios.map((s) => `  ${s.name}: ${s.what}`),
    '',
    'Targets:',
    ...targetLines,
    '',
    ...notes,
  ].join('\n');
}

/**
 * The scorecards scenario of `npm run bench:metrics` (issue 18): a roster of many agents in
 * teams over the seeded tickets, then cold sequential requests of the scorecards and the
 * period report (docs/performance.md, "Scorecards and the period report").
 */
import type SQLite from 'better-sqlite3';
import { percentile } from '../../../core/stats.ts';

/** The roster's agent ids: agent-000 … and team names Team 01 …, agent i in team i mod teams. */
export function benchRoster(agents: number, teams: number): Array<{ agent: string; name: string; team: string }> {
  const width = String(agents - 1).length;
  return Array.from({ length: agents }, (_, i) => ({
    agent: `agent-${String(i).padStart(width, '0')}`,
    name: `Agent ${i}`,
    team: `Team ${String((i % teams) + 1).padStart(2, '0')}`,
  }));
}

/**
 * Replaces the demo roster with `benchRoster(agents, teams)` and spreads the seeded tickets
 * that have an agent over those agents (by row, deterministic). Returns the tickets reassigned.
 */
export function assignRoster(sqlite: SQLite.Database, agents: number, teams: number, at: Date): number {
  const roster = benchRoster(agents, teams);
  const insert = sqlite.prepare('insert into agent_roster (agent, name, team, updated_at) values (?, ?, ?, ?)');
  const width = String(agents - 1).length;
  return sqlite.transaction(() => {
    sqlite.prepare('delete from agent_roster').run();
    for (const r of roster) insert.run(r.agent, r.name, r.team, at.toISOString());
    // Whole numbers inlined (bound JS numbers are REAL in SQLite, and rowid % 200.0 is "5.0"): the ids benchRoster gives.
    const modulo = Math.trunc(agents);
    return sqlite
      .prepare(
        `update tickets set agent = 'agent-' || substr('${'0'.repeat(width)}' || (rowid % ${modulo}), -${width}) where agent is not null`,
      )
      .run().changes;
  })();
}

export interface ColdFigures {
  path: string;
  requests: number;
  firstMs: number;
  p50: number;
  p99: number;
  max: number;
  bytes: number;
  failures: number;
}

/** `requests` GETs of `path`, one after another (so none shares another's computation): milliseconds to the whole body. */
export async function coldRequests(port: number, path: string, token: string, requests: number): Promise<ColdFigures> {
  const times: number[] = [];
  let bytes = 0;
  let failures = 0;
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.arrayBuffer();
    times.push(performance.now() - t);
    bytes = body.byteLength;
    if (!response.ok) failures++;
  }
  return {
    path,
    requests,
    firstMs: times[0] ?? 0,
    p50: percentile(times, 0.5) ?? 0,
    p99: percentile(times, 0.99) ?? 0,
    max: Math.max(...times),
    bytes,
    failures,
  };
}

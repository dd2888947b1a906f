/**
 * The scorecards scenario of `npm run bench:metrics` (issue 18): a roster of many agents in
 * teams over the seeded tickets, then cold sequential requests of the scorecards and the
 * period report, and the report page in Chromium (docs/performance.md, "Scorecards and the
 * period report").
 */
import type SQLite from 'better-sqlite3';
import type { Db } from '../../../api/db/index.ts';
import { insertStaffUser } from '../../../api/db/queries/staff-users.ts';
import { hashPassword } from '../../../api/lib/staff/password.ts';
import { percentile } from '../../../core/stats.ts';
import { BROWSER_UA, launchChromium } from '../chromium.ts';

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

/** The bench's manager account: the report page is read signed in as it (bearer tokens are for the API). */
export const BENCH_MANAGER = { email: 'bench.manager@example.com', name: 'Bench Manager', password: 'bench report manager' } as const;

/** Adds BENCH_MANAGER (role manager) to the seeded database. */
export async function addBenchManager(db: Db, at: Date): Promise<void> {
  await insertStaffUser(
    db,
    {
      email: BENCH_MANAGER.email,
      displayName: BENCH_MANAGER.name,
      role: 'manager',
      passwordHash: await hashPassword(BENCH_MANAGER.password),
    },
    at,
  );
}

export interface PageFigures {
  path: string;
  runs: number;
  /** Milliseconds from navigation to the report's ready marker (data-report-state="ready"), each run. */
  times: number[];
  median: number;
  max: number;
  failures: number;
}

/**
 * The report page in Chromium: signs in as BENCH_MANAGER, then `runs` times navigates to
 * `path` and waits for the ready marker (the island sets data-report-state once the report is
 * rendered). The server keeps no result, so every run computes the report afresh (cold); the
 * page's own files come from the browser's cache after the first run, as for a returning manager.
 */
export async function reportPageTimes(origin: string, path: string, runs: number): Promise<PageFigures> {
  const browser = await launchChromium({ userAgent: BROWSER_UA, timeoutMs: 60_000 });
  try {
    const context = await browser.newContext({ userAgent: BROWSER_UA, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${origin}/staff/sign-in/`);
    await page.fill('#staff-email', BENCH_MANAGER.email);
    await page.fill('#staff-password', BENCH_MANAGER.password);
    await page.click('[data-staff-signin] button[type="submit"]');
    await page.waitForURL(/\/staff\/$/, { timeout: 60_000 });
    const times: number[] = [];
    let failures = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await page.goto(`${origin}${path}`);
      const state = await page
        .waitForSelector('[data-report-state]', { timeout: 120_000 })
        .then((el) => el.getAttribute('data-report-state'));
      times.push(performance.now() - t);
      if (state !== 'ready') failures++;
    }
    return { path, runs, times, median: percentile(times, 0.5) ?? 0, max: Math.max(...times), failures };
  } finally {
    await browser.close();
  }
}

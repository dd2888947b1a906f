import { describe, expect, it } from 'vitest';
import { checkTargets, compareDatabases, summarizeScenario, type RoundResult } from '../../scripts/lib/bench-api/report.ts';
import type { LoadResult } from '../../scripts/lib/bench-api/load.ts';
import type { CpuInfo } from 'node:os';
import { busyShare, cpuTimes } from '../../scripts/lib/bench-api/machine.ts';

const load = (requestsPerSecond: number, p99: number, seconds = 5): LoadResult => ({
  requests: requestsPerSecond * seconds,
  seconds,
  requestsPerSecond,
  p50: 5,
  p99,
  max: p99 * 2,
  non2xx: 0,
  errors: 0,
  statusCodes: { 201: requestsPerSecond * seconds },
});
const round = (rps: number, p99: number, ceiling: number, rows: number | null = rps * 5): RoundResult => ({
  load: load(rps, p99),
  rowsStored: rows,
  serverCpuMicros: rps * 5 * 100,
  ceilingRequestsPerSecond: ceiling,
  machineBusy: null,
});

describe('bench:api figures over rounds', () => {
  it('takes the median of the per-round ratios, not the ratio of the medians', () => {
    // Ratios 8,000/16,000 = 0.50, 9,000/30,000 = 0.30, 7,000/20,000 = 0.35: median 0.35.
    // The ratio of the medians would be 8,000 / 20,000 = 0.40.
    const summary = summarizeScenario('votes', 'votes', [round(8000, 15, 16_000), round(9000, 25, 30_000), round(7000, 12, 20_000)]);
    expect(summary.ratioToCeiling).toBeCloseTo(0.35, 10);
    expect(summary.load.requestsPerSecond).toBe(8000);
    expect(summary.load.p99).toBe(15);
    expect(summary.roundRequestsPerSecond).toEqual([8000, 9000, 7000]);
    // Counts are totals: 5 s × (8,000 + 9,000 + 7,000).
    expect(summary.load.requests).toBe(120_000);
    expect(summary.rowsStored).toBe(120_000);
    expect(summary.serverCpuMicrosPerRequest).toBe(100);
  });

  it("gives events per second as the median of each round's rows over its seconds", () => {
    // Rows 250,000 / 5 s = 50,000; 240,000 / 5 = 48,000; 260,000 / 5 = 52,000: median 50,000.
    const summary = summarizeScenario('events', 'events', [
      round(5000, 20, 25_000, 250_000),
      round(4800, 20, 25_000, 240_000),
      round(5200, 20, 25_000, 260_000),
    ]);
    expect(summary.eventsPerSecond).toBe(50_000);
    expect(checkTargets([summary])).toEqual([{ scenario: 'events', target: '≥ 50,000 events/s stored', actual: '50,000', met: true }]);
  });

  it('checks the votes targets against the medians', () => {
    const summary = summarizeScenario('votes', 'votes', [round(7800, 19, 20_000), round(8200, 21, 20_000)]);
    // Median ratio (0.39 + 0.41) / 2 = 0.40 meets 40%; median p99 (19 + 21) / 2 = 20 does not meet < 20 ms.
    expect(checkTargets([summary]).map((c) => c.met)).toEqual([true, false]);
  });
});

describe('how busy the machine was', () => {
  const core = (busy: number, idle: number): CpuInfo => ({ model: 'x', speed: 0, times: { user: busy, nice: 0, sys: 0, irq: 0, idle } });

  it('is the busy share of all cores between two readings', () => {
    const before = cpuTimes([core(1000, 9000), core(2000, 8000)]);
    // Core 1: 750 busy, 250 idle; core 2: 250 busy, 750 idle → 1,000 of 2,000 ms busy.
    const after = cpuTimes([core(1750, 9250), core(2250, 8750)]);
    expect(busyShare(before, after)).toBe(0.5);
    expect(busyShare(before, before)).toBeNull();
  });

  it('is the median over the rounds, leaving out rounds without a reading', () => {
    const rounds = [0.96, null, 0.7, 0.8].map((machineBusy) => ({ ...round(8000, 15, 20_000), machineBusy }));
    expect(summarizeScenario('votes', 'votes', rounds).machineBusy).toBe(0.8);
    expect(summarizeScenario('votes', 'votes', [round(8000, 15, 20_000)]).machineBusy).toBeNull();
  });
});

describe('a scenario without rounds', () => {
  it('is refused rather than summarized as zeros', () => {
    expect(() => summarizeScenario('votes', 'votes', [])).toThrow(RangeError);
  });
});

describe('bench:api --db postgres comparison', () => {
  it('gives PostgreSQL as a share of SQLite, two replicas against one, and CPU per vote against the ceiling', () => {
    const ceiling = summarizeScenario('ceiling', 'ceiling', [{ ...round(20_000, 5, 20_000, null), serverCpuMicros: 20_000 * 5 * 50 }]);
    const votes = summarizeScenario('votes', 'votes', [round(8000, 15, 20_000)]);
    const votesPg = summarizeScenario('votes-pg', 'votes-pg', [{ ...round(4000, 20, 20_000), databaseCpuMicros: 4000 * 5 * 60 }]);
    const votesPg2 = summarizeScenario('votes-pg-2r', 'votes-pg-2r', [{ ...round(5000, 25, 20_000), databaseCpuMicros: 5000 * 5 * 60 }]);
    const lines = compareDatabases([ceiling, votes, votesPg, votesPg2]);
    expect(lines[1]).toContain('PostgreSQL one replica 4,000 (p99 20 ms) = 50.0% of SQLite');
    expect(lines[1]).toContain('two replicas 5,000 (p99 25 ms) = 62.5% of SQLite, 1.25× one replica');
    // 100 µs in the API process + 60 µs in PostgreSQL, against the ceiling's 50 µs.
    expect(lines.join('\n')).toContain('PostgreSQL, one replica: 100 µs (2.0×) + PostgreSQL 60 µs = 160 µs (3.2×)');
    expect(compareDatabases([ceiling, votes])).toEqual([]);
  });
});

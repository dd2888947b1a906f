import { describe, expect, it } from 'vitest';
import { lastWholeQuarter, parseOptions } from '../../scripts/lib/bench-metrics/options.ts';
import SQLite from 'better-sqlite3';
import { assignRoster, benchRoster } from '../../scripts/lib/bench-metrics/scorecards.ts';

describe('bench:metrics options', () => {
  it('keeps the endpoints scenario as it was by default', () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({ scenario: 'endpoints', events: 1_000_000, votes: 100_000, tickets: 100_000, days: 180, cacheSeconds: 0 });
    expect(parseOptions(['--cache-seconds', '60']).cacheSeconds).toBe(60);
  });

  it('gives the scorecards scenario its own defaults, the quarter as its days and no result cache', () => {
    const o = parseOptions(['--scenario', 'scorecards', '--cache-seconds', '60']);
    expect(o).toMatchObject({
      scenario: 'scorecards',
      events: 100_000,
      votes: 10_000,
      tickets: 100_000,
      days: undefined,
      cacheSeconds: 0,
      requests: 30,
      agents: 200,
      teams: 10,
    });
    expect(parseOptions(['--scenario', 'scorecards', '--days', '30']).days).toBe(30);
  });

  it('scales events, votes and tickets for a short run', () => {
    const o = parseOptions(['--scenario', 'scorecards', '--scale', '0.1', '--requests', '5']);
    expect(o).toMatchObject({ events: 10_000, votes: 1_000, tickets: 10_000, requests: 5 });
  });

  it('names the option on a bad value', () => {
    expect(() => parseOptions(['--scenario', 'nope'])).toThrow(/--scenario must be endpoints or scorecards/);
    expect(() => parseOptions(['--requests', '0'])).toThrow(/--requests must be a positive whole number/);
    expect(() => parseOptions(['--agents', '2.5'])).toThrow(/--agents must be a positive whole number/);
    expect(() => parseOptions(['--agents', '5', '--teams', '6'])).toThrow(/--teams must not exceed --agents/);
    expect(() => parseOptions(['--scale', '2'])).toThrow(/--scale must be a number from 0.01 to 1/);
  });
});

describe('lastWholeQuarter', () => {
  it('is the quarter before the current one, ending at noon Shanghai on its last day', () => {
    expect(lastWholeQuarter(new Date('2026-12-04T20:00:00Z'))).toEqual({
      period: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      days: 92,
      now: new Date('2026-09-30T04:00:00Z'),
    });
  });

  it('goes back a year in the first quarter', () => {
    expect(lastWholeQuarter(new Date('2027-02-15T00:00:00Z'))).toMatchObject({
      period: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      days: 92,
    });
    expect(lastWholeQuarter(new Date('2026-04-01T00:00:00Z'))).toMatchObject({
      period: '2026-Q1',
      from: '2026-01-01',
      to: '2026-03-31',
      days: 90,
    });
  });
});

describe('benchRoster', () => {
  it('spreads the agents over the teams evenly with sortable ids', () => {
    const roster = benchRoster(200, 10);
    expect(roster).toHaveLength(200);
    expect(roster[0]).toEqual({ agent: 'agent-000', name: 'Agent 0', team: 'Team 01' });
    expect(roster[199]!.agent).toBe('agent-199');
    const perTeam = new Map<string, number>();
    for (const r of roster) perTeam.set(r.team, (perTeam.get(r.team) ?? 0) + 1);
    expect([...perTeam.values()]).toEqual(Array(10).fill(20));
  });
});

describe('assignRoster', () => {
  it('writes the roster and spreads the tickets with an agent over its ids', () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table agent_roster (agent text primary key, name text not null, team text not null, updated_at text not null)');
    sqlite.exec('create table tickets (agent text)');
    const insert = sqlite.prepare('insert into tickets (agent) values (?)');
    for (let i = 0; i < 450; i++) insert.run(i % 7 === 0 ? null : 'demo');
    expect(assignRoster(sqlite, 200, 10, new Date('2026-09-30T04:00:00Z'))).toBe(385);
    const agents = sqlite.prepare('select distinct agent from tickets where agent is not null').pluck().all() as string[];
    const roster = new Set(sqlite.prepare('select agent from agent_roster').pluck().all() as string[]);
    expect(roster.size).toBe(200);
    expect(agents.length).toBe(200);
    expect(agents.every((a) => roster.has(a))).toBe(true);
    expect(sqlite.prepare('select count(*) from tickets where agent is null').pluck().get()).toBe(65);
  });
});

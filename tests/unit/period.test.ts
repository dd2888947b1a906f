/** Report periods (api/metrics/period.ts) and the local-day runs the roll-up queries use. */
import { describe, expect, it } from 'vitest';
import {
  localDate,
  localMidnightUtc,
  parseMetricQuery,
  periodOf,
  periodsOf,
  previousPeriod,
  resolvePeriod,
} from '../../api/metrics/period.ts';
import { localDayRuns } from '../../api/db/queries/metrics-events.ts';
import { type ApiError } from '../../api/lib/http/errors.ts';

const NOW = new Date('2026-11-27T17:30:00Z'); // 2026-11-28 01:30 in Shanghai

describe('parseMetricQuery', () => {
  it('defaults to the 30 days ending today in Asia/Shanghai, by day', () => {
    const q = parseMetricQuery({}, NOW);
    // Today in Shanghai is 11-28; 30 days inclusive start 29 days earlier, 10-30.
    expect(q).toMatchObject({ from: '2026-10-30', to: '2026-11-28', tz: 'Asia/Shanghai', interval: 'day' });
    // Local midnight of 10-30 in UTC+8 is 10-29 16:00Z; the end is midnight after 11-28.
    expect(q.start).toBe('2026-10-29T16:00:00.000Z');
    expect(q.end).toBe('2026-11-28T16:00:00.000Z');
  });

  it('reads dates in the given zone, across a DST change', () => {
    // New York leaves DST on 2026-11-01: midnight is 04:00Z before and 05:00Z after.
    const q = parseMetricQuery({ from: '2026-10-31', to: '2026-11-01', tz: 'America/New_York' }, NOW);
    expect(q.start).toBe('2026-10-31T04:00:00.000Z');
    expect(q.end).toBe('2026-11-02T05:00:00.000Z');
  });

  it('names the field of each invalid value', () => {
    const fieldOf = (raw: Record<string, string>) => {
      try {
        parseMetricQuery(raw, NOW);
      } catch (error) {
        return (error as ApiError).details.map((d) => d.field);
      }
      return [];
    };
    expect(fieldOf({ from: '2026-02-30' })).toEqual(['from']);
    expect(fieldOf({ from: '2026-13-01' })).toEqual(['from']);
    expect(fieldOf({ from: '2026-11-05', to: '2026-11-01' })).toEqual(['from']);
    expect(fieldOf({ from: '2024-01-01', to: '2026-01-01' })).toEqual(['to']);
    expect(fieldOf({ tz: 'Moon/Base' })).toEqual(['tz']);
    expect(fieldOf({ interval: 'year' })).toEqual(['interval']);
    expect(fieldOf({ from: '1999-12-31' })).toEqual(['from']);
    expect(fieldOf({ to: '2101-01-01' })).toEqual(['to']);
  });

  it('refuses a zone that is not a whole number of quarter hours from UTC in the period', () => {
    // Monrovia was 44 min 30 s behind UTC in 1970: not a whole number of quarter hours. 1970 is
    // before the dates a client may send (core/contracts/dates.ts), so the rule is checked on a
    // query that skipped the schema.
    const fieldOf = () => {
      try {
        resolvePeriod({ from: '1970-01-01', to: '1970-01-02', tz: 'Africa/Monrovia' }, NOW);
      } catch (error) {
        return (error as ApiError).details.map((d) => d.field);
      }
      return [];
    };
    expect(fieldOf()).toEqual(['tz']);
  });
});

describe('periods', () => {
  it('puts an instant in its local day, ISO week (Monday) or month', () => {
    expect(localDate(Date.parse('2026-11-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-01');
    expect(localDate(Date.parse('2026-11-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-02');
    // 2026-11-08 (Sunday) belongs to the week of Monday 11-02.
    expect(periodOf('2026-11-08T12:00:00Z', { tz: 'UTC', interval: 'week' })).toBe('2026-11-02');
    expect(periodOf('2026-11-30T16:00:00Z', { tz: 'Asia/Shanghai', interval: 'month' })).toBe('2026-12-01');
  });

  it('lists every period of the range, the first week starting before from', () => {
    expect(periodsOf({ from: '2026-11-04', to: '2026-11-17', interval: 'week' })).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(periodsOf({ from: '2026-11-30', to: '2027-01-02', interval: 'month' })).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });

  it('gives the previous period of the same length', () => {
    const q = parseMetricQuery({ from: '2026-11-10', to: '2026-11-16', tz: 'UTC' }, NOW);
    const p = previousPeriod(q);
    expect([p.from, p.to, p.start, p.end]).toEqual(['2026-11-03', '2026-11-09', '2026-11-03T00:00:00.000Z', '2026-11-10T00:00:00.000Z']);
  });
});

describe('localDayRuns', () => {
  it('is one run for a zone without DST', () => {
    // 10 days from 11-01 00:00 +08:00 = 10-31 16:00Z: bucket 2026-10-31T16:00Z / 15 min.
    const start = Date.parse('2026-10-31T16:00:00Z') / 900_000;
    expect(localDayRuns({ from: '2026-11-01', to: '2026-11-10', tz: 'Asia/Shanghai' })).toEqual([
      { startBucket: start, endBucket: start + 960, shift: 32 },
    ]);
  });

  it('gives a DST-change day a run of its own', () => {
    // New York, 10-31..11-02: 10-31 is 24 h at -4 (shift -16), 11-01 is 25 h, 11-02 24 h at -5 (shift -20).
    const b = (iso: string) => Date.parse(iso) / 900_000;
    expect(localDayRuns({ from: '2026-10-31', to: '2026-11-02', tz: 'America/New_York' })).toEqual([
      { startBucket: b('2026-10-31T04:00:00Z'), endBucket: b('2026-11-01T04:00:00Z'), shift: -16 },
      { startBucket: b('2026-11-01T04:00:00Z'), endBucket: b('2026-11-02T05:00:00Z'), shift: -16, onlyDate: '2026-11-01' },
      { startBucket: b('2026-11-02T05:00:00Z'), endBucket: b('2026-11-03T05:00:00Z'), shift: -20 },
    ]);
    expect(localMidnightUtc('2026-11-02', 'America/New_York')).toBe(Date.parse('2026-11-02T05:00:00Z'));
  });
});

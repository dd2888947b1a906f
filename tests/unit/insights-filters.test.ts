/** The dashboards' filters in the address: defaults, limits the API enforces, and the API query. */
import { describe, expect, it } from 'vitest';
import { apiQuery, defaultRange, filtersToSearch, readFilters, todayIn } from '../../site/islands/insights/filters.ts';

const TOPICS = new Set(['licensing', 'data-import']);
const TODAY = '2026-11-27';

describe('readFilters', () => {
  it('defaults to the last 30 days, today included, all languages and topics, by day', () => {
    // 2026-11-27 − 29 days = 2026-10-29; 29 + 1 = 30 days
    expect(readFilters('', TODAY, TOPICS)).toEqual({
      filters: { from: '2026-10-29', to: TODAY, lang: undefined, topic: undefined, interval: 'day' },
      problems: [],
    });
    expect(defaultRange('2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('takes every filter from the address', () => {
    const { filters, problems } = readFilters(
      '?from=2026-01-01&to=2026-03-31&lang=zh-CN&topic=licensing&interval=week&ui=en',
      TODAY,
      TOPICS,
    );
    expect(problems).toEqual([]);
    expect(filters).toEqual({ from: '2026-01-01', to: '2026-03-31', lang: 'zh-CN', topic: 'licensing', interval: 'week' });
  });

  it('falls back to the default range and says why for a date that does not exist', () => {
    const { filters, problems } = readFilters('?from=2026-02-30&to=2026-03-01', TODAY, TOPICS);
    expect(problems).toEqual(['date']);
    expect(filters.from).toBe('2026-10-29');
  });

  it('refuses a range whose start is after its end', () => {
    expect(readFilters('?from=2026-03-02&to=2026-03-01', TODAY, TOPICS).problems).toEqual(['order']);
  });

  it('accepts 731 days and refuses 732, as the API does', () => {
    // 2024-01-01 … 2025-12-31 = 366 (2024) + 365 (2025) = 731 days
    expect(readFilters('?from=2024-01-01&to=2025-12-31', TODAY, TOPICS).problems).toEqual([]);
    expect(readFilters('?from=2024-01-01&to=2026-01-01', TODAY, TOPICS).problems).toEqual(['long']);
  });

  it('ignores an unknown language, topic or interval and names each', () => {
    const { filters, problems } = readFilters('?lang=fr&topic=nope&interval=year', TODAY, TOPICS);
    expect(problems).toEqual(['lang', 'topic', 'interval']);
    expect(filters).toMatchObject({ lang: undefined, topic: undefined, interval: 'day' });
  });
});

describe('filtersToSearch and apiQuery', () => {
  const filters = { from: '2026-11-01', to: '2026-11-30', lang: 'en' as const, topic: 'licensing', interval: 'week' as const };

  it('writes the filters into the address and keeps the interface language', () => {
    expect(filtersToSearch(filters, '?ui=zh-CN&from=2020-01-01')).toBe(
      '?ui=zh-CN&from=2026-11-01&to=2026-11-30&lang=en&topic=licensing&interval=week',
    );
    const back = readFilters(filtersToSearch(filters), TODAY, TOPICS);
    expect(back.filters).toEqual(filters);
  });

  it('leaves out the language and topic when all are shown', () => {
    expect(filtersToSearch({ ...filters, lang: undefined, topic: undefined })).toBe('?from=2026-11-01&to=2026-11-30&interval=week');
  });

  it('sends the report time zone explicitly, and the interval only where it applies', () => {
    expect(String(apiQuery(filters))).toBe('from=2026-11-01&to=2026-11-30&tz=Asia%2FShanghai&lang=en&topic=licensing&interval=week');
    expect(apiQuery(filters, { interval: false }).has('interval')).toBe(false);
  });
});

describe('todayIn', () => {
  it('reads today in Asia/Shanghai, eight hours ahead of UTC', () => {
    // 16:30 UTC + 8 h = 00:30 the next day in Shanghai
    expect(todayIn(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
    expect(todayIn(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(todayIn(new Date('2026-11-26T16:30:00Z'), 'UTC')).toBe('2026-11-26');
  });
});

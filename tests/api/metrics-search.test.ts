/**
 * Search metrics on a small fixture, expectations worked out by hand. Report period:
 * 2026-11-02..03 in Asia/Shanghai (UTC+8) = 2026-11-01T16:00:00Z <= t < 2026-11-03T16:00:00Z.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { insertEvents, type EventRow } from '../../api/db/queries/events.ts';
import { catchUpRollups } from '../../api/db/queries/rollups.ts';
import { normalizeQuery } from '../../core/search/query.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, metricTestEnv } from '../support/metrics.ts';

let db: Db;
const compute = (id: string, raw: Record<string, string>) => computeMetric(metricTestEnv(db), id, raw);
const PERIOD = { from: '2026-11-02', to: '2026-11-03', tz: 'Asia/Shanghai' };

const search = (session: string, at: string, query: string, results: number, lang: string): EventRow => ({
  type: 'search',
  visitor: 'v',
  session,
  created_at: at,
  lang,
  query,
  query_norm: normalizeQuery(query),
  results,
});
const click = (session: string, at: string, query: string, lang: string): EventRow => ({
  type: 'search_click',
  visitor: 'v',
  session,
  created_at: at,
  lang,
  query,
  query_norm: normalizeQuery(query),
  article: 'en/reset-password',
  rank: 1,
});

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await insertEvents(db, [
    search('s1', '2026-11-01T15:59:59.000Z', 'printer', 3, 'en'), // S1: 11-01 23:59:59 local, outside
    search('s1', '2026-11-01T16:00:00.000Z', 'Printer', 0, 'en'), // S2: 11-02, no result, clicked below
    click('s1', '2026-11-01T16:00:05.000Z', 'PRINTER', 'en'),
    click('s2', '2026-11-02T01:59:00.000Z', 'vpn', 'en'), // before S3: does not count for it
    search('s2', '2026-11-02T02:00:00.000Z', 'vpn', 2, 'en'), // S3: 11-02, not clicked
    search('s2', '2026-11-02T03:00:00.000Z', '  VPN ', 2, 'en'), // S4: 11-02, same normalised query
    click('s3', '2026-11-02T04:00:00.000Z', 'vpn', 'en'), // another session: does not count for S4
    search('s3', '2026-11-02T18:00:00.000Z', '打印机', 0, 'zh-CN'), // S5: 11-03, no result
    click('s3', '2026-11-02T18:00:00.000Z', '打印机', 'zh-CN'), // same instant, stored after: follows S5
    search('s4', '2026-11-03T01:00:00.000Z', 'printer', 0, 'zh-CN'), // S6: 11-03, no result
    click('s4', '2026-11-03T01:00:30.000Z', 'printer setup', 'zh-CN'), // another query: S6 not clicked
  ]);
  await catchUpRollups(db);
});

describe('search-no-result-rate', () => {
  it('divides searches with 0 results by searches', async () => {
    // In period: S2..S6 = 5; no result: S2, S5, S6 = 3 → 0.6.
    const result = await compute('search-no-result-rate', PERIOD);
    expect(result).toMatchObject({ value: 0.6, parts: { searches: 5, noResult: 3 } });
    // 11-02: S2, S3, S4 → 1/3; 11-03: S5, S6 → 2/2.
    expect(result.series).toEqual([
      { period: '2026-11-02', searches: 3, noResult: 1, value: 1 / 3 },
      { period: '2026-11-03', searches: 2, noResult: 2, value: 1 },
    ]);
  });

  it("filters by the search's lang", async () => {
    // en: S2, S3, S4 → 1 no result of 3.
    const result = await compute('search-no-result-rate', { ...PERIOD, lang: 'en' });
    expect(result.parts).toEqual({ searches: 3, noResult: 1 });
  });

  it('counts the search at 16:00:00Z on the next Shanghai day, the one at 15:59:59Z on the day before', async () => {
    const day = await compute('search-no-result-rate', { from: '2026-11-01', to: '2026-11-01', tz: 'Asia/Shanghai' });
    expect(day.parts).toEqual({ searches: 1, noResult: 0 }); // S1 only
  });

  it('is null with zero series in an empty period', async () => {
    const result = await compute('search-no-result-rate', { from: '2026-12-01', to: '2026-12-02', tz: 'Asia/Shanghai' });
    expect(result.value).toBeNull();
    expect(result.series).toEqual([
      { period: '2026-12-01', searches: 0, noResult: 0, value: null },
      { period: '2026-12-02', searches: 0, noResult: 0, value: null },
    ]);
  });
});

describe('search-click-through', () => {
  it('counts a search as clicked only when a click with the same normalised query follows it in its session', async () => {
    // Clicked: S2 (click 5 s later, "PRINTER" = "printer"), S5 (same instant, stored after) = 2 of 5 → 0.4.
    // Not: S3 (click before it), S4 (click in another session), S6 (another query).
    const result = await compute('search-click-through', PERIOD);
    expect(result).toMatchObject({ value: 0.4, parts: { searches: 5, clicked: 2 } });
    expect(result.series).toEqual([
      { period: '2026-11-02', searches: 3, clicked: 1, value: 1 / 3 },
      { period: '2026-11-03', searches: 2, clicked: 1, value: 0.5 },
    ]);
  });

  it('filters by lang', async () => {
    // zh-CN: S5 clicked, S6 not → 1/2.
    const result = await compute('search-click-through', { ...PERIOD, lang: 'zh-CN' });
    expect(result).toMatchObject({ value: 0.5, parts: { searches: 2, clicked: 1 } });
  });
});

describe('top-searches and top-no-result-searches', () => {
  it('rank normalised queries per language', async () => {
    // en: vpn (S3, S4) 2 searches, 0 no result, 0 clicked; printer (S2) 1, 1, 1.
    // zh-CN: printer (S6) 1, 1, 0 and 打印机 (S5) 1, 1, 1; ties in query order.
    const result = await compute('top-searches', PERIOD);
    expect(result.value).toBe(5);
    expect(result.rows).toEqual([
      { lang: 'en', query: 'vpn', searches: 2, noResult: 0, clicked: 0, clickThrough: 0 },
      { lang: 'en', query: 'printer', searches: 1, noResult: 1, clicked: 1, clickThrough: 1 },
      { lang: 'zh-CN', query: 'printer', searches: 1, noResult: 1, clicked: 0, clickThrough: 0 },
      { lang: 'zh-CN', query: '打印机', searches: 1, noResult: 1, clicked: 1, clickThrough: 1 },
    ]);
  });

  it('list only queries that found nothing, with how often', async () => {
    // No-result searches: S2 (en printer), S5 (zh 打印机), S6 (zh printer) = 3.
    const result = await compute('top-no-result-searches', PERIOD);
    expect(result.value).toBe(3);
    expect(result.rows).toEqual([
      { lang: 'en', query: 'printer', searches: 1 },
      { lang: 'zh-CN', query: 'printer', searches: 1 },
      { lang: 'zh-CN', query: '打印机', searches: 1 },
    ]);
  });

  it('keep the first 20 queries of each language', async () => {
    const { db: big } = await migratedDatabase();
    // q01 searched once, q02 twice, ... q25 25 times: the top 20 are q25 down to q06.
    const rows: EventRow[] = [];
    for (let n = 1; n <= 25; n++)
      for (let i = 0; i < n; i++) rows.push(search(`s${n}-${i}`, '2026-11-02T02:00:00.000Z', `q${String(n).padStart(2, '0')}`, 1, 'en'));
    await insertEvents(big, rows);
    await catchUpRollups(big);
    const result = await computeMetric(metricTestEnv(big), 'top-searches', PERIOD);
    expect(result.value).toBe((25 * 26) / 2);
    expect(result.rows!.map((r) => r.query)).toEqual(Array.from({ length: 20 }, (_, i) => `q${String(25 - i).padStart(2, '0')}`));
  });

  it('are empty in an empty period', async () => {
    const result = await compute('top-searches', { from: '2026-12-01', to: '2026-12-01', tz: 'Asia/Shanghai' });
    expect(result).toEqual({ value: 0, rows: [] });
  });
});

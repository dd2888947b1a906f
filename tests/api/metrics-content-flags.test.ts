/** The flag metrics of content health on a handful of flags (expected values in the comments). */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { closeFlag, insertFlag } from '../../api/db/queries/flags.ts';
import { manifestArticle } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const articles = [manifestArticle('en/a', { owner: 'Docs team' }), manifestArticle('zh-CN/b', { topic: 'reports' })];

async function flag(db: Db, article: string, at: string, closed?: { at: string; how: 'fixed' | 'dismissed' }) {
  const row = await insertFlag(db, { article, reason: 'outdated', note: null, ticket: null, createdBy: 'Ann' }, new Date(at));
  if (closed) await closeFlag(db, Number(row.id), { how: closed.how, note: null, closedBy: 'Olu' }, new Date(closed.at));
}

async function setup() {
  const { db } = await migratedDatabase();
  // The period is 2026-11-01 to 11-02 (UTC): it ends at 11-03T00:00Z.
  await flag(db, 'en/a', '2026-10-31T00:00:00Z'); // open at the end: 72 h
  await flag(db, 'zh-CN/b', '2026-11-02T12:00:00Z'); // open at the end: 12 h
  await flag(db, 'en/a', '2026-10-30T00:00:00Z', { at: '2026-11-01T00:00:00Z', how: 'fixed' }); // closed in the period after 48 h
  await flag(db, 'en/a', '2026-11-01T00:00:00Z', { at: '2026-11-01T06:00:00Z', how: 'dismissed' }); // closed in the period after 6 h
  await flag(db, 'en/a', '2026-10-01T00:00:00Z', { at: '2026-10-02T00:00:00Z', how: 'fixed' }); // closed before the period: neither
  await flag(db, 'en/a', '2026-11-03T00:00:00Z'); // raised after the period: neither
  return metricTestEnv(db, { articles });
}

const compute = (env: Awaited<ReturnType<typeof setup>>, id: string, raw: Record<string, string> = {}) =>
  computeMetric(env, id, { from: '2026-11-01', to: '2026-11-02', tz: 'UTC', ...raw }, METRIC_NOW);

describe('open-flags', () => {
  it("counts the flags open at the period's end, longest open first, with the article's owner", async () => {
    const result = await compute(await setup(), 'open-flags');
    expect(result.value).toBe(2);
    expect(result.rows).toMatchObject([
      { article: 'en/a', owner: 'Docs team', hoursOpen: 72 },
      { article: 'zh-CN/b', hoursOpen: 12 },
    ]);
    // median of 72 and 12
    expect(result.parts).toEqual({ medianHoursOpen: 42 });
  });

  it('keeps the flags of articles the filters keep', async () => {
    const env = await setup();
    expect((await compute(env, 'open-flags', { lang: 'zh-CN' })).value).toBe(1);
    expect((await compute(env, 'open-flags', { topic: 'reports' })).rows).toMatchObject([{ article: 'zh-CN/b' }]);
  });

  it('is 0 for a period before any flag', async () => {
    expect((await compute(await setup(), 'open-flags', { from: '2026-09-01', to: '2026-09-02' })).value).toBe(0);
  });
});

describe('flag-time-to-close', () => {
  it('takes the median hours to close over the flags closed in the period, fixed and dismissed apart', async () => {
    const result = await compute(await setup(), 'flag-time-to-close');
    // 48 h and 6 h: median 27
    expect(result.value).toBe(27);
    expect(result.parts).toMatchObject({ closed: 2, fixed: 1, dismissed: 1 });
  });

  it('is null when no flag was closed in the period', async () => {
    expect((await compute(await setup(), 'flag-time-to-close', { from: '2026-11-02', to: '2026-11-02' })).value).toBeNull();
  });
});

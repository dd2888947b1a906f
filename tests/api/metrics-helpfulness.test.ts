/** Helpfulness metrics on small hand-made vote fixtures (expected values computed in the comments). */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/index.ts';
import { upsertVotes, type VoteRow } from '../../api/db/queries/votes.ts';
import { manifestArticle } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';
import type { MetricEnv } from '../../api/metrics/types.ts';

const NOW = METRIC_NOW;
const articles = [
  manifestArticle('en/reset-password'),
  manifestArticle('en/printer-setup', { topic: 'reports' }),
  manifestArticle('zh-CN/reset-password'),
  manifestArticle('en/export-limits', { topic: 'accounts', topics: ['reports'] }),
];

async function setup() {
  const { db } = await migratedDatabase();
  const env = metricTestEnv(db, { articles });
  return { db, env };
}

let visitorSeq = 0;
/** `n` votes on one article at one instant, each from its own visitor. */
async function vote(db: Db, article: string, at: string, helpful: boolean, n = 1, reason: string | null = null) {
  const rows: VoteRow[] = Array.from({ length: n }, () => ({
    article,
    visitor: `v${++visitorSeq}`,
    day: at.slice(0, 10),
    helpful,
    reason: helpful ? null : reason,
    comment: null,
    lang: null,
    at,
  }));
  await upsertVotes(db, rows);
}

/** Computes metric `id` over this file's period unless `raw` says otherwise. */
const compute = (env: MetricEnv, id: string, raw: Record<string, string>) => computeMetric(env, id, { tz: 'UTC', ...raw }, NOW);

describe('helpful-rate', () => {
  it('is helpful ÷ votes with a series per day, null for days under 5 votes', async () => {
    const { db, env } = await setup();
    // 2026-11-10: 4 helpful + 1 not = 5 votes → 0.8; 2026-11-11: 1 helpful → 1 vote → null
    await vote(db, 'en/reset-password', '2026-11-10T08:00:00.000Z', true, 4);
    await vote(db, 'en/reset-password', '2026-11-10T09:00:00.000Z', false, 1, 'unclear');
    await vote(db, 'en/printer-setup', '2026-11-11T09:00:00.000Z', true);
    const result = await compute(env, 'helpful-rate', { from: '2026-11-10', to: '2026-11-12' });
    // overall: 5 helpful ÷ 6 votes
    expect(result.value).toBeCloseTo(5 / 6, 10);
    expect(result.parts).toEqual({ votes: 6, helpful: 5, notHelpful: 1 });
    expect(result.series).toEqual([
      { period: '2026-11-10', votes: 5, helpful: 4, value: 0.8 },
      { period: '2026-11-11', votes: 1, helpful: 1, value: null },
      { period: '2026-11-12', votes: 0, helpful: 0, value: null },
    ]);
  });

  it('is null under 5 votes', async () => {
    const { db, env } = await setup();
    await vote(db, 'en/reset-password', '2026-11-10T08:00:00.000Z', true, 4);
    const result = await compute(env, 'helpful-rate', { from: '2026-11-10', to: '2026-11-10' });
    expect(result.value).toBeNull();
    expect(result.parts).toEqual({ votes: 4, helpful: 4, notHelpful: 0 });
  });

  it('gives null and zero series for an empty period', async () => {
    const { env } = await setup();
    const result = await compute(env, 'helpful-rate', { from: '2026-11-01', to: '2026-11-02' });
    expect(result.value).toBeNull();
    expect(result.series).toEqual([
      { period: '2026-11-01', votes: 0, helpful: 0, value: null },
      { period: '2026-11-02', votes: 0, helpful: 0, value: null },
    ]);
  });

  it('reads days in the report time zone (Asia/Shanghai is UTC+8)', async () => {
    const { db, env } = await setup();
    // 15:59:59Z is 23:59:59 on 11-01 in Shanghai; 16:00:00Z is 00:00 on 11-02.
    await vote(db, 'en/reset-password', '2026-11-01T15:59:59.000Z', false, 5, 'wrong');
    await vote(db, 'en/reset-password', '2026-11-01T16:00:00.000Z', true, 5);
    const result = await compute(env, 'helpful-rate', { from: '2026-11-01', to: '2026-11-02', tz: 'Asia/Shanghai' });
    expect(result.series).toEqual([
      { period: '2026-11-01', votes: 5, helpful: 0, value: 0 },
      { period: '2026-11-02', votes: 5, helpful: 5, value: 1 },
    ]);
    // Only 11-02 in Shanghai: the 5 helpful votes → 5 ÷ 5 = 1
    const oneDay = await compute(env, 'helpful-rate', { from: '2026-11-02', to: '2026-11-02', tz: 'Asia/Shanghai' });
    expect(oneDay.value).toBe(1);
  });

  it('splits days exactly in half- and quarter-hour time zones', async () => {
    const { db, env } = await setup();
    // Asia/Kolkata is UTC+5:30: 18:29:59Z is 23:59:59 on 11-01, 18:30:00Z is 00:00 on 11-02.
    await vote(db, 'en/reset-password', '2026-11-01T18:29:59.000Z', true, 1);
    await vote(db, 'en/reset-password', '2026-11-01T18:30:00.000Z', true, 2);
    // Asia/Kathmandu is UTC+5:45: 18:14:59Z is 23:59:59 on 11-02 there, 18:15:00Z is 00:00 on 11-03.
    await vote(db, 'en/reset-password', '2026-11-02T18:14:59.000Z', true, 3);
    await vote(db, 'en/reset-password', '2026-11-02T18:15:00.000Z', true, 4);
    const kolkata = await compute(env, 'helpful-rate', { from: '2026-11-01', to: '2026-11-02', tz: 'Asia/Kolkata' });
    // 11-01: 1 vote; 11-02: 2 + 3 + 4 = 9 (18:14:59Z and 18:15Z on 11-02 are 23:44 and 23:45 in Kolkata)
    expect(kolkata.series!.map((p) => p.votes)).toEqual([1, 9]);
    const kathmandu = await compute(env, 'helpful-rate', { from: '2026-11-02', to: '2026-11-03', tz: 'Asia/Kathmandu' });
    // 11-02 in Kathmandu runs 11-01T18:15Z–11-02T18:15Z: 1 (18:29:59Z) + 2 (18:30Z) + 3 (11-02T18:14:59Z) = 6; 11-03: 4
    expect(kathmandu.series!.map((p) => p.votes)).toEqual([6, 4]);
  });

  it('keeps votes on articles of the lang filter', async () => {
    const { db, env } = await setup();
    await vote(db, 'en/reset-password', '2026-11-10T08:00:00.000Z', true, 5);
    await vote(db, 'zh-CN/reset-password', '2026-11-10T08:00:00.000Z', false, 5, 'outdated');
    const en = await compute(env, 'helpful-rate', { from: '2026-11-10', to: '2026-11-10', lang: 'en' });
    const zh = await compute(env, 'helpful-rate', { from: '2026-11-10', to: '2026-11-10', lang: 'zh-CN' });
    expect(en.value).toBe(1); // 5 ÷ 5
    expect(zh.value).toBe(0); // 0 ÷ 5
  });

  it('keeps votes on articles whose topic or further topics include the topic filter', async () => {
    const { db, env } = await setup();
    await vote(db, 'en/printer-setup', '2026-11-10T08:00:00.000Z', true, 3); // topic reports
    await vote(db, 'en/export-limits', '2026-11-10T08:00:00.000Z', false, 2, 'incomplete'); // topics includes reports
    await vote(db, 'en/reset-password', '2026-11-10T08:00:00.000Z', false, 10, 'wrong'); // accounts only
    const result = await compute(env, 'helpful-rate', { from: '2026-11-10', to: '2026-11-10', topic: 'reports' });
    // 3 helpful ÷ (3 + 2) = 0.6
    expect(result.value).toBeCloseTo(0.6, 10);
    const none = await compute(env, 'helpful-rate', { from: '2026-11-10', to: '2026-11-10', topic: 'no-such-topic' });
    expect(none.parts).toEqual({ votes: 0, helpful: 0, notHelpful: 0 });
  });

  it('groups weeks from Monday', async () => {
    const { db, env } = await setup();
    await vote(db, 'en/reset-password', '2026-11-08T12:00:00.000Z', true, 2); // Sunday → week of Mon 11-02
    await vote(db, 'en/reset-password', '2026-11-09T12:00:00.000Z', true, 3); // Monday → week of 11-09
    const result = await compute(env, 'helpful-rate', { from: '2026-11-05', to: '2026-11-10', interval: 'week' });
    expect(result.series).toEqual([
      { period: '2026-11-02', votes: 2, helpful: 2, value: null },
      { period: '2026-11-09', votes: 3, helpful: 3, value: null },
    ]);
    expect(result.value).toBe(1); // 5 ÷ 5
  });
});

describe('helpfulness-ranking', () => {
  it('ranks articles with at least 5 votes by the Wilson lower bound', async () => {
    const { db, env } = await setup();
    // en/reset-password: 8 of 10 → Wilson lower 0.4902 (see tests/unit/stats.test.ts)
    await vote(db, 'en/reset-password', '2026-11-10T08:00:00.000Z', true, 8);
    await vote(db, 'en/reset-password', '2026-11-10T08:00:00.000Z', false, 2, 'outdated');
    // en/printer-setup: 5 of 5 → centre = 1 + 3.8415/10 = 1.38415, margin = z²/(2n) = 0.38415, ÷ (1 + 0.76830) → 0.5655
    await vote(db, 'en/printer-setup', '2026-11-10T08:00:00.000Z', true, 5);
    // zh-CN/reset-password: 4 votes → not ranked
    await vote(db, 'zh-CN/reset-password', '2026-11-10T08:00:00.000Z', true, 4);
    // a vote on an article not in the build → not ranked
    await vote(db, 'en/gone', '2026-11-10T08:00:00.000Z', true, 6);
    const result = await compute(env, 'helpfulness-ranking', { from: '2026-11-10', to: '2026-11-10' });
    expect(result.value).toBe(2);
    expect(result.rows!.map((r) => r.article)).toEqual(['en/printer-setup', 'en/reset-password']);
    expect(result.rows![0]!.wilsonLower).toBeCloseTo(0.5655, 4);
    expect(result.rows![1]).toMatchObject({
      title: 'Title of reset-password',
      lang: 'en',
      url: '/en/articles/reset-password/',
      votes: 10,
      helpful: 8,
      notHelpful: 2,
      helpfulRate: 0.8,
    });
    expect(result.rows![1]!.wilsonLower).toBeCloseTo(0.4902, 4);
  });
});

describe('vote-reasons', () => {
  it('breaks not-helpful votes down by reason, with "none" and shares', async () => {
    const { db, env } = await setup();
    await vote(db, 'en/reset-password', '2026-11-10T08:00:00.000Z', false, 2, 'outdated');
    await vote(db, 'en/reset-password', '2026-11-11T08:00:00.000Z', false, 1, 'unclear');
    await vote(db, 'en/reset-password', '2026-11-11T08:00:00.000Z', false, 1, null);
    await vote(db, 'en/reset-password', '2026-11-11T08:00:00.000Z', true, 3); // helpful: not counted
    const result = await compute(env, 'vote-reasons', { from: '2026-11-10', to: '2026-11-11' });
    // 4 not-helpful votes: outdated 2/4 = 0.5, unclear 1/4, none 1/4
    expect(result.value).toBe(4);
    expect(result.rows).toEqual([
      { reason: 'outdated', votes: 2, share: 0.5 },
      { reason: 'unclear', votes: 1, share: 0.25 },
      { reason: 'incomplete', votes: 0, share: 0 },
      { reason: 'wrong', votes: 0, share: 0 },
      { reason: 'didnt-solve', votes: 0, share: 0 },
      { reason: 'other', votes: 0, share: 0 },
      { reason: 'none', votes: 1, share: 0.25 },
    ]);
    expect(result.series).toEqual([
      { period: '2026-11-10', outdated: 2, unclear: 0, incomplete: 0, wrong: 0, 'didnt-solve': 0, other: 0, none: 0 },
      { period: '2026-11-11', outdated: 0, unclear: 1, incomplete: 0, wrong: 0, 'didnt-solve': 0, other: 0, none: 1 },
    ]);
  });

  it('has null shares when there are no not-helpful votes', async () => {
    const { env } = await setup();
    const result = await compute(env, 'vote-reasons', { from: '2026-11-10', to: '2026-11-10' });
    expect(result.value).toBe(0);
    expect(result.rows!.every((r) => r.share === null && r.votes === 0)).toBe(true);
  });
});

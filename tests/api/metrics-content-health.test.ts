/** Content-health metrics on a small hand-made catalog, page views, votes and tickets (expected values in the comments). */
import { describe, expect, it } from 'vitest';
import { insertEvents, type EventRow } from '../../api/db/queries/events.ts';
import type { Db } from '../../api/db/index.ts';
import { catchUpRollups } from '../../api/db/queries/rollups.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { upsertVotes } from '../../api/db/queries/votes.ts';
import type { MetricEnv, MetricSettings } from '../../api/metrics/types.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';
import { buildTopicTree } from '../../core/content/topics.ts';
import { manifestArticle } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const NOW = METRIC_NOW;
const EDIT = 'https://git.example.com/kb/edit/main/content/articles/';

async function setup(articles: ManifestArticle[], metricSettings: Partial<MetricSettings> = {}) {
  const { db } = await migratedDatabase();
  const topics = buildTopicTree([
    { id: 'accounts', name: { 'zh-CN': '账户', en: 'Accounts' } },
    { id: 'reports', name: { 'zh-CN': '报表', en: 'Reports' } },
    { id: 'billing', name: { 'zh-CN': '账单', en: 'Billing' } },
  ]);
  const env = metricTestEnv(db, { articles, topics, metricSettings });
  return { db, env };
}

/** Computes metric `id` over this file's period unless `raw` says otherwise. */
const compute = (env: MetricEnv, id: string, raw: Record<string, string> = {}) =>
  computeMetric(env, id, { from: '2026-11-01', to: '2026-11-02', tz: 'UTC', ...raw }, NOW);

describe('overdue-reviews', () => {
  const articles = [
    manifestArticle('en/o1', { reviewed: '2026-05-01', reviewEvery: 180, owner: 'Docs team' }), // due 10-28: 5 days overdue on 11-02
    manifestArticle('en/o2', { reviewed: '2026-05-06', reviewEvery: 180 }), // due 11-02, the last day: 0 days
    manifestArticle('en/o3', { reviewed: '2026-05-07', reviewEvery: 180 }), // due 11-03: not yet
    manifestArticle('zh-CN/o6', { reviewed: '2025-01-01', reviewEvery: 365, topic: 'reports', file: 'zh-CN/o6.md' }), // due 2026-01-01: 305 days
    manifestArticle('en/o4', { reviewed: '2020-01-01', state: 'archived', listed: false }), // archived: not published
    manifestArticle('en/o5', { reviewed: '2020-01-01', state: 'not-validated' }), // published though not validated
  ];

  it('lists published articles whose review falls due by the last day, most overdue first', async () => {
    const { env } = await setup(articles, { editUrlBase: EDIT });
    const result = await compute(env, 'overdue-reviews');
    // en/o5 (due 2020-01-01 + 180 days = 2020-06-29) is the most overdue; en/o3 (due 11-03) and the archived en/o4 are left out
    expect(result.value).toBe(4);
    expect(result.rows!.map((r) => r.article)).toEqual(['en/o5', 'zh-CN/o6', 'en/o1', 'en/o2']);
    // 2026-01-01 → 2026-11-02: 31+28+31+30+31+30+31+31+30+31 = 304 days to 11-01, + 1 = 305
    // editUrl follows the source file the build recorded (.md here), else <id>.mdx
    expect(result.rows![1]).toMatchObject({
      article: 'zh-CN/o6',
      dueOn: '2026-01-01',
      daysOverdue: 305,
      lang: 'zh-CN',
      editUrl: `${EDIT}zh-CN/o6.md`,
    });
    expect(result.rows![2]).toEqual({
      article: 'en/o1',
      title: 'Title of o1',
      lang: 'en',
      owner: 'Docs team',
      reviewed: '2026-05-01',
      dueOn: '2026-10-28',
      daysOverdue: 5,
      url: '/en/articles/o1/',
      editUrl: `${EDIT}en/o1.mdx`,
    });
    expect(result.rows![3]).toMatchObject({ dueOn: '2026-11-02', daysOverdue: 0 });
  });

  it('gives a null editUrl without KB_EDIT_URL, and honours lang and topic', async () => {
    const { env } = await setup(articles);
    const zh = await compute(env, 'overdue-reviews', { lang: 'zh-CN' });
    expect(zh.rows!.map((r) => r.article)).toEqual(['zh-CN/o6']);
    expect(zh.rows![0]!.editUrl).toBeNull();
    const reports = await compute(env, 'overdue-reviews', { topic: 'reports' });
    expect(reports.value).toBe(1);
  });
});

describe('low-helpfulness-high-traffic', () => {
  // Listed en articles with views 100, 80, 60, 40, 20, 10, 5, 0; an archived one with many views is not listed.
  const views: Record<string, number> = {
    'en/a1': 100,
    'en/a2': 80,
    'en/a3': 60,
    'en/a4': 40,
    'en/a5': 20,
    'en/a6': 10,
    'en/a7': 5,
    'en/a8': 0,
    'en/archived': 500,
  };
  const articles = [
    ...Object.keys(views)
      .filter((id) => id !== 'en/archived')
      .map((id) => manifestArticle(id)),
    manifestArticle('en/archived', { state: 'archived', listed: false }),
  ];

  async function fixture(db: Db) {
    const events: EventRow[] = [];
    for (const [article, n] of Object.entries(views)) {
      for (let i = 0; i < n; i++)
        events.push({
          type: 'page_view',
          visitor: `v${article}${i}`,
          session: `s${article}${i}`,
          created_at: '2026-11-01T12:00:00.000Z',
          lang: 'en',
          article,
        });
    }
    // A view outside the period does not count.
    events.push({
      type: 'page_view',
      visitor: 'late',
      session: 'late',
      created_at: '2026-11-03T00:00:00.000Z',
      lang: 'en',
      article: 'en/a8',
    });
    await insertEvents(db, events);
    await catchUpRollups(db);
    const votes = (article: string, helpful: number, total: number) =>
      upsertVotes(
        db,
        Array.from({ length: total }, (_, i) => ({
          article,
          visitor: `${article}-${i}`,
          day: '2026-11-01',
          helpful: i < helpful,
          reason: null,
          comment: null,
          lang: 'en',
          at: '2026-11-01T13:00:00.000Z',
        })),
      );
    await votes('en/a1', 2, 6); // 2 ÷ 6 = 0.33 < 0.5 → flagged
    await votes('en/a2', 3, 6); // 0.5, not below → not flagged
    await votes('en/a3', 0, 10); // unhelpful, but 60 views is under the threshold
    await votes('en/archived', 0, 10); // not listed
  }

  it('flags top-quartile articles by views with ≥ 5 votes and a helpful rate under 0.5', async () => {
    const { db, env } = await setup(articles, { editUrlBase: EDIT });
    await fixture(db);
    const result = await compute(env, 'low-helpfulness-high-traffic');
    // views sorted [0, 5, 10, 20, 40, 60, 80, 100]: p75 h = 7 × 0.75 = 5.25 → 60 + 0.25 × 20 = 65 → a1 (100), a2 (80)
    // a1: 2 of 6; Wilson: centre = 1/3 + 3.8415/12 = 0.65346, margin = 1.96 × √(0.03704 + 0.02668) = 0.49473, ÷ 1.64024 → 0.0968
    expect(result.value).toBe(1);
    expect(result.rows).toHaveLength(1);
    expect(result.rows![0]).toMatchObject({
      article: 'en/a1',
      title: 'Title of a1',
      lang: 'en',
      url: '/en/articles/a1/',
      editUrl: `${EDIT}en/a1.mdx`,
      views: 100,
      votes: 6,
    });
    expect(result.rows![0]!.helpfulRate).toBeCloseTo(1 / 3, 10);
    expect(result.rows![0]!.wilsonLower).toBeCloseTo(0.0968, 3);
  });

  it('finds nothing in a period without views', async () => {
    const { db, env } = await setup(articles);
    await fixture(db);
    const result = await compute(env, 'low-helpfulness-high-traffic', { from: '2026-10-01', to: '2026-10-02' });
    expect(result).toEqual({ value: 0, rows: [] });
  });
});

describe('content-gaps', () => {
  const articles = [
    manifestArticle('en/acc', { topic: 'accounts' }),
    manifestArticle('en/multi', { topic: 'accounts', topics: ['reports'] }),
    manifestArticle('en/bill-old', { topic: 'billing', state: 'archived', listed: false }), // archived: no cover
    manifestArticle('zh-CN/bill', { topic: 'billing' }), // covers billing in zh-CN only
  ];

  async function fixture(db: Db) {
    const t = (id: string, topic: string | undefined, escalated: boolean, createdAt = '2026-11-01T10:00:00Z') =>
      ticketSchema.parse({
        id,
        source: 'csv',
        subject: id,
        priority: 'normal',
        status: 'open',
        createdAt,
        escalated,
        lang: 'en',
        ...(topic ? { topic } : {}),
      });
    await upsertTickets(db, [
      t('1', 'accounts', true),
      t('2', 'accounts', false),
      t('3', 'reports', false),
      t('4', 'billing', true),
      t('5', 'billing', true),
      t('6', 'legacy-erp', false),
      t('7', undefined, true),
      t('8', 'printing', false, '2026-10-31T10:00:00Z'), // outside the period
    ]);
  }

  it('lists ticket topics without a listed article, named from the taxonomy', async () => {
    const { db, env } = await setup(articles);
    await fixture(db);
    const result = await compute(env, 'content-gaps');
    // accounts and reports are covered (reports through en/multi's topics); billing only by zh-CN/bill — still
    // covered without a lang filter; legacy-erp has no article and no taxonomy name; ticket 7 has no topic.
    expect(result.value).toBe(1);
    expect(result.rows).toEqual([{ topic: 'legacy-erp', name: 'legacy-erp', tickets: 1, escalated: 0 }]);
  });

  it('matches tickets and articles of the lang filter, naming topics in that language', async () => {
    const { db, env } = await setup(articles);
    await fixture(db);
    const en = await compute(env, 'content-gaps', { lang: 'en' });
    // en articles cover accounts and reports only: billing (2 tickets, both escalated) and legacy-erp (1)
    expect(en.rows).toEqual([
      { topic: 'billing', name: 'Billing', tickets: 2, escalated: 2 },
      { topic: 'legacy-erp', name: 'legacy-erp', tickets: 1, escalated: 0 },
    ]);
    const billing = await compute(env, 'content-gaps', { lang: 'en', topic: 'billing' });
    expect(billing.value).toBe(1);
    const accounts = await compute(env, 'content-gaps', { topic: 'accounts' });
    expect(accounts.value).toBe(0);
  });
});

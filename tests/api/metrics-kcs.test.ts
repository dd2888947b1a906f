/** KCS metrics on a small hand-made fixture of tickets and links (expected values computed in the comments). */
import { describe, expect, it } from 'vitest';
import { insertLink } from '../../api/db/queries/links.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { ticketSchema, type TicketInput } from '../../core/tickets/ticket.ts';
import { manifestArticle } from '../support/catalog.ts';
import { migratedDatabase } from '../support/database.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';
import type { MetricEnv } from '../../api/metrics/types.ts';

const NOW = METRIC_NOW;
const articles = [
  manifestArticle('en/reset-password', { created: '2026-01-01' }),
  manifestArticle('zh-CN/reset-password', { created: '2026-01-01' }),
  manifestArticle('en/printer-setup', { created: '2026-11-01' }),
  // no `created`: the review date stands in
  manifestArticle('en/new-guide', { reviewed: '2026-11-05' }),
];

const ticket = (id: string, createdAt: string, fields: Partial<TicketInput> = {}): TicketInput => ({
  id,
  source: 'zendesk',
  subject: id,
  priority: 'normal',
  status: 'solved',
  createdAt,
  resolvedAt: createdAt.replace('T0', 'T1'),
  topic: 'accounts',
  lang: 'en',
  ...fields,
});

/**
 * Period 2026-11-01..02 (UTC):
 * K1 11-01 resolved, solved-by en/reset-password (created 01-01) + referenced zh-CN/reset-password → linked, known
 * K2 11-01 resolved, created-from en/printer-setup (created 11-01, the same day)                  → linked, new
 * K3 11-02 resolved, knowledgeUsed, no link                                                        → linked, neither
 * K4 11-02 resolved, no link (topic billing)                                                       → not linked
 * K5 11-02 unresolved, referenced en/reset-password                                                → not resolved
 * K6 11-02 resolved, referenced en/printer-setup + solved-by en/reset-password                     → linked, known
 * K7 11-02 resolved, a source-less link to en/gone (not in the build)                              → linked, new
 * K8 10-31 resolved, solved-by en/reset-password                                                   → outside the period
 */
async function setup() {
  const { db } = await migratedDatabase();
  const tickets: TicketInput[] = [
    ticket('K1', '2026-11-01T08:00:00Z'),
    ticket('K2', '2026-11-01T09:00:00Z'),
    ticket('K3', '2026-11-02T08:00:00Z', { knowledgeUsed: true, lang: 'zh-CN' }),
    ticket('K4', '2026-11-02T08:30:00Z', { topic: 'billing' }),
    ticket('K5', '2026-11-02T09:00:00Z', { status: 'open', resolvedAt: undefined }),
    ticket('K6', '2026-11-02T09:30:00Z'),
    ticket('K7', '2026-11-02T09:45:00Z', { resolvedAt: undefined, closedAt: '2026-11-03T00:00:00Z', status: 'closed' }),
    ticket('K8', '2026-10-31T09:00:00Z'),
  ];
  await upsertTickets(
    db,
    tickets.map((t) => ticketSchema.parse(JSON.parse(JSON.stringify(t)))),
  );
  const links: Array<[string, string, string, string]> = [
    ['K1', 'zendesk', 'en/reset-password', 'solved-by'],
    ['K1', 'zendesk', 'zh-CN/reset-password', 'referenced'],
    ['K2', 'zendesk', 'en/printer-setup', 'created-from'],
    ['K5', 'zendesk', 'en/reset-password', 'referenced'],
    ['K6', 'zendesk', 'en/printer-setup', 'referenced'],
    ['K6', 'zendesk', 'en/reset-password', 'solved-by'],
    ['K7', '', 'en/gone', 'referenced'],
    ['K8', 'zendesk', 'en/reset-password', 'solved-by'],
  ];
  for (const [t, source, article, relation] of links) await insertLink(db, { ticket: t, source, article, relation }, NOW);
  const env = metricTestEnv(db, { articles });
  return { db, env };
}

/** Computes metric `id` over this file's period unless `raw` says otherwise. */
const compute = (env: MetricEnv, id: string, raw: Record<string, string> = {}) =>
  computeMetric(env, id, { from: '2026-11-01', to: '2026-11-02', tz: 'UTC', ...raw }, NOW);

describe('link-rate', () => {
  it('counts resolved tickets with a link or knowledgeUsed', async () => {
    const { env } = await setup();
    const result = await compute(env, 'link-rate');
    // resolved K1 K2 K3 K4 K6 K7 = 6; linked K1 K2 K3 K6 K7 = 5
    expect(result.value).toBeCloseTo(5 / 6, 10);
    expect(result.parts).toEqual({ resolved: 6, linked: 5 });
    expect(result.series).toEqual([
      { period: '2026-11-01', resolved: 2, linked: 2, value: 1 },
      { period: '2026-11-02', resolved: 4, linked: 3, value: 0.75 },
    ]);
  });

  it('restricts tickets to the topic and lang filters', async () => {
    const { env } = await setup();
    const billing = await compute(env, 'link-rate', { topic: 'billing' });
    expect(billing.parts).toEqual({ resolved: 1, linked: 0 }); // K4
    expect(billing.value).toBe(0);
    const zh = await compute(env, 'link-rate', { lang: 'zh-CN' });
    expect(zh.parts).toEqual({ resolved: 1, linked: 1 }); // K3
  });

  it('is null with zero series for an empty period', async () => {
    const { env } = await setup();
    const result = await compute(env, 'link-rate', { from: '2026-09-01', to: '2026-09-01' });
    expect(result.value).toBeNull();
    expect(result.series).toEqual([{ period: '2026-09-01', resolved: 0, linked: 0, value: null }]);
  });
});

describe('known-vs-new', () => {
  it('calls a ticket known when an article it links was created on an earlier day', async () => {
    const { env } = await setup();
    const result = await compute(env, 'known-vs-new');
    // known K1, K6; new K2 (article created the same day), K7 (article not in the build); K3 is neither → 2 ÷ 4
    expect(result.value).toBe(0.5);
    expect(result.parts).toEqual({ known: 2, new: 2 });
    expect(result.series).toEqual([
      { period: '2026-11-01', known: 1, new: 1 },
      { period: '2026-11-02', known: 1, new: 1 },
    ]);
  });

  it('falls back to the review date when an article has no created date', async () => {
    const { db, env } = await setup();
    await upsertTickets(db, [
      ticketSchema.parse(ticket('K9', '2026-11-06T08:00:00Z')),
      ticketSchema.parse(ticket('K10', '2026-11-05T08:00:00Z')),
    ]);
    await insertLink(db, { ticket: 'K9', source: 'zendesk', article: 'en/new-guide', relation: 'solved-by' }, NOW);
    await insertLink(db, { ticket: 'K10', source: 'zendesk', article: 'en/new-guide', relation: 'solved-by' }, NOW);
    // en/new-guide reviewed 11-05: K9 (11-06) known, K10 (11-05, same day) new
    const result = await compute(env, 'known-vs-new', { from: '2026-11-05', to: '2026-11-06' });
    expect(result.parts).toEqual({ known: 1, new: 1 });
  });
});

describe('article-reuse', () => {
  it('counts links per article by relation, most reused first', async () => {
    const { env } = await setup();
    const result = await compute(env, 'article-reuse');
    // links of tickets created in the period: K1×2, K2, K5, K6×2, K7 = 7 (K8 is outside)
    expect(result.value).toBe(7);
    expect(result.rows).toEqual([
      {
        article: 'en/reset-password',
        title: 'Title of reset-password',
        url: '/en/articles/reset-password/',
        links: 3,
        tickets: 3,
        createdFrom: 0,
        solvedBy: 2,
        referenced: 1,
      },
      {
        article: 'en/printer-setup',
        title: 'Title of printer-setup',
        url: '/en/articles/printer-setup/',
        links: 2,
        tickets: 2,
        createdFrom: 1,
        solvedBy: 0,
        referenced: 1,
      },
      { article: 'en/gone', title: 'en/gone', url: null, links: 1, tickets: 1, createdFrom: 0, solvedBy: 0, referenced: 1 },
      {
        article: 'zh-CN/reset-password',
        title: 'Title of reset-password',
        url: '/zh-CN/articles/reset-password/',
        links: 1,
        tickets: 1,
        createdFrom: 0,
        solvedBy: 0,
        referenced: 1,
      },
    ]);
  });

  it('keeps articles of the lang filter', async () => {
    const { env } = await setup();
    const result = await compute(env, 'article-reuse', { lang: 'en' });
    // 7 − the zh-CN link = 6
    expect(result.value).toBe(6);
    expect(result.rows!.map((r) => r.article)).toEqual(['en/reset-password', 'en/printer-setup', 'en/gone']);
  });
});

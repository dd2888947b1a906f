/**
 * Drill-down (issue 18): GET /api/staff/articles lists the articles behind a count — created or
 * updated in the period (the period report's figures), overdue for review (overdue-reviews),
 * flagged, created from the period's tickets (the scorecards' articlesCreated) — and its total
 * is that count. Period 2026-11 (UTC) at 2026-11-27T10:00Z.
 */
import { describe, expect, it } from 'vitest';
import { insertFlag } from '../../api/db/queries/flags.ts';
import { insertLink } from '../../api/db/queries/links.ts';
import { upsertTickets } from '../../api/db/queries/tickets.ts';
import { upsertRoster } from '../../api/db/queries/training.ts';
import { buildTopicTree } from '../../core/content/topics.ts';
import { articleListHref, type ArticleList } from '../../core/contracts/drill-down.ts';
import { ticketSchema } from '../../core/tickets/ticket.ts';
import { ADMIN_TOKEN, testApp } from '../support/app.ts';
import { manifestArticle } from '../support/catalog.ts';
import { computeMetric, METRIC_NOW, metricTestEnv } from '../support/metrics.ts';

const name = (en: string) => ({ 'zh-CN': `${en}（中）`, en });
const topics = buildTopicTree([
  { id: 'accounts', name: name('Accounts'), children: [{ id: 'accounts-sso', name: name('SSO') }] },
  { id: 'reports', name: name('Reports') },
]);
/**
 * new-1: created 11-03 (created, not updated); new-2: created and reviewed 11-20 (created);
 * upd: created in June, reviewed 11-10 (updated); old: reviewed 2026-01-01 every 180 days → due 06-30 (overdue);
 * sso-old (accounts-sso, zh-CN): reviewed 2026-03-01 every 90 days (overdue); archived: overdue but not published.
 */
const articles = [
  manifestArticle('en/new-1', { created: '2026-11-03', reviewed: '2026-11-03' }),
  manifestArticle('en/new-2', { created: '2026-11-20', reviewed: '2026-11-20', type: 'manual', topic: 'reports' }),
  manifestArticle('en/upd', { created: '2026-06-01', reviewed: '2026-11-10' }),
  manifestArticle('en/old', { created: '2025-12-01', reviewed: '2026-01-01' }),
  manifestArticle('zh-CN/sso-old', { created: '2026-02-01', reviewed: '2026-03-01', reviewEvery: 90, topic: 'accounts-sso' }),
  manifestArticle('en/archived', { created: '2025-01-01', reviewed: '2025-01-01', state: 'archived', listed: false }),
];

async function setup() {
  const made = await testApp({ now: () => METRIC_NOW, topics, articles });
  const t = (id: string, agent: string, day: number) =>
    ticketSchema.parse({
      id,
      source: 'api',
      subject: id,
      priority: 'normal',
      status: 'solved',
      agent,
      topic: 'accounts',
      createdAt: new Date(Date.UTC(2026, 10, day)).toISOString(),
      resolvedAt: new Date(Date.UTC(2026, 10, day, 5)).toISOString(),
    });
  await upsertTickets(made.db, [t('K1', 'ann', 2), t('K2', 'ann', 3), t('K3', 'bo', 4), t('KOCT', 'ann', -5)]);
  await upsertRoster(made.db, [
    { agent: 'ann', name: 'Ann An', team: 'Team A' },
    { agent: 'bo', name: 'Bo Bai', team: 'Team B' },
  ]);
  await insertLink(made.db, { ticket: 'K1', source: 'api', article: 'en/new-1', relation: 'created-from' }, METRIC_NOW);
  await insertLink(made.db, { ticket: 'K2', source: 'api', article: 'en/gone', relation: 'created-from' }, METRIC_NOW);
  await insertLink(made.db, { ticket: 'K2', source: 'api', article: 'en/upd', relation: 'solved-by' }, METRIC_NOW);
  await insertLink(made.db, { ticket: 'K3', source: 'api', article: 'en/new-2', relation: 'created-from' }, METRIC_NOW);
  await insertLink(made.db, { ticket: 'KOCT', source: 'api', article: 'en/old', relation: 'created-from' }, METRIC_NOW);
  await insertFlag(made.db, { article: 'en/upd', reason: 'outdated', note: null, ticket: null, createdBy: 'ann' }, METRIC_NOW);
  const list = async (filters: Parameters<typeof articleListHref>[0]) => {
    const href = articleListHref({ from: '2026-11-01', to: '2026-11-30', tz: 'UTC', ...filters });
    const response = await made.app.request(`/api/staff/articles${href.slice(href.indexOf('?'))}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status, href).toBe(200);
    return (await response.json()) as ArticleList;
  };
  return { ...made, list, env: metricTestEnv(made.db, { topics, articles }) };
}

const ids = (l: ArticleList) => l.rows.map((r) => r.id);

describe('GET /api/staff/articles', () => {
  it('lists what each count counts', async () => {
    const { list, env } = await setup();
    expect(ids(await list({ state: 'created' }))).toEqual(['en/new-1', 'en/new-2']);
    expect(ids(await list({ state: 'created', type: 'manual' }))).toEqual(['en/new-2']);
    expect(ids(await list({ state: 'updated' }))).toEqual(['en/upd']);
    expect(ids(await list({ state: 'flagged' }))).toEqual(['en/upd']);
    const overdue = await computeMetric(env, 'overdue-reviews', { from: '2026-11-01', to: '2026-11-30', tz: 'UTC' });
    const overdueList = await list({ state: 'review-overdue' });
    expect(overdueList.total).toBe(overdue.value);
    expect(ids(overdueList)).toEqual(['en/old', 'zh-CN/sso-old']);
    // A parent topic includes its subtopics.
    expect(ids(await list({ state: 'review-overdue', topic: 'accounts', lang: 'zh-CN' }))).toEqual(['zh-CN/sso-old']);
  });

  it('lists the articles created from an agent’s tickets as the scorecards count them, removed ones included', async () => {
    const { list, env } = await setup();
    const cards = (await computeMetric(env, 'agent-scorecards', { from: '2026-11-01', to: '2026-11-30', tz: 'UTC' })).rows!;
    const ann = await list({ state: 'created-from-tickets', agent: 'ann' });
    expect(ann.total).toBe(cards.find((r) => r['agent'] === 'ann')!['articlesCreated']);
    expect(ann.rows.map((r) => [r.id, r.inBuild])).toEqual([
      ['en/gone', false],
      ['en/new-1', true],
    ]);
    expect(ids(await list({ state: 'created-from-tickets', team: 'Team B' }))).toEqual(['en/new-2']);
    expect(ids(await list({ state: 'created-from-tickets' }))).toEqual(['en/gone', 'en/new-1', 'en/new-2']);
  });

  it('pages, answers CSV and names a wrong filter', async () => {
    const { app, list } = await setup();
    const first = await list({ limit: 2 });
    expect(first).toMatchObject({ total: 6, page: 1, limit: 2 });
    expect(ids(first)).toEqual(['en/archived', 'en/new-1']);
    expect(first.rows[0]!.href).toBe('/staff/articles/en/archived');
    const csv = await app.request('/api/staff/articles?state=created&from=2026-11-01&to=2026-11-30&format=csv', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(3);
    const bad = await app.request('/api/staff/articles?state=stale', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]!.field).toBe('state');
    expect((await app.request('/api/staff/articles')).status).toBe(401);
  });
});

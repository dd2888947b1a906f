/** GET /api/popular: the last 30 days' page views rank the home pages' popular articles (issue 15). */
import { describe, expect, it } from 'vitest';
import { insertEvents, type EventRow } from '../../api/db/queries/events.ts';
import { manifestArticle } from '../support/catalog.ts';
import { testApp } from '../support/app.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const articles = [
  manifestArticle('en/reset-password', { title: 'Reset a password' }),
  manifestArticle('en/vpn', { title: 'Connect to the VPN' }),
  manifestArticle('en/printer', { title: 'Add a printer' }),
  manifestArticle('en/agent-training', { type: 'training' }),
  manifestArticle('en/internal-note', { audience: 'internal' }),
  manifestArticle('en/old-guide', { state: 'archived', listed: false }),
  manifestArticle('zh-CN/reset-password', { title: '重置密码' }),
];

/** `n` page views of `article`, `daysAgo` days before NOW. */
function views(article: string, n: number, daysAgo: number): EventRow[] {
  const lang = article.split('/')[0] as 'en' | 'zh-CN';
  const at = new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
  return Array.from({ length: n }, (_, i) => ({
    type: 'page_view',
    visitor: `v${i}`,
    session: `s-${article}-${daysAgo}-${i}`,
    created_at: at,
    lang,
    article,
  }));
}

async function setup(rows: EventRow[]) {
  const t = await testApp({ articles, now: () => NOW });
  if (rows.length) await insertEvents(t.db, rows);
  return t;
}

describe('GET /api/popular', () => {
  it('ranks the last 30 days of page views, most viewed first, with title, summary and url', async () => {
    const { app } = await setup([...views('en/vpn', 3, 2), ...views('en/reset-password', 5, 10), ...views('en/printer', 1, 29)]);
    const res = await app.request('/api/popular?lang=en');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results.map((r: { article: string }) => r.article)).toEqual(['en/reset-password', 'en/vpn', 'en/printer']);
    expect(body.results[0]).toEqual({
      article: 'en/reset-password',
      title: 'Reset a password',
      summary: 'Summary',
      url: '/en/articles/reset-password/',
      views: 5,
    });
    expect(body.since).toBe('2026-11-04T12:00:00.000Z');
  });

  it('leaves out views older than 30 days and articles not offered to customers (training, internal, archived)', async () => {
    const { app } = await setup([
      ...views('en/printer', 9, 40),
      ...views('en/agent-training', 9, 1),
      ...views('en/internal-note', 9, 1),
      ...views('en/old-guide', 9, 1),
      ...views('en/vpn', 1, 1),
    ]);
    const body = await (await app.request('/api/popular?lang=en&limit=5')).json();
    expect(body.results.map((r: { article: string }) => r.article)).toEqual(['en/vpn']);
  });

  it('answers per language, and an empty list without data (the page keeps its featured list)', async () => {
    const { app } = await setup(views('zh-CN/reset-password', 2, 1));
    expect((await (await app.request('/api/popular?lang=zh-CN')).json()).results.map((r: { article: string }) => r.article)).toEqual([
      'zh-CN/reset-password',
    ]);
    expect((await (await app.request('/api/popular?lang=en')).json()).results).toEqual([]);
  });

  it('cuts at the limit and rejects a bad language or limit naming the field', async () => {
    const { app } = await setup([...views('en/vpn', 3, 2), ...views('en/reset-password', 5, 10)]);
    expect((await (await app.request('/api/popular?lang=en&limit=1')).json()).results).toHaveLength(1);
    const bad = await app.request('/api/popular?lang=fr');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('lang');
    expect((await app.request('/api/popular?lang=en&limit=99')).status).toBe(400);
  });
});

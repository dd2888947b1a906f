/** A fresh app per test: in-memory database, migrations applied, a small catalog. */
import { createApp } from '../../api/app.ts';
import { migrate, openDatabase } from '../../api/db/index.ts';
import { catalogFrom } from '../../api/lib/manifest.ts';
import type { ManifestArticle } from '../../site/schema/manifest.ts';

export function manifestArticle(id: string, overrides: Partial<ManifestArticle> = {}): ManifestArticle {
  const [lang, slug] = id.split('/') as ['zh-CN' | 'en', string];
  return {
    id, lang, title: `Title of ${slug}`, summary: 'Summary', url: `/${lang}/articles/${slug}/`, type: 'faq', topic: 'accounts',
    topics: [], state: 'validated', audience: 'public', listed: true, translationKey: slug, owner: 'Team', reviewed: '2026-09-01',
    reviewEvery: 180, tickets: [], tags: [], ...overrides,
  };
}

export const sampleArticles = [
  manifestArticle('en/reset-password'),
  manifestArticle('zh-CN/reset-password'),
  manifestArticle('en/printer-setup', { type: 'manual', topic: 'reports' }),
  manifestArticle('en/old-license-server', { state: 'archived', listed: false }),
  manifestArticle('en/escalation-checklist', { audience: 'internal' }),
];

export async function testApp(articles = sampleArticles) {
  const { db, sqlite } = openDatabase(':memory:');
  await migrate(db);
  const app = createApp({ db, catalog: catalogFrom({ version: 1, builtAt: '2026-11-27T00:00:00Z', audience: 'public', articles }) });
  return { app, db, sqlite };
}

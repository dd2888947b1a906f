/** Small article catalogs for tests: one manifest entry at a time, or the usual five. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalogFrom, MANIFEST_PATH } from '../../api/lib/catalog/catalog.ts';
import type { ManifestArticle } from '../../core/content/manifest.ts';

/** A published, validated FAQ `id` (`<lang>/<slug>`) with every manifest field filled; `overrides` change any. */
export function manifestArticle(id: string, overrides: Partial<ManifestArticle> = {}): ManifestArticle {
  const [lang, slug] = id.split('/') as ['zh-CN' | 'en', string];
  return {
    id,
    lang,
    title: `Title of ${slug}`,
    summary: 'Summary',
    url: `/${lang}/articles/${slug}/`,
    type: 'faq',
    topic: 'accounts',
    topics: [],
    state: 'validated',
    audience: 'public',
    listed: true,
    translationKey: slug,
    owner: 'Team',
    reviewed: '2026-09-01',
    reviewEvery: 180,
    tickets: [],
    tags: [],
    ...overrides,
  };
}

/** Two translations, a manual, an archived and an internal article: what most API tests need. */
export const sampleArticles = [
  manifestArticle('en/reset-password'),
  manifestArticle('zh-CN/reset-password'),
  manifestArticle('en/printer-setup', { type: 'manual', topic: 'reports' }),
  manifestArticle('en/old-license-server', { state: 'archived', listed: false }),
  manifestArticle('en/escalation-checklist', { audience: 'internal' }),
];

/** The catalog a public build of `articles` would give the API. */
export function testCatalog(
  articles: ManifestArticle[] = sampleArticles,
  build: { builtAt?: string; audience?: 'public' | 'internal' } = {},
): ReturnType<typeof catalogFrom> {
  return catalogFrom({ version: 1, builtAt: build.builtAt ?? '2026-11-27T00:00:00Z', audience: build.audience ?? 'public', articles });
}

/** Writes the build manifest of `articles` into `distDir`, as a build would: the server and the seed then take the folder as built. */
export function writeManifest(distDir: string, articles: ManifestArticle[]): void {
  mkdirSync(dirname(join(distDir, MANIFEST_PATH)), { recursive: true });
  writeFileSync(
    join(distDir, MANIFEST_PATH),
    JSON.stringify({ version: 1, builtAt: '2026-11-27T00:00:00Z', audience: 'public', articles }),
  );
}

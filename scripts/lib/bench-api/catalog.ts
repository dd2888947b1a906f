/**
 * The synthetic catalog the API is benchmarked against: a few hundred published articles,
 * half zh-CN and half en, valid for the build-manifest schema the API loads in production.
 */
import { buildManifestSchema, type BuildManifest, type ManifestArticle } from '../../../core/content/manifest.ts';

const TOPICS = ['accounts', 'billing', 'printing', 'network', 'reports'];

/** The manifest of `count` listed articles with ids `<lang>/bench-article-<n>`. */
export function syntheticManifest(count: number): BuildManifest {
  const articles: ManifestArticle[] = Array.from({ length: count }, (_, i) => {
    const lang = i % 2 === 0 ? 'en' : 'zh-CN';
    const slug = `bench-article-${i}`;
    return {
      id: `${lang}/${slug}`,
      lang,
      title: `Benchmark article ${i}`,
      summary: 'Synthetic article for the API benchmark.',
      url: `/${lang}/articles/${slug}/`,
      type: 'faq',
      topic: TOPICS[i % TOPICS.length]!,
      topics: [],
      state: 'validated',
      audience: 'public',
      listed: true,
      translationKey: slug,
      owner: 'Bench',
      reviewed: '2026-01-01',
      reviewEvery: 180,
      tickets: [],
      tags: [],
    };
  });
  // Parsed with the real schema so the benchmark fails early if the manifest contract changes.
  return buildManifestSchema.parse({ version: 1, builtAt: new Date().toISOString(), audience: 'public', articles });
}

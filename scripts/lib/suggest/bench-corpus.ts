/**
 * The corpus and queries of the suggestion benchmark: N articles, either synthetic
 * (scripts/lib/bench/generate.ts, short bodies) or copies of a real content folder (the
 * imported Astro docs: long bodies, the harder case), and queries cut from their text the
 * way customers write them (a few words of a title or a sentence).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SuggestDoc } from '../../../api/suggest/build.ts';
import { MANIFEST_PATH } from '../../../api/lib/catalog/catalog.ts';
import type { BuildManifest } from '../../../core/content/manifest.ts';
import { generateCorpus } from '../bench/generate.ts';
import { createRandom } from '../bench/random.ts';
import { suggestDocsFromContent } from '../../../api/site-build/suggest-index.ts';

/**
 * `articles` documents: from `source` (a content folder), copied under new slugs until
 * there are enough, or synthetic ones written to `workDir/content` when no source is given.
 */
export function benchDocs(articles: number, workDir: string, seed: number, source?: string): SuggestDoc[] {
  if (!source) {
    const contentDir = join(workDir, 'content');
    generateCorpus(contentDir, articles, seed);
    return suggestDocsFromContent(contentDir);
  }
  const originals = suggestDocsFromContent(source);
  if (!originals.length) throw new Error(`${source} has no published public articles to copy`);
  const docs: SuggestDoc[] = [];
  for (let copy = 0; docs.length < articles; copy++) {
    for (const doc of originals) {
      if (docs.length >= articles) break;
      if (copy === 0) {
        docs.push(doc);
        continue;
      }
      const slug = `${doc.id.split('/')[1]}-copy-${copy}`;
      docs.push({ ...doc, id: `${doc.lang}/${slug}`, url: `/${doc.lang}/articles/${slug}/` });
    }
  }
  return docs;
}

/** Writes a build manifest listing `docs`, so the real API server can serve them. */
export function writeBenchManifest(distDir: string, docs: SuggestDoc[]): void {
  const manifest: BuildManifest = {
    version: 1,
    builtAt: new Date().toISOString(),
    audience: 'public',
    articles: docs.map((d) => ({
      id: d.id,
      lang: d.lang,
      title: d.title,
      summary: d.summary,
      url: d.url,
      type: 'faq',
      topic: 'bench',
      topics: [],
      state: 'validated',
      audience: 'public',
      listed: true,
      translationKey: d.id.split('/')[1]!,
      owner: 'Bench',
      reviewed: '2026-01-01',
      reviewEvery: 180,
      tickets: [],
      tags: d.tags,
    })),
  };
  const file = join(distDir, MANIFEST_PATH);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest));
}

/** A query the benchmark sends. */
export interface BenchQuery {
  q: string;
  lang: SuggestDoc['lang'];
}

/** Cuts `count` queries from the documents: half from titles, half from body sentences. */
export function benchQueries(docs: SuggestDoc[], count: number, seed: number): BenchQuery[] {
  const r = createRandom(seed, 999_999);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const doc = r.pick(docs);
    const text =
      queries.length % 2
        ? doc.title
        : r.pick(
            doc.body
              .split(/[\n。.!?！？]+/)
              .filter((s) => s.trim().length > 8)
              .concat(doc.title),
          );
    // Chinese: 4–16 characters; English: 2–8 words — what people type into a box.
    const q = doc.lang === 'zh-CN' ? text.trim().slice(0, r.int(4, 16)) : text.trim().split(/\s+/).slice(0, r.int(2, 8)).join(' ');
    if (q) queries.push({ q: q.slice(0, 200), lang: doc.lang });
  }
  return queries;
}

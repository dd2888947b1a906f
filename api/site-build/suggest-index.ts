/**
 * The build step that writes `<outDir>/kb-build/suggest-index.json` from the content
 * folder, with the site's publishing rules: published (not-validated or validated) and
 * public, whatever audience the site itself was built for — suggestions are public.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isPublished } from '../../core/content/article.ts';
import { loadContent } from '../../core/content/loader.ts';
import { buildSuggestIndex, type SuggestDoc } from '../suggest/build.ts';
import { SUGGEST_INDEX_PATH } from '../suggest/search.ts';
import { loadSynonyms } from '../../core/search/synonyms.ts';

/** The articles of a content folder that suggestions may show. */
export function suggestDocsFromContent(contentDir: string, words: ReadonlyMap<string, readonly string[]> = new Map()): SuggestDoc[] {
  return loadContent(contentDir)
    .articles.filter((a) => isPublished(a.data.state) && a.data.audience === 'public')
    .map((a) => ({
      id: a.id,
      lang: a.lang,
      title: a.data.title,
      summary: a.data.summary,
      tags: a.data.tags,
      body: a.body,
      words: [...(words.get(a.id) ?? [])],
      url: `/${a.lang}/articles/${a.slug}/`,
    }));
}

/** What {@link writeSuggestIndex} did, for the build log and the benchmark. */
export interface SuggestIndexReport {
  file: string;
  articles: number;
  bytes: number;
  ms: number;
}

/** Builds the index of `contentDir` and writes it below `outDir`. */
export function writeSuggestIndex(
  contentDir: string,
  outDir: string,
  words: ReadonlyMap<string, readonly string[]> = new Map(),
): SuggestIndexReport {
  const started = performance.now();
  const docs = suggestDocsFromContent(contentDir, words);
  const json = JSON.stringify(buildSuggestIndex(docs, new Date(), { synonyms: loadSynonyms(contentDir) }));
  const file = join(outDir, SUGGEST_INDEX_PATH);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  return { file, articles: docs.length, bytes: Buffer.byteLength(json), ms: performance.now() - started };
}

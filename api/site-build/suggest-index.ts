/**
 * The build step that writes `<outDir>/kb-build/suggest-index.json` from the content
 * folder, with the site's publishing rules: published (not-validated or validated) and
 * public, whatever audience the site itself was built for — suggestions are public.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANGS, isPublished, type Lang } from '../../core/content/article.ts';
import { loadContent } from '../../core/content/loader.ts';
import { buildSuggestIndex, type SuggestDoc } from '../suggest/build.ts';
import { SUGGEST_INDEX_PATH } from '../suggest/search.ts';
import { loadSynonyms } from '../../core/search/synonyms.ts';
import { VOCAB_DIR, isVocabularyWord, vocabularyShards } from '../../core/search/vocabulary.ts';
import type { SerializedSuggestIndex } from '../suggest/build.ts';

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
  const index = buildSuggestIndex(docs, new Date(), { synonyms: loadSynonyms(contentDir) });
  const json = JSON.stringify(index);
  const file = join(outDir, SUGGEST_INDEX_PATH);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  writeVocabulary(index, outDir);
  return { file, articles: docs.length, bytes: Buffer.byteLength(json), ms: performance.now() - started };
}

/** The Chinese words of one language's suggestion index: what `corpusWord` (api/suggest/evidence.ts) knows. */
export function indexVocabulary(index: SerializedSuggestIndex, lang: Lang): string[] {
  const lunrIndex = index.langs[lang]?.index as { invertedIndex?: Array<[string, unknown]> } | undefined;
  return (lunrIndex?.invertedIndex ?? []).map(([term]) => term).filter(isVocabularyWord);
}

/**
 * Writes each language's Chinese vocabulary for the search page (core/search/vocabulary.ts):
 * `<outDir>/search-vocab/<lang>/<shard>.txt`, every shard of every language (empty ones
 * too), so the page's re-split knows exactly the words /api/suggest knows.
 */
export function writeVocabulary(index: SerializedSuggestIndex, outDir: string): void {
  for (const lang of LANGS) {
    const dir = join(outDir, VOCAB_DIR, lang);
    mkdirSync(dir, { recursive: true });
    vocabularyShards(indexVocabulary(index, lang)).forEach((text, shard) => writeFileSync(join(dir, `${shard}.txt`), text));
  }
}

/**
 * The corpus's Chinese vocabulary, shared by both engines so they cut a question the same
 * way (the re-split of core/search/relevance.ts, `relevanceUnits(text, synonyms, known)`).
 * `/api/suggest` asks its index; the search page cannot, so the build writes the same words
 * — every Chinese term of that language's suggestion index, character pairs and the few
 * words indexed whole — beside the site, in shards by the word's first character
 * (`/search-vocab/<lang>/<shard>.txt`, one word a line). A question only needs the shards of
 * its own Chinese characters: every word the re-split asks about starts with one of them.
 * docs/search.md ("The relevance rule") says why.
 */

/** Shards per language: about 360 words each on the Chinese Astro docs (23 k words). */
export const VOCAB_SHARDS = 64;

/** Where the build writes a language's shards, below the site's root (and the URL path the page reads). */
export const VOCAB_DIR = 'search-vocab';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_CHARS = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Is `term` a Chinese word the vocabulary keeps (1–4 Chinese characters, nothing else)? */
export function isVocabularyWord(term: string): boolean {
  return term.length >= 1 && term.length <= 4 && [...term].every((c) => CJK.test(c));
}

/** The shard holding words that start with `word`'s first character. */
export function vocabShard(word: string): number {
  return word.codePointAt(0)! % VOCAB_SHARDS;
}

/** The shards a question needs: those of its Chinese characters (after NFKC), ascending. */
export function shardsForQuery(text: string): number[] {
  const chars = text.normalize('NFKC').match(CJK_CHARS) ?? [];
  return [...new Set(chars.map(vocabShard))].sort((a, b) => a - b);
}

/** Splits words into shard files' contents: shard number → sorted words, one a line. */
export function vocabularyShards(words: Iterable<string>): string[] {
  const shards: string[][] = Array.from({ length: VOCAB_SHARDS }, () => []);
  for (const word of new Set(words)) if (isVocabularyWord(word)) shards[vocabShard(word)]!.push(word);
  return shards.map((list) => list.sort().join('\n'));
}

/** Reads a shard file's contents back into its words. */
export function parseVocabularyShard(text: string): string[] {
  return text.split('\n').filter(isVocabularyWord);
}

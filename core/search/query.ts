/**
 * Turns what a customer typed into search terms. Customers type questions
 * ("构建时报错找不到 sharp 怎么办", "how do I reset my password"), while the index
 * holds words; this keeps the words that carry the problem.
 */
import { CHINESE_FILLERS, ENGLISH_STOPWORDS } from './stopwords.ts';

export interface AnalyzedQuery {
  /** What the visitor typed, normalised (NFKC, case-folded, whitespace collapsed). */
  normalized: string;
  /** The terms worth searching for, in the order typed, without duplicates. */
  terms: string[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
// Punctuation of both scripts separates phrases just as spaces do.
const SEPARATORS = /[\s\p{P}\p{S}]+/u;

/** NFKC, case-folded, whitespace collapsed: the form queries are compared and counted in. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const LONG_FILLERS = CHINESE_FILLERS.filter((f) => f.length > 1);
const SHORT_FILLERS = new Set(CHINESE_FILLERS.filter((f) => f.length === 1));
let segmenter: Intl.Segmenter | undefined;

/**
 * Cuts a run of Chinese characters at filler words, keeping the pieces between them.
 * Multi-character fillers ("怎么办") are cut wherever they occur; single characters
 * ("的", "时") only where the word segmenter sees them as words of their own, so that
 * "时间" or "目的" survive.
 */
function splitChineseRun(run: string): string[] {
  let pieces = [run];
  for (const filler of LONG_FILLERS) {
    pieces = pieces.flatMap((piece) => (piece.includes(filler) ? piece.split(filler) : [piece]));
  }
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const piece of pieces) {
    let current = '';
    for (const { segment } of segmenter.segment(piece)) {
      if (SHORT_FILLERS.has(segment)) {
        if (current) out.push(current);
        current = '';
      } else current += segment;
    }
    if (current) out.push(current);
  }
  return out;
}

/**
 * Extracts search terms. Latin words are kept unless they are English stop words
 * (English words are stemmed by Pagefind itself); Chinese runs are cut at filler
 * words and the remaining phrases kept whole, because Pagefind segments them with
 * its own dictionary, the same one it used to index the pages.
 */
export function analyzeQuery(text: string): AnalyzedQuery {
  const normalized = normalizeQuery(text);
  const terms: string[] = [];
  for (const chunk of normalized.split(SEPARATORS)) {
    if (!chunk) continue;
    // A chunk may mix scripts ("sharp报错"): split it into Chinese runs and the rest.
    const parts = chunk.split(/([\u3400-\u9fff\uf900-\ufaff]+)/).filter(Boolean);
    for (const part of parts) {
      if (CJK.test(part)) terms.push(...splitChineseRun(part));
      else if (!ENGLISH_STOPWORDS.has(part)) terms.push(part);
    }
  }
  const unique = [...new Set(terms)];
  // A question made only of filler ("怎么办", "how do I") still searches for what was typed.
  return { normalized, terms: unique.length > 0 ? unique : normalized ? [normalized] : [] };
}

/** Character bigrams of the Chinese runs in a phrase, for the broadest retry. */
export function chineseBigrams(term: string): string[] {
  const grams: string[] = [];
  for (const run of term.match(CJK_RUN) ?? []) {
    if (run.length <= 2) grams.push(run);
    else for (let i = 0; i < run.length - 1; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
}

/** Words of two or more characters that the word segmenter finds in a Chinese phrase. */
export function chineseWords(term: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(term)].map((s) => s.segment).filter((w) => w.length >= 2 && /[\u3400-\u9fff]/.test(w) && w !== term);
}

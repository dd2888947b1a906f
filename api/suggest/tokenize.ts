/**
 * Turns article text and customer questions into the terms the suggestion index holds.
 * Documents and queries go through the same function, so a term found in one is spelled
 * the same way in the other.
 *
 * Chinese has no spaces. Node's ICU word segmenter finds most words ("服务器") but splits
 * some into single characters ("构|建"), so each Chinese phrase is indexed as its
 * segmenter words PLUS its character bigrams: a word the segmenter cut still matches
 * through its bigram, and a word it kept whole matches exactly. English words are
 * lower-cased, stop words dropped and stemmed with lunr's Porter stemmer
 * ("passwords" → "password", "resetting" → "reset").
 */
import lunr from 'lunr';
import { CHINESE_FILLERS, ENGLISH_STOPWORDS } from '../../core/search/stopwords.ts';
import { isCode } from '../../core/search/relevance.ts';

const CJK_SPLIT = /([\u3400-\u9fff\uf900-\ufaff]+)/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Letters and digits, with inner apostrophes ("don't", "user's") kept for the stop-word check.
const LATIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Error codes and identifiers ("e-lic-0042", "err_ssl_protocol_error") are also kept whole,
// so the relevance rule can match them exactly (core/search/relevance.ts).
// (A code without separators is one word already.)
const LATIN_TOKEN = /[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)+/gu;

const LONG_FILLERS = CHINESE_FILLERS.filter((f) => f.length > 1);
const SHORT_FILLERS = new Set(CHINESE_FILLERS.filter((f) => f.length === 1));

let segmenter: Intl.Segmenter | undefined;
const stemCache = new Map<string, string>();

/** Porter stem of a lower-case English word (cached: the same words recur across articles). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Terms of a run of Latin script: stop words out, possessives trimmed, the rest stemmed. */
function latinTerms(text: string, out: string[]): void {
  for (const [token] of text.matchAll(LATIN_TOKEN)) if (isCode(token)) out.push(token);
  for (const match of text.matchAll(LATIN_WORD)) {
    const word = match[0].replace(/’/g, "'");
    if (ENGLISH_STOPWORDS.has(word)) continue;
    for (const part of word.replace(/'s$/, '').split("'")) {
      // Single letters ("a", "s" of "it's") carry nothing; single digits can ("step 3") but are too common.
      if (part.length < 2 || ENGLISH_STOPWORDS.has(part)) continue;
      out.push(/^[a-z]+$/.test(part) ? stem(part) : part);
    }
  }
}

/**
 * Cuts a Chinese run at filler words ("怎么办", and single-character ones such as "的"
 * where the segmenter sees them as words), returning the segmenter's words of each piece.
 */
function chinesePieces(run: string): string[][] {
  let pieces = [run];
  for (const filler of LONG_FILLERS) {
    if (run.includes(filler)) pieces = pieces.flatMap((piece) => piece.split(filler));
  }
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[][] = [];
  for (const piece of pieces) {
    if (!piece) continue;
    let words: string[] = [];
    for (const { segment } of segmenter.segment(piece)) {
      if (SHORT_FILLERS.has(segment)) {
        if (words.length) out.push(words);
        words = [];
      } else words.push(segment);
    }
    if (words.length) out.push(words);
  }
  return out;
}

/**
 * Bigrams only, for long text: ICU's segmenter costs about 3 s per million characters,
 * bigrams a hundredth of that, and in bodies the bigrams carry the match anyway.
 */
function chineseBigrams(run: string, out: string[]): void {
  let pieces = [run];
  for (const filler of LONG_FILLERS) {
    if (run.includes(filler)) pieces = pieces.flatMap((piece) => piece.split(filler));
  }
  for (const piece of pieces) {
    if (piece.length === 1 && !SHORT_FILLERS.has(piece)) out.push(piece);
    for (let i = 0; i + 1 < piece.length; i++) out.push(piece.slice(i, i + 2));
  }
}

/** Terms of a Chinese run: segmenter words of more than two characters, plus character bigrams. */
function chineseTerms(run: string, out: string[]): void {
  for (const words of chinesePieces(run)) {
    const phrase = words.join('');
    if (phrase.length === 1) {
      out.push(phrase);
      continue;
    }
    for (const word of words) if (word.length > 2) out.push(word);
    for (let i = 0; i + 1 < phrase.length; i++) out.push(phrase.slice(i, i + 2));
  }
}

/**
 * The index terms of a text, in order, repeats kept (term frequency counts). Works on
 * any mix of scripts: "sharp报错" gives "sharp", "报错". `fast` skips the word segmenter
 * (Chinese bigrams only), for article bodies.
 */
export function tokenize(text: string, { fast = false } = {}): string[] {
  const out: string[] = [];
  const normalized = text.normalize('NFKC').toLowerCase();
  for (const part of normalized.split(CJK_SPLIT)) {
    if (!part) continue;
    if (CJK.test(part)) (fast ? chineseBigrams : chineseTerms)(part, out);
    else latinTerms(part, out);
  }
  return out;
}

/** The distinct terms of a query, in the order typed. */
export function queryTerms(text: string): string[] {
  return [...new Set(tokenize(text))];
}

/** Share of CJK characters among the letters of a text: > 0.2 reads as Chinese. */
export function guessLang(text: string): 'zh-CN' | 'en' {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (!letters.length) return 'en';
  const cjk = letters.filter((ch) => CJK.test(ch)).length;
  return cjk / letters.length > 0.2 ? 'zh-CN' : 'en';
}

/**
 * Answers suggestion queries from the serialised index. Loaded once at start; searching
 * is synchronous and in memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../core/content/article.ts';
import { SUGGEST_INDEX_VERSION, type SerializedSuggestIndex, type SuggestArticle } from './build.ts';
import { Postings } from './postings.ts';
import { queryTerms } from './tokenize.ts';
import { relevanceUnits, selectAnswers, type QueryUnit } from '../../core/search/relevance.ts';
import { corpusWord, evidenceOf, unitPresence } from './evidence.ts';

/** Where the build writes the index, relative to the build's output folder. */
export const SUGGEST_INDEX_PATH = join('kb-build', 'suggest-index.json');

/** Queries longer than this many terms are cut: a pasted ticket adds noise, not recall. */
export const MAX_QUERY_TERMS = 64;

/** How many of BM25's best matches the relevance rule judges. */
export const JUDGED_CANDIDATES = 30;

/** One suggested article. */
export interface Suggestion {
  article: string;
  title: string;
  url: string;
  /** lunr's BM25 score, rounded; only comparable within one answer. */
  score: number;
}

/**
 * The loaded index of every language. Built by lunr (./build.ts); queried through
 * ./postings.ts, which gives lunr's scores without lunr's per-query cost.
 */
export class SuggestIndex {
  private readonly langs = new Map<Lang, { postings: Postings; articles: SuggestArticle[]; synonyms: string[][] }>();

  /** Loads a parsed index file; the parsed JSON is not kept (see ./postings.ts). */
  constructor(serialized: SerializedSuggestIndex) {
    if (serialized?.version !== SUGGEST_INDEX_VERSION || typeof serialized.langs !== 'object') {
      throw new Error(`not a suggestion index of version ${SUGGEST_INDEX_VERSION}; rebuild the site`);
    }
    for (const [lang, part] of Object.entries(serialized.langs)) {
      if (part)
        this.langs.set(lang as Lang, {
          postings: new Postings(part.index as ConstructorParameters<typeof Postings>[0], part.articles.length),
          articles: part.articles,
          synonyms: part.synonyms ?? [],
        });
    }
  }

  /** Reads `<distDir>/kb-build/suggest-index.json`; throws naming the file when it cannot. */
  static fromDist(distDir: string): SuggestIndex {
    const file = join(distDir, SUGGEST_INDEX_PATH);
    try {
      return new SuggestIndex(JSON.parse(readFileSync(file, 'utf8')) as SerializedSuggestIndex);
    } catch (error) {
      throw new Error(`Cannot load the suggestion index ${file}: ${(error as Error).message}`);
    }
  }

  /** Number of indexed articles per language. */
  get sizes(): Partial<Record<Lang, number>> {
    return Object.fromEntries([...this.langs].map(([lang, part]) => [lang, part.articles.length]));
  }

  /**
   * Articles that plausibly answer what a customer typed, best first; none when none does.
   * BM25 ranks the articles matching any query term (more and rarer terms, title above
   * body); the relevance rule (core/search/relevance.ts) then keeps those that cover
   * enough of the question. `accept` filters article ids (e.g. to the catalog).
   */
  search(text: string, lang: Lang, limit: number, accept: (id: string) => boolean = () => true): Suggestion[] {
    return this.judge(text, lang, limit, accept).answers;
  }

  /** BM25's best candidates with the relevance rule's evidence for each, for tuning the rule. */
  explain(text: string, lang: Lang): Array<{ id: string; ev: ReturnType<typeof evidenceOf> }> {
    const part = this.langs.get(lang);
    if (!part) return [];
    const units = relevanceUnits(text, part.synonyms, corpusWord(part.postings)).slice(0, MAX_QUERY_TERMS);
    const hits = part.postings.search(queryTermsWithSynonyms(text, units), JUDGED_CANDIDATES);
    const presence = unitPresence(
      part.postings,
      units,
      hits.map((hit) => hit.doc),
      part.articles.length,
    );
    return hits.map((hit, c) => ({ id: part.articles[hit.doc]!.id, ev: evidenceOf(c, presence) }));
  }

  /** The answers and the weak matches ("related, may not answer this"), each at most `limit`. */
  judge(
    text: string,
    lang: Lang,
    limit: number,
    accept: (id: string) => boolean = () => true,
  ): { answers: Suggestion[]; related: Suggestion[] } {
    const part = this.langs.get(lang);
    const none = { answers: [], related: [] };
    if (!part) return none;
    const units = relevanceUnits(text, part.synonyms, corpusWord(part.postings)).slice(0, MAX_QUERY_TERMS);
    const terms = queryTermsWithSynonyms(text, units);
    if (!terms.length || !units.length) return none;
    const want = Math.max(limit, JUDGED_CANDIDATES);
    // A few spare places for articles `accept` turns down; if even those run out, rank all.
    let hits = part.postings.search(terms, want + 10);
    const accepted = hits.filter((hit) => accept(part.articles[hit.doc]?.id ?? '')).length;
    if (accepted < want && hits.length === want + 10) hits = part.postings.search(terms);
    const candidates = hits.filter((hit) => accept(part.articles[hit.doc]?.id ?? '')).slice(0, want);
    const presence = unitPresence(
      part.postings,
      units,
      candidates.map((hit) => hit.doc),
      part.articles.length,
    );
    const { answers, related } = selectAnswers(
      candidates.map((hit, c) => ({ item: hit, evidence: evidenceOf(c, presence) })),
      { docCount: part.articles.length },
    );
    const shown = (hit: (typeof candidates)[number]): Suggestion => {
      const article = part.articles[hit.doc]!;
      return { article: article.id, title: article.title, url: article.url, score: Math.round(hit.score * 1000) / 1000 };
    };
    return { answers: answers.slice(0, limit).map(shown), related: related.slice(0, limit).map(shown) };
  }
}

/** The query's terms for BM25, with the terms of its synonyms. */
function queryTermsWithSynonyms(text: string, units: readonly QueryUnit[]): string[] {
  const alternatives = units.flatMap((u) => u.alternatives ?? []);
  return [...new Set([...queryTerms(text), ...queryTerms(alternatives.join(' '))])].slice(0, MAX_QUERY_TERMS);
}

/**
 * The served build's index, or undefined (with a warning) when the build has none: a
 * build made before suggestions existed still serves everything else.
 */
export function loadSuggestIndex(distDir: string): SuggestIndex | undefined {
  if (!existsSync(join(distDir, SUGGEST_INDEX_PATH))) {
    console.warn(`No suggestion index in ${distDir} (${SUGGEST_INDEX_PATH}): /api/suggest answers 503 until the site is rebuilt.`);
    return undefined;
  }
  return SuggestIndex.fromDist(distDir);
}

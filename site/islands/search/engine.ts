/**
 * Ranked search over Pagefind that answers questions, not only keyword lists.
 *
 * Pagefind returns only pages containing every term, and ranks long pages that mention
 * every word somewhere above short pages that answer the question. We also search each
 * term alone (a Chinese phrase also as its words and character pairs, since Pagefind ANDs
 * the words it finds inside a phrase) and merge: a page scores the sum, over the units it
 * matches, of the unit's rarity (idf) times Pagefind's own score for it, normalised per
 * unit; pages matching every term get a bonus. Title weight comes from the index.
 */
import { chineseBigrams, chineseWords } from '../../../core/search/query.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
}
/** The part of Pagefind's JS API the engine needs (a fake in tests). */
export interface PagefindApi {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch | null>;
}

export interface RankedResults {
  results: PagefindResult[];
  /** True when no page matched every term and the results match only some. */
  broadened: boolean;
  /** The pages each searched unit found, by unit (for the relevance rule's document frequencies). */
  unitHits: Map<string, PagefindResult[]>;
}

export interface EngineOptions {
  /** 'always' merges single-term results into every search; 'fallback' only when the all-terms search finds few. */
  merge: 'always' | 'fallback';
  /** How a Chinese phrase is split for single-unit searches. */
  chineseUnits: 'bigrams' | 'words' | 'both' | 'none';
  /** Bonus for pages matching every term, as a share of the query's total idf. */
  allTermsBonus: number;
  /** Further units to search alone, only to know which pages hold them. */
  extraUnits?: string[];
  /** Terms searched alone and scored, but not required by the all-terms search (synonyms). */
  optionalTerms?: string[];
}

/**
 * Tuned with `npm run eval:search` on the question sets of docs/search.md (all of them are
 * tuned sets, none held out): see its figures.
 */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { merge: 'always', chineseUnits: 'words', allTermsBonus: 0.2 };

/**
 * Pagefind's BM25 settings: full length normalisation and damped term frequency, so a
 * short page that answers the question is not buried under long guides that mention
 * every word somewhere (defaults are pageLength 0.75, termFrequency 1.0).
 */
export const PAGEFIND_RANKING = { pageLength: 1.0, termFrequency: 0.5 };

/** Below this many all-term matches the fallback mode also ranks partial matches. */
export const ENOUGH_RESULTS = 5;
/** At most this many units are searched one by one (long pasted text would be slow). */
const MAX_UNITS = 24;

const isChinese = (term: string) => /[\u3400-\u9fff]/.test(term);

async function find(api: PagefindApi, term: string, filters: Record<string, string>): Promise<PagefindResult[]> {
  return (await api.search(term, { filters }))?.results ?? [];
}

/** The units searched one by one: each term, and for Chinese phrases their words and/or pairs. */
export function searchUnits(terms: string[], chineseUnits: EngineOptions['chineseUnits']): string[] {
  const units: string[] = [];
  for (const term of terms) {
    units.push(term);
    if (!isChinese(term) || term.length <= 2) continue;
    if (chineseUnits === 'words' || chineseUnits === 'both') units.push(...chineseWords(term));
    if (chineseUnits === 'bigrams' || chineseUnits === 'both') units.push(...chineseBigrams(term));
  }
  return [...new Set(units)].slice(0, MAX_UNITS);
}

/**
 * Searches for `terms` and returns results best first. `pageCount` (pages in the
 * index) turns document frequencies into idf weights.
 */
export async function rankedSearch(
  api: PagefindApi,
  terms: string[],
  filters: Record<string, string>,
  pageCount: number,
  options: Partial<EngineOptions> = {},
): Promise<RankedResults> {
  const opts = { ...DEFAULT_ENGINE_OPTIONS, ...options };
  const unitHits = new Map<string, PagefindResult[]>();
  if (terms.length === 0) return { results: [], broadened: false, unitHits };
  const allTerms = await find(api, terms.join(' '), filters);
  const units = searchUnits([...terms, ...(opts.optionalTerms ?? [])], opts.chineseUnits);
  // The relevance rule's units are searched too, for their document frequencies.
  const extra = [...new Set(opts.extraUnits ?? [])].filter((u) => !units.includes(u)).slice(0, MAX_UNITS);
  const extraHits = await Promise.all(extra.map((unit) => find(api, unit, filters)));
  extra.forEach((unit, i) => unitHits.set(unit, extraHits[i]!));
  if (opts.merge === 'fallback' && allTerms.length >= ENOUGH_RESULTS) return { results: allTerms, broadened: false, unitHits };
  if (units.length === 1 && allTerms.length > 0) {
    unitHits.set(units[0]!, allTerms);
    return { results: allTerms, broadened: false, unitHits };
  }
  const perUnit = await Promise.all(units.map((unit) => find(api, unit, filters)));
  units.forEach((unit, i) => unitHits.set(unit, perUnit[i]!));

  const scores = new Map<string, { result: PagefindResult; score: number }>();
  const add = (result: PagefindResult, score: number) => {
    const entry = scores.get(result.id);
    if (entry) entry.score += score;
    else scores.set(result.id, { result, score });
  };
  let totalIdf = 0;
  for (const results of perUnit) {
    if (results.length === 0) continue;
    const idf = Math.log(1 + Math.max(pageCount, results.length) / results.length);
    totalIdf += idf;
    const best = Math.max(...results.map((r) => r.score)) || 1;
    for (const result of results) add(result, (idf * result.score) / best);
  }
  const bestAll = Math.max(0, ...allTerms.map((r) => r.score)) || 1;
  for (const result of allTerms) add(result, totalIdf * opts.allTermsBonus * (0.5 + (0.5 * result.score) / bestAll));
  const results = [...scores.values()].sort((a, b) => b.score - a.score).map((s) => s.result);
  return { results, broadened: allTerms.length === 0 && results.length > 0, unitHits };
}

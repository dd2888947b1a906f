/**
 * Ranked search over Pagefind that answers questions, not only keyword lists.
 *
 * Pagefind returns only pages containing every term, so a natural question often finds
 * nothing. We first ask for every term; when that finds fewer than a page of results we
 * also search each term alone (and, for a Chinese phrase that finds nothing, its
 * character pairs) and merge: a page scores the sum, over the terms it matches, of the
 * term's rarity (idf) times Pagefind's own score for it, normalised per term. Pages that
 * matched every term stay on top. Title weight comes from the index (h1 weight 10).
 */
import { chineseBigrams } from './query.ts';

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
}

/** Below this many all-term matches the engine also ranks partial matches. */
export const ENOUGH_RESULTS = 5;
/** At most this many terms are searched one by one (long pasted text would be slow). */
const MAX_TERMS = 10;

const isChinese = (term: string) => /[\u3400-\u9fff]/.test(term);

async function find(api: PagefindApi, term: string, filters: Record<string, string>): Promise<PagefindResult[]> {
  return (await api.search(term, { filters }))?.results ?? [];
}

/**
 * Searches for `terms` and returns results best first. `pageCount` (pages in the
 * index) turns document frequencies into idf weights.
 */
export async function rankedSearch(api: PagefindApi, terms: string[], filters: Record<string, string>, pageCount: number): Promise<RankedResults> {
  if (terms.length === 0) return { results: [], broadened: false };
  const allTerms = await find(api, terms.join(' '), filters);
  if (allTerms.length >= ENOUGH_RESULTS) return { results: allTerms, broadened: false };

  const single = terms.slice(0, MAX_TERMS);
  let perTerm = await Promise.all(single.map((term) => find(api, term, filters)));
  // A Chinese phrase Pagefind could not match whole is retried as character pairs.
  const retries = single.flatMap((term, i) => (perTerm[i]!.length === 0 && isChinese(term) ? chineseBigrams(term) : []));
  if (retries.length > 0) perTerm = [...perTerm, ...(await Promise.all([...new Set(retries)].slice(0, 2 * MAX_TERMS).map((gram) => find(api, gram, filters))))];
  if (single.length === 1 && retries.length === 0) return { results: allTerms, broadened: false };

  const scores = new Map<string, { result: PagefindResult; score: number }>();
  const add = (result: PagefindResult, score: number) => {
    const entry = scores.get(result.id);
    if (entry) entry.score += score;
    else scores.set(result.id, { result, score });
  };
  let totalIdf = 0;
  for (const results of perTerm) {
    if (results.length === 0) continue;
    const idf = Math.log(1 + Math.max(pageCount, results.length) / results.length);
    totalIdf += idf;
    const best = Math.max(...results.map((r) => r.score)) || 1;
    for (const result of results) add(result, (idf * result.score) / best);
  }
  // Pages with every term outrank any partial match.
  for (const result of allTerms) add(result, totalIdf + 1);
  const results = [...scores.values()].sort((a, b) => b.score - a.score).map((s) => s.result);
  return { results, broadened: allTerms.length === 0 && results.length > 0 };
}

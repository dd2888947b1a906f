/**
 * Search-quality metrics: pure functions from judged results to numbers.
 * Definitions (kept in one place so the report, the tests and the docs agree):
 * - recall@k: share of queries with at least one expected id among the first k results.
 * - MRR: mean over queries of 1 / rank of the first expected id, 0 when it is not returned.
 * - empty on unanswerable: share of the questions no article answers (`expected` empty)
 *   that got no result at all — the honest answer (issue 15).
 * recall and MRR count only answerable questions.
 */

/** One evaluated query: what should have come back and what did, best first. */
export interface JudgedQuery {
  /** Language of the query, used to group the figures. */
  lang: string;
  /** Article ids that answer the query; any one of them counts as a hit. */
  expected: readonly string[];
  /** Article ids the engine returned, best first. */
  returned: readonly string[];
}

/** The figures for one group of queries. */
export interface QualitySummary {
  /** Number of answerable queries in the group. */
  queries: number;
  /** Number of unanswerable queries in the group. */
  unanswerable: number;
  /** Share of the unanswerable queries answered with nothing (0–1; 0 when there are none). */
  emptyOnUnanswerable: number;
  /** Share of queries answered by the first result (0–1). */
  recallAt1: number;
  /** Share of queries answered within the first k results (0–1). */
  recallAtK: number;
  /** The k used for `recallAtK`. */
  k: number;
  /** Mean reciprocal rank over the whole returned list (0–1). */
  mrr: number;
}

/**
 * The 1-based rank of the first expected id in `returned`, or null when none is there.
 * Duplicates in `returned` keep their first position, as a reader would see them.
 */
export function firstHitRank(expected: readonly string[], returned: readonly string[]): number | null {
  const wanted = new Set(expected);
  const index = returned.findIndex((id) => wanted.has(id));
  return index === -1 ? null : index + 1;
}

/** recall@k: share of queries with an expected id among their first `k` results; 0 for no queries. */
export function recallAtK(judged: readonly JudgedQuery[], k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (judged.length === 0) return 0;
  const hits = judged.filter((q) => {
    const rank = firstHitRank(q.expected, q.returned);
    return rank !== null && rank <= k;
  }).length;
  return hits / judged.length;
}

/** Mean reciprocal rank: mean of 1 / rank of the first expected id (0 when absent); 0 for no queries. */
export function meanReciprocalRank(judged: readonly JudgedQuery[]): number {
  if (judged.length === 0) return 0;
  const total = judged.reduce((sum, q) => {
    const rank = firstHitRank(q.expected, q.returned);
    return sum + (rank === null ? 0 : 1 / rank);
  }, 0);
  return total / judged.length;
}

/** Share of unanswerable queries (no expected id) that returned nothing; 0 for none. */
export function emptyShare(judged: readonly JudgedQuery[]): number {
  const unanswerable = judged.filter((q) => q.expected.length === 0);
  return unanswerable.length ? unanswerable.filter((q) => q.returned.length === 0).length / unanswerable.length : 0;
}

/** recall@1, recall@k and MRR over the answerable queries, and the empty share of the others. */
export function summarize(all: readonly JudgedQuery[], k: number): QualitySummary {
  const judged = all.filter((q) => q.expected.length > 0);
  return {
    queries: judged.length,
    unanswerable: all.length - judged.length,
    emptyOnUnanswerable: emptyShare(all),
    recallAt1: recallAtK(judged, 1),
    recallAtK: recallAtK(judged, k),
    k,
    mrr: meanReciprocalRank(judged),
  };
}

/** Figures per language (in first-seen order) plus `all` over every query. */
export function summarizeByLang(judged: readonly JudgedQuery[], k: number): Map<string, QualitySummary> {
  const groups = new Map<string, JudgedQuery[]>();
  for (const q of judged) {
    const group = groups.get(q.lang);
    if (group) group.push(q);
    else groups.set(q.lang, [q]);
  }
  const summaries = new Map<string, QualitySummary>();
  for (const [lang, group] of groups) summaries.set(lang, summarize(group, k));
  summaries.set('all', summarize(judged, k));
  return summaries;
}

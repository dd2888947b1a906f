/**
 * The search page's side of the relevance rule (core/search/relevance.ts): Pagefind's
 * merged results are judged again with the rule /api/suggest uses. The evidence comes from
 * what the build ships with each page: its title, summary, headings and customers' words as
 * Pagefind metadata, its text in Pagefind's fragment, and which pages each query unit's own
 * search found (its document frequency).
 */
import { normalizeQuery } from '../../../core/search/query.ts';
import { fieldHolding, selectAnswers, unitWeight, type EvidenceField, type QueryUnit } from '../../../core/search/relevance.ts';
import type { PagefindResult, PagefindResultData } from './engine.ts';

/** How many of the merged results are judged (and so the most answers one search shows). */
export const JUDGED_RESULTS = 15;

/** A judged result with its loaded data. */
export interface LoadedResult {
  result: PagefindResult;
  data: PagefindResultData & { content?: string };
}

/** The page's fields as the rule reads them. */
export function evidenceFields(data: LoadedResult['data']): Partial<Record<EvidenceField, string>> {
  const meta = data.meta;
  return {
    title: normalizeQuery(meta.title ?? ''),
    heading: normalizeQuery(meta.headings ?? ''),
    summary: normalizeQuery(meta.summary ?? ''),
    words: normalizeQuery(meta.words ?? ''),
    body: normalizeQuery(data.content ?? data.excerpt ?? ''),
  };
}

/**
 * Splits the first {@link JUDGED_RESULTS} results into answers and weak matches.
 * `unitHits` maps a unit's text to the pages its own search found; `pageCount` is the
 * number of pages in the index.
 */
export async function judgeResults(
  results: readonly PagefindResult[],
  units: readonly QueryUnit[],
  unitHits: ReadonlyMap<string, ReadonlySet<string>>,
  pageCount: number,
): Promise<{ answers: LoadedResult[]; related: LoadedResult[] }> {
  if (units.length === 0) return { answers: [], related: [] };
  const loaded: LoadedResult[] = await Promise.all(
    results.slice(0, JUDGED_RESULTS).map(async (result) => ({ result, data: (await result.data()) as LoadedResult['data'] })),
  );
  const weights = units.map((unit) => unitWeight(unitHits.get(unit.text)?.size ?? 0, pageCount));
  const candidates = loaded.map((item) => {
    const fields = evidenceFields(item.data);
    return {
      item,
      evidence: units.map((unit, i) => {
        let field = fieldHolding(fields, unit);
        // Pagefind found the page for this unit (its own stemming and word splitting): at least the body holds it.
        if (field === null && unit.kind !== 'code' && unitHits.get(unit.text)?.has(item.result.id)) field = 'body';
        return { weight: weights[i]!, field, code: unit.kind === 'code' };
      }),
    };
  });
  return selectAnswers(candidates);
}

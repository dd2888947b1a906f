/**
 * The search page's side of the relevance rule (core/search/relevance.ts): Pagefind's
 * merged results are judged again with the rule /api/suggest uses. The evidence comes from
 * what the build ships with each page: its title, summary, headings and customers' words as
 * Pagefind metadata, and its text in Pagefind's fragment.
 *
 * Document frequencies come from each unit's own Pagefind search, corrected: Pagefind
 * widens a word it does not know to words sharing its start ("passport" finds 85 pages
 * through "pass", "xyzzy" finds 3), so the count is scaled by the share of a sample of
 * those pages whose text really holds the unit — 0 for a word no page holds.
 */
import { normalizeQuery } from '../../../core/search/query.ts';
import { fieldHolding, selectAnswers, textHolds, unitWeight, type EvidenceField, type QueryUnit } from '../../../core/search/relevance.ts';
import type { PagefindResult, PagefindResultData } from './engine.ts';

/** How many of the merged results are judged (and so the most answers one search shows). */
export const JUDGED_RESULTS = 15;
/** Pages of a unit's own search read to check Pagefind's count, when no judged page is among them. */
const SAMPLE = 2;

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

const loadData = async (result: PagefindResult): Promise<LoadedResult> => ({ result, data: (await result.data()) as LoadedResult['data'] });

/**
 * Splits the first {@link JUDGED_RESULTS} results into answers and weak matches.
 * `unitHits` maps a unit's text (or synonym) to the pages its own search found;
 * `pageCount` is the number of pages in the index.
 */
export async function judgeResults(
  results: readonly PagefindResult[],
  units: readonly QueryUnit[],
  unitHits: ReadonlyMap<string, readonly PagefindResult[]>,
  pageCount: number,
): Promise<{ answers: LoadedResult[]; related: LoadedResult[] }> {
  if (units.length === 0) return { answers: [], related: [] };
  const loaded = await Promise.all(results.slice(0, JUDGED_RESULTS).map(loadData));
  const fields = new Map(loaded.map((item) => [item.result.id, evidenceFields(item.data)]));
  const weights = await Promise.all(
    units.map(async (unit) => {
      const pages = new Map<string, PagefindResult>();
      for (const form of [unit.text, ...(unit.alternatives ?? [])]) for (const r of unitHits.get(form) ?? []) pages.set(r.id, r);
      if (pages.size === 0) return unitWeight(0, pageCount);
      let sample = [...pages.keys()].filter((id) => fields.has(id));
      if (sample.length === 0) {
        const extra = await Promise.all([...pages.values()].slice(0, SAMPLE).map(loadData));
        for (const item of extra) fields.set(item.result.id, evidenceFields(item.data));
        sample = extra.map((item) => item.result.id);
      }
      const holding = sample.filter((id) => Object.values(fields.get(id)!).some((text) => text && textHolds(text, unit))).length;
      return unitWeight((pages.size * holding) / sample.length, pageCount);
    }),
  );
  const candidates = loaded.map((item) => ({
    item,
    evidence: units.map((unit, i) => ({
      weight: weights[i]!,
      field: fieldHolding(fields.get(item.result.id)!, unit),
      code: unit.kind === 'code',
    })),
  }));
  return selectAnswers(candidates, { docCount: pageCount });
}

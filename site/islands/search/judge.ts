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
import {
  fieldHolding,
  relevanceUnits,
  resplitLookups,
  selectAnswers,
  textHolds,
  unitWeight,
  type EvidenceField,
  type QueryUnit,
} from '../../../core/search/relevance.ts';
import { find, type PagefindApi, type PagefindResult, type PagefindResultData } from './engine.ts';

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

/**
 * The rule's units of a query, with its Chinese words no page holds cut again against the
 * words Pagefind knows (core/search/relevance.ts, "构建时报错" → 构建, 报错 rather than 构建,
 * 时报). Costs one Pagefind search per Chinese unit, and more only when one is unknown.
 */
export async function ruleUnits(api: PagefindApi, text: string, synonyms: readonly (readonly string[])[]): Promise<QueryUnit[]> {
  const units = relevanceUnits(text, synonyms);
  const chinese = units.filter((u) => u.kind === 'cjk' && !u.alternatives?.length).map((u) => u.text);
  if (chinese.length === 0) return units;
  // Pagefind widens a word it does not know to words sharing its start: a word is held when
  // its first page's text really holds it.
  const held = async (word: string) => {
    const first = (await find(api, word, {}))[0];
    if (!first) return false;
    const data = (await first.data()) as LoadedResult['data'];
    return Object.values(evidenceFields(data)).some((text) => text?.includes(word));
  };
  const known = new Set<string>();
  const unknown = new Set<string>();
  await Promise.all(chinese.map(async (word) => ((await held(word)) ? known : unknown).add(word)));
  if (unknown.size === 0) return units;
  const lookups = resplitLookups(text, unknown).slice(0, MAX_LOOKUPS);
  await Promise.all(lookups.map(async (word) => (await held(word)) && known.add(word)));
  return relevanceUnits(text, synonyms, (word) => known.has(word));
}

/** At most this many words are looked up to re-split a query's unknown Chinese words. */
const MAX_LOOKUPS = 24;

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
  return selectAnswers(candidates);
}

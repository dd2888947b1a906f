/**
 * Search metrics (docs/design.md §4): no-result rate, click-through and the top queries per
 * language. Queries are counted in their normalised form (NFKC, case-folded, whitespace
 * collapsed; core/search/query.ts normalizeQuery, applied when events are stored).
 * A search's lang is the lang its event carried; topic does not apply to searches.
 */
import { searchesByDate, searchesByQuery, type QueryTotals } from '../db/queries/metrics-events.ts';
import { ratio } from '../../core/stats.ts';
import { sumIntoPeriods, totalsOf } from './series.ts';
import type { MetricDefinition, MetricRow } from './types.ts';

/** How many queries each top list shows per language. */
export const TOP_QUERIES_PER_LANG = 20;

/** The first `n` totals of each language by `count` desc (ties by query, for a stable order). */
function topPerLang(totals: QueryTotals[], count: (t: QueryTotals) => number, n: number): QueryTotals[] {
  const sorted = totals
    .filter((t) => count(t) > 0)
    .sort((a, b) => a.lang.localeCompare(b.lang) || count(b) - count(a) || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0));
  const taken = new Map<string, number>();
  return sorted.filter((t) => {
    const k = (taken.get(t.lang) ?? 0) + 1;
    taken.set(t.lang, k);
    return k <= n;
  });
}

const noResultRate: MetricDefinition = {
  id: 'search-no-result-rate',
  group: 'search',
  title: { 'zh-CN': '无结果搜索率', en: 'Search no-result rate' },
  definition: {
    'zh-CN': '帮助中心搜索中没有返回任何结果的搜索所占的比例。',
    en: 'Share of help-center searches that returned no results.',
  },
  formula: 'searches with 0 results ÷ searches',
  unit: 'ratio',
  window: 'searches made in the period (time of the search event)',
  filters: ['lang'],
  async compute(env, query) {
    const periods = sumIntoPeriods(query, await searchesByDate(env.db, query, query.lang), 2);
    const [searches, noResult] = totalsOf(periods, 2) as [number, number];
    return {
      value: ratio(noResult, searches),
      parts: { searches, noResult },
      series: [...periods].map(([period, [s, n]]) => ({ period, searches: s!, noResult: n!, value: ratio(n!, s!) })),
    };
  },
};

const clickThrough: MetricDefinition = {
  id: 'search-click-through',
  group: 'search',
  title: { 'zh-CN': '搜索点击率', en: 'Search click-through' },
  definition: {
    'zh-CN':
      '之后点击了搜索结果的搜索所占的比例：同一会话中，若某次搜索之后读者点击了同一搜索词（忽略大小写和空格差异）的结果，则该次搜索计为有点击。',
    en: 'Share of searches followed by a click on a result: a search counts as clicked when a search_click with the same normalised query follows it in the same session.',
  },
  formula: 'searches followed by ≥ 1 click on a result ÷ searches',
  unit: 'ratio',
  window: 'searches made in the period (the click may come later)',
  filters: ['lang'],
  async compute(env, query) {
    const periods = sumIntoPeriods(query, await searchesByDate(env.db, query, query.lang), 3);
    const [searches, , clicked] = totalsOf(periods, 3) as [number, number, number];
    return {
      value: ratio(clicked, searches),
      parts: { searches, clicked },
      series: [...periods].map(([period, [s, , c]]) => ({ period, searches: s!, clicked: c!, value: ratio(c!, s!) })),
    };
  },
};

const topSearches: MetricDefinition = {
  id: 'top-searches',
  group: 'search',
  title: { 'zh-CN': '热门搜索', en: 'Top searches' },
  definition: {
    'zh-CN': `搜索次数最多的规范化查询词，每种语言取前 ${TOP_QUERIES_PER_LANG} 个，并列出各自的无结果次数和点击率。`,
    en: `The most frequent normalised queries, the first ${TOP_QUERIES_PER_LANG} per language, with their no-result count and click-through.`,
  },
  formula: 'value = searches; rows ranked by searches per (lang, normalised query)',
  unit: 'count',
  window: 'searches made in the period',
  filters: ['lang'],
  async compute(env, query) {
    const totals = await searchesByQuery(env.db, query.start, query.end, query.lang);
    const rows: MetricRow[] = topPerLang(totals, (t) => t.searches, TOP_QUERIES_PER_LANG).map((t) => ({
      lang: t.lang || null,
      query: t.query,
      searches: t.searches,
      noResult: t.noResult,
      clicked: t.clicked,
      clickThrough: ratio(t.clicked, t.searches),
    }));
    return { value: totals.reduce((sum, t) => sum + t.searches, 0), rows };
  },
};

const topNoResultSearches: MetricDefinition = {
  id: 'top-no-result-searches',
  group: 'search',
  title: { 'zh-CN': '热门无结果搜索', en: 'Top no-result searches' },
  definition: {
    'zh-CN': `没有返回结果的次数最多的规范化查询词，每种语言取前 ${TOP_QUERIES_PER_LANG} 个：即帮助中心缺少的内容。`,
    en: `The most frequent normalised queries that returned no results, the first ${TOP_QUERIES_PER_LANG} per language: content the help center is missing.`,
  },
  formula: 'value = searches with 0 results; rows ranked by no-result searches per (lang, normalised query)',
  unit: 'count',
  window: 'searches made in the period',
  filters: ['lang'],
  async compute(env, query) {
    const totals = await searchesByQuery(env.db, query.start, query.end, query.lang);
    const rows: MetricRow[] = topPerLang(totals, (t) => t.noResult, TOP_QUERIES_PER_LANG).map((t) => ({
      lang: t.lang || null,
      query: t.query,
      searches: t.noResult,
    }));
    return { value: totals.reduce((sum, t) => sum + t.noResult, 0), rows };
  },
};

export const metrics: MetricDefinition[] = [noResultRate, clickThrough, topSearches, topNoResultSearches];

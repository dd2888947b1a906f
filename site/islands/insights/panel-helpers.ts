/**
 * Small pieces the panel definitions share: "is there anything to show", article and
 * edit-link cells, and value formats bound to the interface language.
 */
import type { Lang } from '../../../core/content/article.ts';
import { formatCount, formatDecimal, formatHours, formatPercent, formatScore, NOT_AVAILABLE, type Unit, formatValue } from './format.ts';
import type { RenderContext } from './panel.ts';
import { explained, type Cell } from './table.ts';
import { num, str, type MetricRow, type SeriesPoint } from './types.ts';
import { addDays, REPORT_TZ } from './filters.ts';
import { articleListHref, ticketListHref } from '../../../core/contracts/drill-down-values.ts';
import type { ArticleListFilters, TicketListFilters } from '../../../core/contracts/drill-down.ts';

/** True when no point of `series` has a non-zero number in any of `keys` (an empty period). */
export function isQuiet(series: SeriesPoint[] | undefined, keys: string[]): boolean {
  return !series?.length || series.every((point) => keys.every((key) => !num(point, key)));
}

/** Formats bound to the interface language, for chart axes and tooltips. */
export const formats = (lang: Lang) => ({
  percent: (v: number | null) => formatPercent(lang, v),
  hours: (v: number | null) => formatHours(lang, v),
  score: (v: number | null) => formatScore(lang, v),
  count: (v: number | null) => formatCount(lang, v),
  decimal: (v: number | null) => formatDecimal(lang, v, 2),
  unit: (unit: Unit) => (v: number | null) => formatValue(lang, unit, v),
});

/** A value cell whose "—" says why (no data, under 5 votes, too few tickets). */
export function valueCell(ctx: RenderContext, unit: Unit, value: number | null, reason = ctx.t('na.noData')): Cell {
  return explained(formatValue(ctx.lang, unit, value), reason);
}

/** The article's title linking to its page, in the article's language. */
export function articleCell(row: MetricRow): Cell {
  const title = str(row, 'title') || str(row, 'article');
  const url = str(row, 'url');
  const lang = str(row, 'lang') || (str(row, 'article').startsWith('zh-CN/') ? 'zh-CN' : str(row, 'article').startsWith('en/') ? 'en' : '');
  return { text: title, href: url || undefined, lang: lang || undefined };
}

/** The article's edit link, or a "—" saying there is none (editUrl may be null). */
export function editCell(ctx: RenderContext, row: MetricRow): Cell {
  const editUrl = str(row, 'editUrl');
  return editUrl ? { text: ctx.t('edit.link'), href: editUrl } : { text: NOT_AVAILABLE, title: ctx.t('edit.none') };
}

/** A language code as a word in the interface language. */
export function langName(ctx: RenderContext, code: string): string {
  return code === 'zh-CN' || code === 'en' ? ctx.t(`lang.${code}`) : code;
}

/** A priority or topic key as people read it. */
export function dimensionKey(ctx: RenderContext, dimension: string, key: string): string {
  if (dimension === 'priority' && ['low', 'normal', 'high', 'urgent'].includes(key))
    return ctx.t(`priority.${key as 'low' | 'normal' | 'high' | 'urgent'}`);
  if (dimension === 'topic') return ctx.topicName(key);
  return key;
}

/** The filters of the view as a drill-down list's: the period, the time zone, the language and topic filters. */
function viewFilters(ctx: RenderContext): { from: string; to: string; tz: string; lang?: Lang; topic?: string } {
  const { from, to, lang, topic } = ctx.filters;
  return { from, to, tz: REPORT_TZ, ...(lang ? { lang } : {}), ...(topic ? { topic } : {}) };
}

/**
 * A count that links to the tickets it counts (drill-down, issue 18): the list of
 * core/contracts/drill-down-values.ts with the view's filters and `narrow` (a topic, a
 * priority, an agent, a status, a shorter period…). A "—" links nowhere.
 */
export function ticketsCell(ctx: RenderContext, text: string, narrow: Partial<TicketListFilters>): Cell {
  return text === NOT_AVAILABLE ? text : { text, href: ticketListHref({ ...viewFilters(ctx), ...narrow }) };
}

/** A count that links to the articles it counts, likewise. */
export function articlesCell(ctx: RenderContext, text: string, narrow: Partial<ArticleListFilters>): Cell {
  return text === NOT_AVAILABLE ? text : { text, href: articleListHref({ ...viewFilters(ctx), ...narrow }) };
}

/** The days a series point covers (its day, ISO week or month), within the view's range. */
export function periodRange(ctx: RenderContext, period: string): { from: string; to: string } {
  const { interval, from, to } = ctx.filters;
  let end = period;
  if (interval === 'week') end = addDays(period, 6);
  else if (interval === 'month') {
    const [y, m] = period.split('-').map(Number) as [number, number];
    end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return { from: period < from ? from : period, to: end > to ? to : end };
}

/** A team as people read it: the roster's name, or "not on the roster" for the API's `unassigned` (api/metrics/training.ts). */
export function teamName(ctx: RenderContext, team: string): string {
  return team === 'unassigned' || team === '' ? ctx.t('team.unassigned') : team;
}

/** yes / no for booleans. */
export const yesNo = (ctx: RenderContext, v: unknown): string => (v === true ? ctx.t('yes') : v === false ? ctx.t('no') : NOT_AVAILABLE);

/** The rows of a metric answer, [] when it has none. */
export const rowsOf = (answer: { rows?: MetricRow[] } | undefined): MetricRow[] => answer?.rows ?? [];

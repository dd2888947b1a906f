/**
 * Small pieces the panel definitions share: "is there anything to show", article and
 * edit-link cells, and value formats bound to the interface language.
 */
import type { Lang } from '../../../core/content/article.ts';
import { formatCount, formatDecimal, formatHours, formatPercent, formatScore, NOT_AVAILABLE, type Unit, formatValue } from './format.ts';
import type { RenderContext } from './panel.ts';
import { explained, type Cell } from './table.ts';
import { num, str, type MetricRow, type SeriesPoint } from './types.ts';

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

/** A team as people read it: the roster's name, or "not on the roster" for the API's `unassigned` (api/metrics/training.ts). */
export function teamName(ctx: RenderContext, team: string): string {
  return team === 'unassigned' || team === '' ? ctx.t('team.unassigned') : team;
}

/** yes / no for booleans. */
export const yesNo = (ctx: RenderContext, v: unknown): string => (v === true ? ctx.t('yes') : v === false ? ctx.t('no') : NOT_AVAILABLE);

/** The rows of a metric answer, [] when it has none. */
export const rowsOf = (answer: { rows?: MetricRow[] } | undefined): MetricRow[] => answer?.rows ?? [];

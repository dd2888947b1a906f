/**
 * How the dashboards write numbers: rates as percent with one decimal, hours with one
 * decimal, the self-service score as "N : 1", null as "—" (with a reason the page shows
 * as a tooltip), and the change of a headline number against the previous period.
 * Pure functions, so the numbers in charts, tables and CSV-free views agree and are tested.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { MetricUnit } from '../../../core/contracts/metric-values.ts';
import { tr } from './strings.ts';

/** The units of the metric registry (core/contracts/metric-values.ts). */
export type Unit = MetricUnit;

/** What a dashboard shows for a number the API returned as null. */
export const NOT_AVAILABLE = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, min: number, max: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}|${style}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { style, minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A rate 0–1 as a percent with one decimal: 0.1234 → "12.3%". */
export function formatPercent(lang: Lang, v: number | null | undefined): string {
  return isNumber(v) ? numberFormat(lang, 1, 1, 'percent').format(v) : NOT_AVAILABLE;
}

/** Hours with one decimal: 3.25 → "3.3 h" (en) / "3.3 小时" (zh-CN). */
export function formatHours(lang: Lang, v: number | null | undefined): string {
  return isNumber(v) ? tr(lang, 'unit.hours', { n: numberFormat(lang, 1, 1).format(v) }) : NOT_AVAILABLE;
}

/** Sessions per requester: 4.25 → "4.3 : 1". */
export function formatScore(lang: Lang, v: number | null | undefined): string {
  return isNumber(v) ? tr(lang, 'unit.score', { n: numberFormat(lang, 1, 1).format(v) }) : NOT_AVAILABLE;
}

/** A whole count with grouping: 12345 → "12,345". */
export function formatCount(lang: Lang, v: number | null | undefined): string {
  return isNumber(v) ? numberFormat(lang, 0, 0).format(v) : NOT_AVAILABLE;
}

/** A rating or score with up to `digits` decimals (CSAT 4.25 → "4.3" with 1). */
export function formatDecimal(lang: Lang, v: number | null | undefined, digits = 1): string {
  return isNumber(v) ? numberFormat(lang, 0, digits).format(v) : NOT_AVAILABLE;
}

/** A value in its registry unit. */
export function formatValue(lang: Lang, unit: Unit, v: number | null | undefined): string {
  switch (unit) {
    case 'ratio':
      return formatPercent(lang, v);
    case 'hours':
      return formatHours(lang, v);
    case 'sessions-per-requester':
      return formatScore(lang, v);
    case 'count':
      return formatCount(lang, v);
    case 'rating':
      // CSAT on a 1–5 scale always with one decimal: "4.0", not "4".
      return typeof v === 'number' && Number.isFinite(v) ? numberFormat(lang, 1, 1).format(v) : NOT_AVAILABLE;
    case 'score':
      return formatDecimal(lang, v, 2);
  }
}

/** Whether a rise is good news. */
export type Polarity = 'higher-is-better' | 'lower-is-better';

/** A headline number's movement against the previous period. */
export interface Change {
  direction: 'up' | 'down' | 'same';
  /** 'better' / 'worse' by the metric's polarity; 'same' when it did not move. */
  verdict: 'better' | 'worse' | 'same';
  /** The signed difference as people read it: "+2.3 pp", "−1.5 h", "+0.4". */
  text: string;
  /** ▲, ▼ or ＝, for the eye; the verdict is also said in words. */
  arrow: string;
}

/**
 * The change from `previous` to `current`, or null when either is undefined. Rates
 * move in percentage points (a change of 0.5% → 0.6% is "+0.1 pp", not "+20%"); the
 * comparison uses the displayed precision, so "12.3% → 12.3%" is never called worse.
 */
export function changeOf(
  lang: Lang,
  unit: Unit,
  current: number | null | undefined,
  previous: number | null | undefined,
  polarity: Polarity,
): Change | null {
  if (!isNumber(current) || !isNumber(previous)) return null;
  const scale = unit === 'ratio' ? 100 : 1;
  const digits = unit === 'count' ? 0 : unit === 'score' ? 2 : 1;
  const factor = 10 ** digits;
  const diff = Math.round((current - previous) * scale * factor) / factor;
  const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  const verdict = direction === 'same' ? 'same' : (direction === 'up') === (polarity === 'higher-is-better') ? 'better' : 'worse';
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const magnitude = numberFormat(lang, digits, digits).format(Math.abs(diff));
  const text =
    unit === 'ratio'
      ? tr(lang, 'unit.pp', { n: `${sign}${magnitude}` })
      : unit === 'hours'
        ? tr(lang, 'unit.hours', { n: `${sign}${magnitude}` })
        : `${sign}${magnitude}`;
  return { direction, verdict, text, arrow: direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝' };
}

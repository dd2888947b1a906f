/**
 * The dashboards' filters live in the URL query (from, to, lang, topic, interval) so a
 * shared address reproduces the view. This module reads them back with the same limits
 * the API enforces (core/contracts/metric-values.ts), falls back to the last 30 days, and turns
 * them into the API's query string. The interface language (`ui`) is not a filter: it
 * rides along untouched because `lang` filters the data.
 */
import type { Lang } from '../../../core/content/article.ts';

import { DEFAULT_TZ, INTERVALS, MAX_RANGE_DAYS, type Interval } from '../../../core/contracts/metric-values.ts';

export { INTERVALS, MAX_RANGE_DAYS, type Interval };
/** The report time zone: the API's default, sent explicitly. */
export const REPORT_TZ = DEFAULT_TZ;
/** The default view: the last 30 days, today included. */
export const DEFAULT_DAYS = 30;
const FILTER_LANGS: readonly Lang[] = ['zh-CN', 'en'];

export interface InsightsFilters {
  /** Inclusive local dates YYYY-MM-DD in REPORT_TZ. */
  from: string;
  to: string;
  lang: Lang | undefined;
  topic: string | undefined;
  interval: Interval;
}

/** Why a value in the address was not used (keys of strings.ts `filters.problem.*`). */
export type FilterProblem = 'date' | 'order' | 'long' | 'lang' | 'topic' | 'interval';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** Days from `from` to `to`, both included. */
export const daysInRange = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** Today's date in the report time zone. */
export function todayIn(now: Date, tz = REPORT_TZ): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The last DEFAULT_DAYS days ending today. */
export function defaultRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -(DEFAULT_DAYS - 1)), to: today };
}

/**
 * The filters an address asks for. Values the API would reject are replaced by the
 * defaults and named in `problems`, so a mistyped shared link still shows something
 * and says what it ignored.
 */
export function readFilters(
  search: string,
  today: string,
  topicIds: ReadonlySet<string>,
): { filters: InsightsFilters; problems: FilterProblem[] } {
  const params = new URLSearchParams(search);
  const problems: FilterProblem[] = [];
  let { from, to } = defaultRange(today);
  const askedFrom = params.get('from');
  const askedTo = params.get('to');
  if (askedFrom !== null || askedTo !== null) {
    const f = askedFrom ?? from;
    const t = askedTo ?? to;
    if (!isRealDate(f) || !isRealDate(t)) problems.push('date');
    else if (f > t) problems.push('order');
    else if (daysInRange(f, t) > MAX_RANGE_DAYS) problems.push('long');
    else ({ from, to } = { from: f, to: t });
  }
  const askedLang = params.get('lang');
  let lang: Lang | undefined;
  if (askedLang) {
    if ((FILTER_LANGS as readonly string[]).includes(askedLang)) lang = askedLang as Lang;
    else problems.push('lang');
  }
  const askedTopic = params.get('topic');
  let topic: string | undefined;
  if (askedTopic) {
    if (topicIds.has(askedTopic)) topic = askedTopic;
    else problems.push('topic');
  }
  const askedInterval = params.get('interval');
  let interval: Interval = 'day';
  if (askedInterval) {
    if ((INTERVALS as readonly string[]).includes(askedInterval)) interval = askedInterval as Interval;
    else problems.push('interval');
  }
  return { filters: { from, to, lang, topic, interval }, problems };
}

/**
 * The address query for `filters`, keeping any other parameter of `current` (the
 * interface language `ui`). Defaults are written too, so a shared link keeps showing the
 * same dates tomorrow.
 */
export function filtersToSearch(filters: InsightsFilters, current = ''): string {
  const params = new URLSearchParams(current);
  for (const name of ['from', 'to', 'lang', 'topic', 'interval']) params.delete(name);
  params.set('from', filters.from);
  params.set('to', filters.to);
  if (filters.lang) params.set('lang', filters.lang);
  if (filters.topic) params.set('topic', filters.topic);
  params.set('interval', filters.interval);
  return `?${params}`;
}

/** The API query for `filters` (api/metrics/period.ts), with the time zone made explicit. */
export function apiQuery(filters: InsightsFilters, options: { interval?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to, tz: REPORT_TZ });
  if (filters.lang) params.set('lang', filters.lang);
  if (filters.topic) params.set('topic', filters.topic);
  if (options.interval !== false) params.set('interval', filters.interval);
  return params;
}

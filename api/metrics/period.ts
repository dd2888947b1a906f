/**
 * Report periods: an inclusive range of local dates in an IANA time zone, turned into the
 * UTC instants the stored data is selected by (all times are stored in UTC, docs/design.md §4),
 * and the local day/week/month a UTC instant falls in, for series.
 */
import { type ApiError } from '../lib/http/errors.ts';
import { invalidRequest, zodDetails } from '../lib/http/validation.ts';
import { metricQuerySchema, type MetricQueryParams } from '../../core/contracts/metrics.ts';
import { DEFAULT_TZ, MAX_RANGE_DAYS } from '../../core/contracts/metric-values.ts';
import type { Interval, MetricQuery } from './types.ts';
import { addDays, daysIn } from '../../core/contracts/dates.ts';

export { DEFAULT_TZ, MAX_RANGE_DAYS } from '../../core/contracts/metric-values.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The local wall-clock fields of a UTC instant in `tz`. */
function localParts(ms: number, tz: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute!, s: p.second! };
}

/** Minutes `tz` is ahead of UTC at the instant `ms`. */
export function offsetMinutes(ms: number, tz: string): number {
  const l = localParts(ms, tz);
  return Math.round((Date.UTC(l.y, l.m - 1, l.d, l.h, l.min, l.s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in `tz`. */
export function localMidnightUtc(date: string, tz: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  // Two passes settle the offset across a DST change near midnight.
  let t = wall - offsetMinutes(wall, tz) * 60_000;
  t = wall - offsetMinutes(t, tz) * 60_000;
  return t;
}

/** The local date (YYYY-MM-DD) of a UTC instant in `tz`. */
export function localDate(ms: number, tz: string): string {
  const l = localParts(ms, tz);
  return `${l.y}-${String(l.m).padStart(2, '0')}-${String(l.d).padStart(2, '0')}`;
}

/** The period (local start date) a local date belongs to: itself, its ISO week's Monday, or the 1st of its month. */
export function periodOfDate(date: string, interval: Interval): string {
  if (interval === 'day') return date;
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** The period a stored UTC time (ISO string or epoch ms) falls in, read in the query's time zone. */
export function periodOf(utc: string | number, query: Pick<MetricQuery, 'tz' | 'interval'>): string {
  const ms = typeof utc === 'number' ? utc : Date.parse(utc);
  return periodOfDate(localDate(ms, query.tz), query.interval);
}

/** Every period from `from` to `to`, in order, so series show empty periods as zeros. */
export function periodsOf(query: Pick<MetricQuery, 'from' | 'to' | 'interval'>): string[] {
  const periods: string[] = [];
  // Counted, not compared as strings, and bounded: no range, however it got here, runs longer
  // than the longest report (issue 14: a year-10000 date sorted before its end and never stopped).
  const days = boundedDays(query.from, query.to);
  for (let i = 0; i < days; i++) {
    const p = periodOfDate(addDays(query.from, i), query.interval);
    if (periods[periods.length - 1] !== p) periods.push(p);
  }
  return periods;
}

export { daysIn };

/**
 * The days of a report's range, checked against MAX_RANGE_DAYS: every loop over a period's
 * days goes through this, so none can be longer than the longest report a query may ask for.
 */
export function boundedDays(from: string, to: string): number {
  const days = daysIn(from, to);
  if (!(days >= 0 && days <= MAX_RANGE_DAYS + 1)) throw new RangeError(`a report range of ${days} days (${from}..${to})`);
  return days;
}

/** The period of the same length right before `query` (for "change against the previous period"). */
export function previousPeriod(query: MetricQuery): MetricQuery {
  const days = daysIn(query.from, query.to);
  const to = addDays(query.from, -1);
  const from = addDays(to, -(days - 1));
  return { ...query, from, to, start: new Date(localMidnightUtc(from, query.tz)).toISOString(), end: query.start };
}

const invalid = (field: string, message: string): ApiError => invalidRequest([{ field, message }]);

/**
 * Reads from/to/tz/lang/topic/interval from a query string. Defaults: the last 30 days
 * ending today in `tz`, tz Asia/Shanghai, interval day. Throws a 400 ApiError naming the field.
 */
export function parseMetricQuery(raw: Record<string, string | undefined>, now: Date, defaultDays = 30): MetricQuery {
  const parsed = metricQuerySchema.safeParse(raw);
  if (!parsed.success) throw invalidRequest(zodDetails(parsed.error));
  return resolvePeriod(parsed.data, now, defaultDays);
}

/**
 * The period a validated query asks for, with the defaults filled in (see parseMetricQuery)
 * and the rules no single field can check: from before to, at most MAX_RANGE_DAYS, whole
 * quarter hours from UTC. Throws a 400 ApiError naming the field.
 */
export function resolvePeriod(q: MetricQueryParams, now: Date, defaultDays = 30): MetricQuery {
  const tz = q.tz ?? DEFAULT_TZ;
  const today = localDate(now.getTime(), tz);
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? addDays(to, -(defaultDays - 1));
  if (from > to) throw invalid('from', `must not be after to (${from} > ${to})`);
  if (daysIn(from, to) > MAX_RANGE_DAYS)
    throw invalid('to', `the range may cover at most 2 years (${MAX_RANGE_DAYS} days); it covers ${daysIn(from, to)}`);
  const start = localMidnightUtc(from, tz);
  const end = localMidnightUtc(addDays(to, 1), tz);
  // Roll-ups keep quarter hours; every time zone in use today is a whole number of quarter hours from UTC.
  if (offsetMinutes(start, tz) % 15 !== 0 || offsetMinutes(end, tz) % 15 !== 0)
    throw invalid('tz', 'must be a whole number of quarter hours from UTC in this period');
  return {
    from,
    to,
    tz,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    lang: q.lang,
    topic: q.topic,
    interval: q.interval ?? 'day',
  };
}

/**
 * A report's periods as UTC instants, for grouping stored times in SQL portably: the storage
 * layer groups by a prefix of the ISO time (`substr(created_at, 1, prefixLength)`: the UTC
 * hour, ten minutes or minute), the shortest prefix whose buckets never straddle a period
 * boundary in this time zone (whole hours for Asia/Shanghai; ten minutes for India; minutes
 * for Nepal), and each bucket is then assigned to its period here.
 */
export interface PeriodBuckets {
  /** Local start dates of the periods, as periodsOf gives them. */
  periods: string[];
  /** The UTC instant (ISO) each period starts at; the first is clamped to query.start. */
  starts: string[];
  /** UTC end of the last period (query.end). */
  end: string;
  prefixLength: 13 | 15 | 16;
  /** The index of the period a stored ISO time or bucket prefix falls in; -1 outside the report. */
  indexOf(isoOrPrefix: string): number;
}

const ISO_TEMPLATE = '0000-00-00T00:00:00.000Z';
const bucketCache = new Map<string, PeriodBuckets>();

export function periodBuckets(query: Pick<MetricQuery, 'from' | 'to' | 'tz' | 'interval' | 'start' | 'end'>): PeriodBuckets {
  const key = `${query.tz}|${query.from}|${query.to}|${query.interval}`;
  const cached = bucketCache.get(key);
  if (cached) return cached;
  const periods = periodsOf(query);
  const starts = periods.map((p, i) => (i === 0 ? query.start : new Date(localMidnightUtc(p, query.tz)).toISOString()));
  const boundaries = [...starts, query.end];
  const prefixLength = boundaries.every((b) => b.endsWith(':00:00.000Z')) ? 13 : boundaries.every((b) => b.endsWith('0:00.000Z')) ? 15 : 16;
  const end = query.end;
  const indexOf = (isoOrPrefix: string) => {
    const iso = isoOrPrefix + ISO_TEMPLATE.slice(isoOrPrefix.length);
    if (iso < starts[0]! || iso >= end) return -1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= iso) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const buckets: PeriodBuckets = { periods, starts, end, prefixLength, indexOf };
  if (bucketCache.size >= 64) bucketCache.delete(bucketCache.keys().next().value!);
  bucketCache.set(key, buckets);
  return buckets;
}

/**
 * Dates and date-times as clients send them (issue 14, class "dates and loops"). Every date a
 * client writes — a report's from/to, a training record's completedAt, a ticket's times — is
 * a real calendar date between DATE_MIN and DATE_MAX, so nothing downstream meets a year
 * 10000 (whose ISO form, `+010000-01-01`, sorts before `9999-…` and made a day loop endless)
 * or an Invalid Date (whose toISOString throws). docs/security.md lists the range.
 */
import { z } from './zod.ts';

/** The first date a client may send. */
export const DATE_MIN = '2000-01-01';
/** The last date a client may send. */
export const DATE_MAX = '2100-12-31';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const RANGE_MESSAGE = `must be between ${DATE_MIN} and ${DATE_MAX}`;

/** Whether `s` is written YYYY-MM-DD and exists on the calendar (no 2026-02-30, no month 13). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** Whether a calendar date lies within DATE_MIN..DATE_MAX (YYYY-MM-DD strings compare as dates). */
export const isDateInRange = (s: string) => s >= DATE_MIN && s <= DATE_MAX;

/**
 * `date` moved by `days`, as YYYY-MM-DD. Throws a RangeError rather than answer a date that
 * does not sort as a date (beyond year 9999), so a loop over dates can never run past its end.
 */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS;
  const out = Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : '';
  if (!DATE_PATTERN.test(out)) throw new RangeError(`date out of range: ${date} + ${days} days`);
  return out;
}

/** Days in an inclusive date range (1 for from = to). */
export const daysIn = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** A local date, YYYY-MM-DD, that exists on the calendar and lies within DATE_MIN..DATE_MAX. */
export const isoDateSchema = z
  .string()
  .regex(DATE_PATTERN, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date')
  .refine(isDateInRange, RANGE_MESSAGE);

/**
 * An ISO-8601 date-time with a zone (2026-03-01T09:30:00Z, 2026-03-01T17:30:00+08:00), on a
 * real calendar date within the range, normalised to UTC (`…Z`).
 */
export const isoDateTimeSchema = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time such as 2026-03-01T09:30:00Z' })
  .refine((s) => isCalendarDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), 'must be a real calendar date and time')
  .refine((s) => isDateInRange(s.slice(0, 10)), RANGE_MESSAGE)
  .transform((s) => new Date(s).toISOString());

/** A date (YYYY-MM-DD, taken as 00:00 UTC) or a date-time with a zone, in range; stored as ISO UTC. */
export const dateOrDateTimeSchema = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const schema = DATE_PATTERN.test(s) ? isoDateSchema : isoDateTimeSchema;
    const parsed = schema.safeParse(s);
    if (!parsed.success)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: DATE_PATTERN.test(s)
          ? parsed.error.issues[0]!.message
          : 'must be a date (YYYY-MM-DD) or an ISO-8601 date-time with a zone, such as 2026-03-01T09:30:00Z, ' + RANGE_MESSAGE,
      });
  })
  .transform((s) => new Date(DATE_PATTERN.test(s) ? `${s}T00:00:00Z` : s).toISOString());

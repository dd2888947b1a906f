/**
 * Working hours for the SLA clocks of the requests inbox (docs/design.md §7, issue 16).
 * KB_BUSINESS_HOURS reads like `Mon-Fri 09:00-18:00 Asia/Shanghai` (days as ranges or a
 * comma list, a daily window, an IANA time zone); KB_HOLIDAYS lists dates (YYYY-MM-DD, in
 * that zone) with no working hours. Without a calendar a clock runs in calendar hours.
 * Pure: no clock, no environment; time zones through Intl, so daylight saving is handled.
 */

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** When the support team works. */
export interface BusinessCalendar {
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  /** Minutes after local midnight the working day starts and ends (end > start). */
  startMinute: number;
  endMinute: number;
  /** IANA time zone of the window and of the holidays. */
  timeZone: string;
  /** Local dates (YYYY-MM-DD) with no working hours. */
  holidays: ReadonlySet<string>;
}

function dayIndex(name: string): number {
  const i = (DAY_NAMES as readonly string[]).indexOf(name.toLowerCase().slice(0, 3));
  if (i < 0 || name.length < 3) throw new Error(`"${name}" is not a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  return i;
}

function minuteOf(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match || (match[1] === '24' && match[2] !== '00')) throw new Error(`"${time}" must be a time such as 09:00`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The weekdays of `Mon-Fri`, `Mon,Wed,Fri` or `Mon-Fri,Sun`. */
function parseDays(text: string): Set<number> {
  const days = new Set<number>();
  for (const part of text.split(',').filter(Boolean)) {
    const [from, to] = part.split('-');
    const start = dayIndex(from!);
    const end = to === undefined ? start : dayIndex(to);
    // Sat-Mon wraps over the week's end.
    for (let d = start; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === end) break;
    }
  }
  return days;
}

/** Whether `zone` is a time zone Intl knows. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses KB_HOLIDAYS: comma- or space-separated dates (YYYY-MM-DD). Throws naming the bad one. */
export function parseHolidays(text: string): Set<string> {
  const dates = new Set<string>();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(entry) ||
      Number.isNaN(Date.parse(`${entry}T00:00:00Z`)) ||
      new Date(`${entry}T00:00:00Z`).toISOString().slice(0, 10) !== entry
    )
      throw new Error(`"${entry}" must be a date such as 2026-10-01`);
    dates.add(entry);
  }
  return dates;
}

/** Parses KB_BUSINESS_HOURS (`Mon-Fri 09:00-18:00 Asia/Shanghai`). Throws an Error saying what is wrong. */
export function parseBusinessHours(text: string, holidays: ReadonlySet<string> = new Set()): BusinessCalendar {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 3) throw new Error(`"${text}" must be written days hours zone, e.g. Mon-Fri 09:00-18:00 Asia/Shanghai`);
  const [daysText, window, timeZone] = parts as [string, string, string];
  const [start, end, extra] = window.split('-');
  if (end === undefined || extra !== undefined) throw new Error(`"${window}" must be a window such as 09:00-18:00`);
  const startMinute = minuteOf(start!);
  const endMinute = minuteOf(end);
  if (endMinute <= startMinute) throw new Error(`"${window}": the end must be after the start`);
  if (!knownZone(timeZone)) throw new Error(`"${timeZone}" is not a time zone (an IANA name such as Asia/Shanghai)`);
  return { days: parseDays(daysText), startMinute, endMinute, timeZone, holidays };
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at `ms`, read as if it were UTC (ms). */
function wallClock(ms: number, timeZone: string): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, Number(x.value)]),
  );
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The instant (ms) when the wall clock in `timeZone` shows `minute` minutes after midnight of `date`. */
function instantOf(date: LocalDate, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  // The zone's offset at a first guess, then at the corrected instant (differs across a DST change).
  let instant = wall - (wallClock(wall, timeZone) - wall);
  instant = wall - (wallClock(instant, timeZone) - instant);
  return instant;
}

function localDateOf(ms: number, timeZone: string): LocalDate {
  const wall = new Date(wallClock(ms, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function nextDay(d: LocalDate): LocalDate {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const isoDate = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const weekday = (d: LocalDate) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

const HOUR_MS = 3_600_000;
/** A calendar with no working day at all would never end: give up after ten years. */
const MAX_DAYS = 3660;

/**
 * The moment `hours` working hours after `start`: in calendar hours without a calendar;
 * otherwise counting only the window on working days that are not holidays.
 */
export function addWorkingHours(start: Date, hours: number, calendar?: BusinessCalendar): Date {
  if (!calendar) return new Date(start.getTime() + hours * HOUR_MS);
  let remaining = hours * HOUR_MS;
  let cursor = start.getTime();
  let date = localDateOf(cursor, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    if (calendar.days.has(weekday(date)) && !calendar.holidays.has(isoDate(date))) {
      const opens = instantOf(date, calendar.startMinute, calendar.timeZone);
      const closes = instantOf(date, calendar.endMinute, calendar.timeZone);
      const from = Math.max(cursor, opens);
      if (from < closes) {
        if (remaining <= closes - from) return new Date(from + remaining);
        remaining -= closes - from;
      }
    }
    date = nextDay(date);
    cursor = Math.max(cursor, instantOf(date, 0, calendar.timeZone));
  }
  throw new Error('The business calendar has no working hours in ten years');
}

/** The local date (YYYY-MM-DD) in `timeZone` at `at`. */
export function localDateIn(at: Date, timeZone: string): string {
  return isoDate(localDateOf(at.getTime(), timeZone));
}

/**
 * Whether `date` (YYYY-MM-DD) is a working day: one of the calendar's days and not a holiday;
 * without a calendar, Monday to Friday.
 */
export function isWorkingDate(date: string, calendar?: BusinessCalendar): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (!calendar) return day >= 1 && day <= 5;
  return calendar.days.has(day) && !calendar.holidays.has(date);
}

/** The first working day on or after `date` (YYYY-MM-DD); null when there is none in ten years. */
export function firstWorkingDateFrom(date: string, calendar?: BusinessCalendar): string | null {
  let d = new Date(`${date}T00:00:00Z`);
  for (let i = 0; i < MAX_DAYS; i++) {
    const iso = d.toISOString().slice(0, 10);
    if (isWorkingDate(iso, calendar)) return iso;
    d = new Date(d.getTime() + 86_400_000);
  }
  return null;
}

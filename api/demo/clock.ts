/**
 * Time in the demo: the seeded window is the `days` × 24 hours before `now`, cut into
 * hourly slots, each weighted by the hour of day and weekday in Asia/Shanghai (where the
 * demo's customers and agents are), so charts show working-day peaks and quiet nights.
 */

/** Asia/Shanghai has been UTC+8 all year since 1991 (no daylight saving time). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Help-center visits by local hour: a morning and an afternoon peak, some evening use. */
const VISIT_HOUR_WEIGHTS = [
  0.15, 0.08, 0.05, 0.04, 0.04, 0.06, 0.15, 0.35, 0.7, 1.0, 1.1, 1.0, 0.7, 0.85, 1.05, 1.1, 1.0, 0.8, 0.55, 0.5, 0.55, 0.5, 0.4, 0.25,
];
/** New tickets by local hour: office hours, with a trickle outside them (email, web form). */
const TICKET_HOUR_WEIGHTS = [
  0.05, 0.03, 0.02, 0.02, 0.02, 0.03, 0.08, 0.2, 0.7, 1.0, 1.1, 1.0, 0.6, 0.9, 1.05, 1.1, 0.95, 0.7, 0.35, 0.2, 0.15, 0.12, 0.1, 0.07,
];

/** One hour of the window (shorter at the window's ends). */
export interface Slot {
  start: number;
  end: number;
  /** The UTC day (YYYY-MM-DD): visitor hashes and votes are per UTC day. */
  utcDay: string;
  /** Position of the slot in the window, 0 at the start and 1 at now (for trends). */
  progress: number;
  visitWeight: number;
  ticketWeight: number;
}

/** Local hour (0–23) and weekday (0 = Sunday) of a moment in Asia/Shanghai. */
export function shanghaiHourAndWeekday(ms: number): { hour: number; weekday: number } {
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() };
}

export const isoOf = (ms: number) => new Date(ms).toISOString();
export const utcDayOf = (ms: number) => isoOf(ms).slice(0, 10);

/**
 * The hourly slots from `now` − `days` × 24 h to `now`, in order. Weekends carry less than
 * half the weekday traffic and a quarter of the tickets; traffic grows about 20% over the
 * window (the help center is catching on).
 */
export function windowSlots(now: number, days: number): Slot[] {
  const from = now - days * DAY_MS;
  const slots: Slot[] = [];
  for (let start = from; start < now;) {
    const end = Math.min(now, Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS);
    const share = (end - start) / HOUR_MS;
    const { hour, weekday } = shanghaiHourAndWeekday(start);
    const weekend = weekday === 0 || weekday === 6;
    const progress = (start - from) / (now - from);
    slots.push({
      start,
      end,
      utcDay: utcDayOf(start),
      progress,
      visitWeight: share * VISIT_HOUR_WEIGHTS[hour]! * (weekend ? 0.45 : 1) * (0.9 + 0.2 * progress),
      ticketWeight: share * TICKET_HOUR_WEIGHTS[hour]! * (weekend ? 0.25 : 1),
    });
    start = end;
  }
  return slots;
}

/** The slots grouped by UTC day, in order (the generators work one day at a time). */
export function slotsByDay(slots: Slot[]): Slot[][] {
  const days: Slot[][] = [];
  for (const slot of slots) {
    const last = days[days.length - 1];
    if (last && last[0]!.utcDay === slot.utcDay) last.push(slot);
    else days.push([slot]);
  }
  return days;
}

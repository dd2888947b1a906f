/** Clocks the test moves by hand: one for code that takes `now: () => Date`, one for the browser islands' timers. */
import type { Clock } from '../../site/islands/analytics/search-settle.ts';

/** A wall clock for the API and the metrics (`now: () => Date`), set or advanced by the test. */
export function manualClock(start = '2026-11-27T10:00:00Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), set: (iso: string) => (t = new Date(iso).getTime()), advance: (ms: number) => (t += ms) };
}

/**
 * The islands' Clock (milliseconds and timers) moved by hand: advancing runs every timer
 * that falls due, in time order, including timers those callbacks set on the way.
 */
export function manualTimerClock(): Clock & { advance(ms: number): void; pending(): number } {
  let time = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => time,
    setTimeout(callback, ms) {
      timers.set(nextId, { at: time + ms, callback });
      return nextId++;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].callback();
      }
      time = end;
    },
    pending: () => timers.size,
  };
}

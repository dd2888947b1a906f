/**
 * Runs a metric query over a long period as several short time slices, one after another,
 * yielding to the event loop between them. better-sqlite3 answers each query synchronously:
 * one query over 100,000 tickets held the event loop for tens of milliseconds, stalling vote
 * and event ingestion; slices of a few days each hold it for a few. Results of the slices
 * are disjoint (a row has one created_at), so callers sum or concatenate them.
 *
 * On PostgreSQL (when the caller passes its `db`) the whole range is one slice: the server
 * works in its own process and the driver is asynchronous, so nothing holds the event loop,
 * while every extra slice would cost a round trip to another process (a wake-up of it, on a
 * busy machine a wait for a core) and a parse and plan.
 */
import type { Db } from '../index.ts';
import { isPostgres } from '../dialect.ts';

/** A slice is at most this long. */
const SLICE_MS = 3 * 86_400_000;
/** …and a period is cut into at most this many slices (a 2-year report: 64 slices of ~11 days). */
const MAX_SLICES = 64;

export interface TimeRange {
  /** ISO UTC instants, start <= t < end. */
  start: string;
  end: string;
}

/** Cuts [start, end) into consecutive slices covering it exactly. */
export function timeSlices(range: TimeRange): TimeRange[] {
  const start = Date.parse(range.start);
  const end = Date.parse(range.end);
  if (!(end > start)) return [range];
  const count = Math.min(MAX_SLICES, Math.max(1, Math.ceil((end - start) / SLICE_MS)));
  const step = Math.ceil((end - start) / count);
  const slices: TimeRange[] = [];
  for (let from = start, i = 0; i < count; i++, from += step) {
    slices.push({
      start: i === 0 ? range.start : new Date(from).toISOString(),
      end: i === count - 1 ? range.end : new Date(from + step).toISOString(),
    });
  }
  return slices;
}

/** Lets pending I/O (ingestion requests) run before the next piece of work. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `query` on every slice of the range in turn and hands each slice's rows to `consume`
 * before yielding, so the caller's per-row work is spread over the event loop's turns too.
 * One slice when `db` is PostgreSQL's.
 */
export async function forEachSlice<R>(
  range: TimeRange,
  query: (slice: TimeRange) => Promise<R[]>,
  consume: (rows: R[]) => void,
  db?: Db,
): Promise<void> {
  const slices = db && isPostgres(db) ? [range] : timeSlices(range);
  for (let i = 0; i < slices.length; i++) {
    if (i > 0) await yieldToEventLoop();
    consume(await query(slices[i]!));
  }
}

/** Runs `query` on every slice of the range in turn, yielding between slices, and concatenates the rows (one slice on PostgreSQL's `db`). */
export async function querySliced<R>(range: TimeRange, query: (slice: TimeRange) => Promise<R[]>, db?: Db): Promise<R[]> {
  const rows: R[] = [];
  await forEachSlice(
    range,
    query,
    (sliceRows) => {
      for (const row of sliceRows) rows.push(row);
    },
    db,
  );
  return rows;
}

/** Sums rows that share a key (rows of different slices for the same group), keeping the first row's other fields. */
export function sumByKey<R extends Record<string, unknown>>(
  rows: Iterable<R>,
  keyOf: (row: R) => string,
  fields: ReadonlyArray<keyof R>,
): R[] {
  const merged = new Map<string, R>();
  for (const row of rows) {
    const key = keyOf(row);
    const into = merged.get(key);
    if (!into) merged.set(key, { ...row });
    else for (const f of fields) (into[f] as number) = (into[f] as number) + (row[f] as number);
  }
  return [...merged.values()];
}

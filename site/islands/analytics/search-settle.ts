/**
 * Decides which of the search page's searches are worth an event. The page searches as
 * the visitor types, so most searches are half-typed words; a search counts once the
 * visitor pauses (no new search for `quietMs`), submits the form, clicks a result or
 * leaves the page, and each query + filters combination counts once per page view.
 */
import { normalizeQuery } from '../../../core/search/query.ts';
import type { SearchDetail } from './events.ts';

/** Time as the settler sees it; tests inject a hand-driven clock. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's own clock. */
export const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SettleOptions {
  /** Quiet time after a finished search that counts as a pause. */
  quietMs?: number;
  /** How long after a submit the next finished search counts at once (it may still be loading). */
  submitWindowMs?: number;
}

/**
 * Identity of a search for de-duplication: the query as the metrics normalise it (so
 * "Printer " and "printer" are one search) and the non-empty filters in key order.
 */
export function searchKey(search: SearchDetail): string {
  const filters = Object.entries(search.filters)
    .filter(([, value]) => value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([normalizeQuery(search.query), filters]);
}

/** Turns the stream of finished searches into the few that count (see the file comment). */
export class SearchSettler {
  private pending: SearchDetail | undefined;
  private shown: SearchDetail | undefined;
  private timer: unknown;
  private submittedAt = Number.NEGATIVE_INFINITY;
  private readonly recorded = new Set<string>();
  private readonly quietMs: number;
  private readonly submitWindowMs: number;

  /** `record` receives each search that settled, at most once per query + filters. */
  constructor(
    private readonly record: (search: SearchDetail) => void,
    private readonly clock: Clock,
    options: SettleOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 1500;
    this.submitWindowMs = options.submitWindowMs ?? 3000;
  }

  /** The search whose results are on screen: the one a result click belongs to. */
  get current(): SearchDetail | undefined {
    return this.shown;
  }

  /** A search finished (the page's `kb:search` event). */
  observe(search: SearchDetail): void {
    this.shown = search;
    this.pending = search;
    this.cancelTimer();
    if (this.clock.now() - this.submittedAt <= this.submitWindowMs) {
      // This is the search the visitor asked for by submitting: no need to wait for a pause.
      this.submittedAt = Number.NEGATIVE_INFINITY;
      this.settle();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.settle();
    }, this.quietMs);
  }

  /** The visitor submitted the search form; the page runs the search again and reports it. */
  submitted(): void {
    this.submittedAt = this.clock.now();
  }

  /** Records the pending search now: the visitor clicked a result or is leaving. */
  settle(): void {
    this.cancelTimer();
    const search = this.pending;
    this.pending = undefined;
    if (!search) return;
    const key = searchKey(search);
    if (this.recorded.has(key)) return;
    this.recorded.add(key);
    this.record(search);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Metric results kept for a short while (KB_METRICS_CACHE_SECONDS, default 60 on the
 * server), the way analytics dashboards refresh: twenty managers opening the same overview
 * cost one computation, not twenty. Requests for a result being computed share it
 * (single flight), so concurrent identical requests never queue up duplicate scans on the
 * one thread; this holds with 0 too, which only stops keeping a result once it is answered
 * (tests use 0, so a read after a write always computes afresh).
 */
import type { MetricQuery, MetricResult } from './types.ts';

interface Entry {
  result: Promise<MetricResult>;
  storedAt: number;
  /** Still being computed: later identical requests wait for it, whatever the age limit. */
  pending: boolean;
}

/** Entries kept at most (each is one metric for one period and filter set). */
const MAX_ENTRIES = 500;

export class MetricCache {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly maxAgeSeconds: number,
    private readonly clock: () => number = Date.now,
  ) {}

  static keyOf(id: string, q: MetricQuery): string {
    return [id, q.from, q.to, q.tz, q.lang ?? '', q.topic ?? '', q.interval].join('|');
  }

  /** The cached result of `id` for `query`, or `compute()`'s, stored for the next callers. */
  get(id: string, query: MetricQuery, compute: () => Promise<MetricResult>): Promise<MetricResult> {
    const key = MetricCache.keyOf(id, query);
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && (hit.pending || now - hit.storedAt < this.maxAgeSeconds * 1000)) return hit.result;
    const entry: Entry = { result: compute(), storedAt: now, pending: true };
    const result = entry.result;
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    result.then(
      () => {
        entry.pending = false;
        if (this.maxAgeSeconds <= 0) forget();
      },
      // A failed computation is not kept: the next request tries again.
      forget,
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }
}

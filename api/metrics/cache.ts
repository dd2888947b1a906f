/**
 * Metric results kept for a short while (KB_METRICS_CACHE_SECONDS, default 60 on the
 * server), the way analytics dashboards refresh: twenty managers opening the same overview
 * cost one computation, not twenty. Requests for a result being computed share it
 * (single flight), so concurrent identical requests never queue up duplicate scans on the
 * one thread. A result is at most `maxAgeSeconds` old; 0 turns caching off (tests do).
 */
import type { MetricQuery, MetricResult } from './types.ts';

interface Entry {
  result: Promise<MetricResult>;
  storedAt: number;
}

/** Entries kept at most (each is one metric for one period and filter set). */
const MAX_ENTRIES = 500;

export class MetricCache {
  private entries = new Map<string, Entry>();

  constructor(private readonly maxAgeSeconds: number, private readonly clock: () => number = Date.now) {}

  static keyOf(id: string, q: MetricQuery): string {
    return [id, q.from, q.to, q.tz, q.lang ?? '', q.topic ?? '', q.interval].join('|');
  }

  /** The cached result of `id` for `query`, or `compute()`'s, stored for the next callers. */
  get(id: string, query: MetricQuery, compute: () => Promise<MetricResult>): Promise<MetricResult> {
    if (this.maxAgeSeconds <= 0) return compute();
    const key = MetricCache.keyOf(id, query);
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && now - hit.storedAt < this.maxAgeSeconds * 1000) return hit.result;
    const result = compute();
    // A failed computation is not kept: the next request tries again.
    result.catch(() => {
      if (this.entries.get(key)?.result === result) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, { result, storedAt: now });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }
}

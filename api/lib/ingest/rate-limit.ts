/**
 * Per-visitor rate limits in a fixed one-minute window, kept in memory. Each API replica
 * limits on its own; behind N replicas a visitor gets at most N times the limit, which is
 * acceptable for abuse control and needs no shared state.
 */
export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private lastPrune = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts `cost` requests for `key` at `now`; refuses once the window's limit is reached. */
  consume(key: string, now: number, cost = 1): RateLimitResult {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      // At most one sweep a window: sweeping on every new visitor once the map is large
      // would let a flood of new addresses make each request scan the whole map.
      if (this.windows.size > 100_000 && now - this.lastPrune >= this.windowMs) this.prune(now);
    }
    const retryAfter = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    if (window.count + cost > this.limit) return { allowed: false, retryAfter };
    window.count += cost;
    return { allowed: true, retryAfter };
  }

  private prune(now: number) {
    this.lastPrune = now;
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

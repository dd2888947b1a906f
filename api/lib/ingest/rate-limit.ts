/**
 * Rate limits in a fixed one-minute window, kept in memory. Each API replica limits on its
 * own; behind N replicas a client gets at most N times the limit, which is acceptable for
 * abuse control and needs no shared state.
 *
 * Every public write is limited twice (issue 14): per visitor (IP + User-Agent, what a
 * person on one browser may do) and per address (the IP alone, IPv6 by its /64), because the
 * User-Agent is the client's to choose and rotating it would otherwise buy a fresh visitor
 * limit on every request. The address ceilings are generous enough for an office behind one
 * NAT (docs/security.md has the numbers). Every limiter holds at most `maxKeys` windows, so a
 * flood of new visitors or addresses cannot grow memory without bound.
 */
import { isIP } from 'node:net';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

/** The limits of one kind of write, per minute. */
export interface WriteLimits {
  /** Per visitor (IP + User-Agent). */
  perVisitor: number;
  /** Per address (IP; IPv6 by /64), whatever the User-Agent. */
  perAddress: number;
}

/**
 * The default limits per minute, documented in docs/security.md. An address's ceiling is
 * about 20 people's worth of the visitor limit: an office of a few hundred people shares
 * one address, but few of them vote, search or write to support in the same minute.
 */
export const DEFAULT_LIMITS = {
  votes: { perVisitor: 10, perAddress: 200 },
  events: { perVisitor: 60, perAddress: 3000 },
  contact: { perVisitor: 5, perAddress: 30 },
} as const satisfies Record<string, WriteLimits>;

/** At most this many windows per limiter (a window is ~100 bytes: 50,000 are ~5 MB). */
export const MAX_LIMITER_KEYS = 50_000;

/**
 * Fixed windows per key in two generations of at most maxKeys / 2 keys each: a key is looked
 * up in the current generation, then the previous one. A generation older than the window
 * holds only expired windows, so it is dropped whole; a flood that fills the current one
 * early rotates it too (its owners may get a fresh window early, which the address ceiling
 * still bounds). Dropping a whole Map is O(1) where evicting key by key from a Map's front
 * costs ever more under a flood (V8 scans the deleted entries).
 */
export class RateLimiter {
  private current = new Map<string, { start: number; count: number }>();
  private previous = new Map<string, { start: number; count: number }>();
  private generationStart = -Infinity;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = MAX_LIMITER_KEYS,
  ) {}

  /** Counts `cost` requests for `key` at `now`; refuses once the window's limit is reached. */
  consume(key: string, now: number, cost = 1): RateLimitResult {
    if (now - this.generationStart >= this.windowMs) this.rotate(now);
    let window = this.current.get(key) ?? this.previous.get(key);
    if (!window || now - window.start >= this.windowMs) window = { start: now, count: 0 };
    if (this.current.get(key) !== window) {
      if (!this.current.has(key) && this.current.size >= this.maxKeys / 2) this.rotate(now);
      this.current.set(key, window);
    }
    const retryAfter = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    if (window.count + cost > this.limit) return { allowed: false, retryAfter };
    window.count += cost;
    return { allowed: true, retryAfter };
  }

  /** Whether `key` is over the limit at `now`, without counting anything. */
  check(key: string, now: number): RateLimitResult {
    const window = this.current.get(key) ?? this.previous.get(key);
    if (!window || now - window.start >= this.windowMs) return { allowed: true, retryAfter: 0 };
    const retryAfter = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return { allowed: window.count < this.limit, retryAfter };
  }

  /** Windows held now (for tests). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  private rotate(now: number) {
    this.previous = this.current;
    this.current = new Map();
    this.generationStart = now;
  }
}

/**
 * The address a limit counts: an IPv4 address as it is, an IPv6 address by its /64 (one
 * household or office gets a whole /64, and rotating within it would dodge the ceiling).
 */
export function addressKey(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** A visitor limit and an address ceiling, consumed together. */
export class WriteLimiter {
  private readonly visitors: RateLimiter;
  private readonly addresses: RateLimiter;

  constructor(limits: WriteLimits, windowMs = 60_000, maxKeys = MAX_LIMITER_KEYS) {
    this.visitors = new RateLimiter(limits.perVisitor, windowMs, maxKeys);
    this.addresses = new RateLimiter(limits.perAddress, windowMs, maxKeys);
  }

  /** Counts `cost` writes of `visitor` from `ip`; refused when either limit is reached. */
  consume(visitor: string, ip: string, now: number, cost = 1): RateLimitResult {
    const byVisitor = this.visitors.consume(visitor, now, cost);
    if (!byVisitor.allowed) return byVisitor;
    return this.addresses.consume(addressKey(ip), now, cost);
  }

  /** Windows held by the visitor and the address limiters. */
  get size(): { visitors: number; addresses: number } {
    return { visitors: this.visitors.size, addresses: this.addresses.size };
  }
}

/**
 * Remembers the visitor ids of the current salt, so a visitor's later requests of the day
 * skip the HMAC (a page view, then searches, clicks and the vote all come from one client).
 *
 * The keys are client IP + User-Agent, the very inputs docs/design.md §2 forbids storing: they
 * live only in this process's memory, at most `capacity` of them, and are forgotten when
 * the salt changes (UTC midnight) or the process ends. The salt that would let anyone
 * recompute an id from them is held in memory (and in the database) anyway.
 */
export class VisitorCache {
  private day = '';
  private ids = new Map<string, string>();

  constructor(private readonly capacity = 20_000) {}

  /** The id remembered for `ip` + `userAgent` on `day`, if any. */
  get(day: string, ip: string, userAgent: string): string | undefined {
    if (day !== this.day) return undefined;
    return this.ids.get(keyOf(ip, userAgent));
  }

  /** Remembers an id; a new day forgets every id of the day before. */
  set(day: string, ip: string, userAgent: string, id: string): void {
    if (day !== this.day) {
      this.ids.clear();
      this.day = day;
    }
    // Oldest first out: Map keeps insertion order, so its first key is the oldest entry.
    if (this.ids.size >= this.capacity) this.ids.delete(this.ids.keys().next().value!);
    this.ids.set(keyOf(ip, userAgent), id);
  }

  get size(): number {
    return this.ids.size;
  }
}

const keyOf = (ip: string, userAgent: string) => `${ip}\n${userAgent}`;

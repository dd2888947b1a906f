/**
 * Sessions (DESIGN.md §2): one visitor's events with no gap over 30 minutes. Recent
 * visitors are remembered in memory; on a miss (restart, another replica served the
 * visitor) the visitor's last stored event decides.
 */
import { randomBytes } from 'node:crypto';
import type { LastEventLookup } from '../db/events.ts';

export const SESSION_GAP_MS = 30 * 60_000;

/**
 * A new session id: a UUID version 7 (RFC 9562), whose first 48 bits are the start time in
 * milliseconds. Ids that grow with time land at the right-hand end of the events_session
 * index, so recording a new session touches the index's last pages instead of a random one.
 */
export function newSessionId(startMs: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(startMs, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class SessionTracker {
  private recent = new Map<string, { session: string; lastSeen: number }>();
  private lastPrune = 0;

  constructor(private readonly lastEvent: LastEventLookup) {}

  /** The session an event of `visitor` at `at` belongs to. */
  async sessionFor(visitor: string, at: Date): Promise<string> {
    const t = at.getTime();
    let known = this.recent.get(visitor);
    if (!known) {
      const last = await this.lastEvent(visitor, at.toISOString());
      if (last) known = { session: last.session, lastSeen: Date.parse(last.created_at) };
    }
    const session = known && t - known.lastSeen <= SESSION_GAP_MS ? known.session : newSessionId(t);
    this.recent.set(visitor, { session, lastSeen: Math.max(t, known?.session === session ? known.lastSeen : t) });
    // One sweep per session gap at most (see RateLimiter for why).
    if (this.recent.size > 200_000 && t - this.lastPrune >= SESSION_GAP_MS) this.prune(t);
    return session;
  }

  private prune(now: number) {
    this.lastPrune = now;
    for (const [visitor, s] of this.recent) if (now - s.lastSeen > SESSION_GAP_MS) this.recent.delete(visitor);
  }
}

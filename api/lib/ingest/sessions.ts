/**
 * Sessions (docs/design.md §2): one visitor's events with no gap over 30 minutes. Visitors seen
 * in the last 30 minutes are remembered in memory. Before its first answer the tracker
 * loads every visitor's latest event of the 30 minutes before, so a session continues
 * across a restart; after that, a visitor it does not know has no open session, because
 * this process records every event. (Several processes writing events to one database
 * would each start their own sessions for a visitor they share.)
 */
import { randomUUID } from 'node:crypto';
import type { LastEvent } from '../../db/queries/events.ts';

export const SESSION_GAP_MS = 30 * 60_000;

/**
 * A new session id: a UUID version 7 (RFC 9562), whose first 48 bits are the start time in
 * milliseconds. Ids that grow with time land at the right-hand end of the events_session
 * index, so recording a new session touches the index's last pages instead of a random one.
 */
export function newSessionId(startMs: number): string {
  // The random part comes from a version 4 UUID: the same variant bits, 74 random bits kept,
  // and Node draws those from a pooled buffer (randomBytes(16) made one call per session).
  const random = randomUUID();
  const time = startMs.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/** Each visitor's latest stored event between two ISO times (db/events.ts recentSessions). */
export type RecentSessionsLoader = (since: string, until: string) => Promise<LastEvent[]>;

export class SessionTracker {
  private recent = new Map<string, { session: string; lastSeen: number }>();
  private lastPrune = 0;
  private loaded: Promise<void> | null = null;

  constructor(private readonly loadRecent: RecentSessionsLoader) {}

  /** The session an event of `visitor` at `at` belongs to. */
  async sessionFor(visitor: string, at: Date): Promise<string> {
    this.loaded ??= this.preload(at);
    await this.loaded;
    const t = at.getTime();
    const known = this.recent.get(visitor);
    const session = known && t - known.lastSeen <= SESSION_GAP_MS ? known.session : newSessionId(t);
    this.recent.set(visitor, { session, lastSeen: Math.max(t, known?.session === session ? known.lastSeen : t) });
    // One sweep per session gap at most (see RateLimiter for why).
    if (this.recent.size > 200_000 && t - this.lastPrune >= SESSION_GAP_MS) this.prune(t);
    return session;
  }

  /** Remembers the sessions still open at `at`; a failed load is tried again on the next event. */
  private async preload(at: Date): Promise<void> {
    try {
      const open = await this.loadRecent(new Date(at.getTime() - SESSION_GAP_MS).toISOString(), at.toISOString());
      // Nothing is recorded meanwhile: every caller awaits this load first.
      for (const last of open) this.recent.set(last.visitor, { session: last.session, lastSeen: Date.parse(last.created_at) });
    } catch (error) {
      this.loaded = null;
      throw error;
    }
  }

  private prune(now: number) {
    this.lastPrune = now;
    for (const [visitor, s] of this.recent) if (now - s.lastSeen > SESSION_GAP_MS) this.recent.delete(visitor);
  }
}

/**
 * Sessions (docs/design.md §2): one visitor's events with no gap over 30 minutes. The
 * decision is the database's (db/queries/sessions.ts): each batch of events upserts the
 * visitor's row of `visitor_sessions` in the transaction that inserts the events, so every
 * replica on one database agrees, and a restart loses no open session. This module makes
 * the candidate id of a new session and prunes rows that can no longer continue one.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { pruneSessions, SESSION_GAP_MS } from '../../db/queries/sessions.ts';

export { SESSION_GAP_MS };

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

/**
 * Deletes expired rows of `visitor_sessions` at most once per session gap per process (a
 * scan of the table: one row per visitor of the last day or so). Called after writes; a
 * failure is only logged, the rows are deleted next time.
 */
export class SessionPruner {
  private last: number | undefined;
  private running = false;

  constructor(private readonly db: Db) {}

  maybePrune(now: number): void {
    // The first call only starts the clock: nothing has expired a moment after the start.
    this.last ??= now;
    if (this.running || now - this.last < SESSION_GAP_MS) return;
    this.last = now;
    this.running = true;
    pruneSessions(this.db, now)
      .catch((error: Error) => console.error('visitor sessions: prune failed:', error.message))
      .finally(() => (this.running = false));
  }
}

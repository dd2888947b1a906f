/**
 * Sessions in the database (docs/design.md §2 and §6, migration 0010): a visitor's events
 * with no gap over 30 minutes form one session, whichever replica records them. The
 * visitor's row in `visitor_sessions` holds its session and the time of its latest event;
 * the upsert below decides in one statement, under the row's lock, whether an event
 * continues that session or starts the candidate one. It runs in the transaction that
 * inserts the events (queries/events.ts), so the decision and the events commit together.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

/** The longest gap between two events of one session. */
export const SESSION_GAP_MS = 30 * 60_000;

/** A visitor's event at `at` (ms): the session it joins, or `session` when it starts one. */
export interface SessionClaim {
  visitor: string;
  /** The new session's id, used only when the event does not continue the open one. */
  session: string;
  at: number;
}

/**
 * The one definition of the session upsert, of one claim or of several for distinct
 * visitors. An event more than SESSION_GAP_MS after the visitor's latest starts the
 * candidate session; any other (also one dated earlier, arriving late) continues the
 * stored one, and the latest time is kept. Portable: CASE instead of max()/greatest().
 * PostgreSQL's event path runs the same rule inside kb_record_events (migration 0018): a
 * change here needs a migration that replaces that function.
 */
export function sessionUpsert(db: Kysely<Database>, claims: SessionClaim | SessionClaim[]) {
  const values = (Array.isArray(claims) ? claims : [claims]).map((c) => ({ visitor: c.visitor, session: c.session, last_seen_ms: c.at }));
  const starts = sql<boolean>`excluded.last_seen_ms - visitor_sessions.last_seen_ms > ${sql.lit(SESSION_GAP_MS)}`;
  return db
    .insertInto('visitor_sessions')
    .values(Array.isArray(claims) ? values : values[0]!)
    .onConflict((oc) =>
      oc.column('visitor').doUpdateSet({
        session: sql`case when ${starts} then excluded.session else visitor_sessions.session end`,
        last_seen_ms: sql`case when ${starts} or excluded.last_seen_ms > visitor_sessions.last_seen_ms then excluded.last_seen_ms else visitor_sessions.last_seen_ms end`,
      }),
    )
    .returning(['visitor', 'session']);
}

/**
 * The session of each claim, in order, written in `trx` with multi-row upserts. One
 * statement may not touch a row twice (PostgreSQL refuses), so claims of one visitor go into
 * successive rounds, each written in visitor order (replicas lock rows in the same order).
 */
export async function claimSessions(trx: Kysely<Database>, claims: SessionClaim[]): Promise<string[]> {
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  claims.forEach((c, i) => {
    const round = seen.get(c.visitor) ?? 0;
    seen.set(c.visitor, round + 1);
    (rounds[round] ??= []).push(i);
  });
  const sessions: string[] = new Array(claims.length);
  for (const round of rounds) {
    round.sort((a, b) => (claims[a]!.visitor < claims[b]!.visitor ? -1 : 1));
    for (let i = 0; i < round.length; i += 1000) {
      const slice = round.slice(i, i + 1000);
      const rows = await sessionUpsert(
        trx,
        slice.map((j) => claims[j]!),
      ).execute();
      const byVisitor = new Map(rows.map((r) => [r.visitor, r.session]));
      for (const j of slice) sessions[j] = byVisitor.get(claims[j]!.visitor)!;
    }
  }
  return sessions;
}

/**
 * Deletes the rows of visitors whose latest event is over a session gap before `now`: their
 * next event starts a new session whether or not the row is there. Visitor ids change with
 * the daily salt, so without this the table would keep one row per visitor and day.
 */
export async function pruneSessions(db: Db, now: number): Promise<number> {
  const result = await db
    .deleteFrom('visitor_sessions')
    .where('last_seen_ms', '<', now - SESSION_GAP_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

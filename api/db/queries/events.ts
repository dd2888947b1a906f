/** Usage events (docs/design.md §3), written in batches. */
import type SQLite from 'better-sqlite3';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Db } from '../index.ts';
import { isPostgres } from '../dialect.ts';
import type { Database, EventsTable } from '../schema.ts';
import { prepareFromKysely } from '../driver/prepared.ts';
import { ADVISORY_LOCKS } from '../driver/postgres.ts';
import { claimSessions, SESSION_GAP_MS, sessionUpsert, type SessionClaim } from './sessions.ts';

export type EventRow = Insertable<EventsTable>;

// SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535; 16 columns × 1,000 rows stays below both.
const ROWS_PER_STATEMENT = 1000;

const EVENT_KEYS = [
  'type',
  'visitor',
  'session',
  'created_at',
  'lang',
  'article',
  'path',
  'referrer',
  'query',
  'query_norm',
  'results',
  'rank',
  'filters',
  'articles',
  'ticket_ref',
] as const;

/** One request's events: all of one visitor at one moment, their session still to be decided. */
export interface EventBatch {
  /** The visitor, the moment and a new session id in case the events start one (queries/sessions.ts). */
  claim: SessionClaim;
  rows: Array<Omit<EventRow, 'session'>>;
}

/**
 * Returns a function that records batches of events in one transaction: for each batch, the
 * visitor's session is decided in the database (claimSessions), then its events are inserted
 * with it. The prepared fast path with the SQLite connection, multi-row Kysely statements
 * without (PostgreSQL).
 */
export function eventWriter(db: Db, sqlite?: SQLite.Database): (batches: EventBatch[]) => Promise<void> {
  if (!sqlite) return (batches) => recordEvents(db, batches);
  const { statement, params } = prepareFromKysely(sqlite, EVENT_KEYS, (s) => db.insertInto('events').values(s as unknown as EventRow));
  const claim = prepareFromKysely(sqlite, CLAIM_KEYS, (s) => sessionUpsert(db, s as unknown as SessionClaim));
  const recordAll = sqlite.transaction((batches: EventBatch[]) => {
    for (const batch of batches) {
      const { session } = claim.statement.get(claim.params(batch.claim as unknown as Record<(typeof CLAIM_KEYS)[number], unknown>)) as {
        session: string;
      };
      for (const row of batch.rows) statement.run(params({ ...row, session } as Record<(typeof EVENT_KEYS)[number], unknown>));
    }
  });
  return async (batches) => recordAll(batches);
}

const CLAIM_KEYS = ['visitor', 'session', 'at'] as const;

/**
 * Records batches of events in one transaction: on PostgreSQL in one call of
 * `kb_record_events` (migration 0018), on SQLite without its connection through Kysely.
 */
export async function recordEvents(db: Db, batches: EventBatch[]): Promise<void> {
  if (batches.length === 0) return;
  if (isPostgres(db)) return recordEventsInOneCall(db, batches);
  return recordEventsStepByStep(db, batches);
}

/**
 * The same as recordEvents, statement by statement in a Kysely transaction: the lock, the
 * session upserts (claimSessions), the inserts. What SQLite without its connection runs, and
 * what migration 0018's function does in one round trip on PostgreSQL (the tests compare them).
 */
export async function recordEventsStepByStep(db: Db, batches: EventBatch[]): Promise<void> {
  if (batches.length === 0) return;
  await db.transaction().execute(async (trx) => {
    // First: the lock that orders event ids also orders the replicas' session decisions.
    await serializeEventIds(trx);
    const sessions = await claimSessions(
      trx,
      batches.map((b) => b.claim),
    );
    await insertEventRows(
      trx,
      batches.flatMap((b, i) => b.rows.map((row) => ({ ...row, session: sessions[i]! }))),
    );
  });
}

/**
 * PostgreSQL: one autocommit statement per group commit, `kb_record_events` (migration 0018),
 * which takes the event-id lock, upserts the sessions round by round and inserts the events.
 * Columns travel as one array each (22 parameters whatever the batch's size), so neither
 * Kysely nor PostgreSQL parses and plans a statement of thousands of parameters per batch.
 */
const ONE_CALL_KEYS = EVENT_KEYS.filter((k) => k !== 'session');

async function recordEventsInOneCall(db: Db, batches: EventBatch[]): Promise<void> {
  const claims = batches.length;
  const claimVisitor = new Array<string>(claims);
  const claimSession = new Array<string>(claims);
  const claimAt = new Array<number>(claims);
  const claimRound = new Array<number>(claims);
  const seen = new Map<string, number>();
  let events = 0;
  for (let i = 0; i < claims; i++) {
    const { claim, rows } = batches[i]!;
    const round = seen.get(claim.visitor) ?? 0;
    seen.set(claim.visitor, round + 1);
    claimVisitor[i] = claim.visitor;
    claimSession[i] = claim.session;
    claimAt[i] = claim.at;
    claimRound[i] = round;
    events += rows.length;
  }
  const columns = ONE_CALL_KEYS.map(() => new Array<unknown>(events));
  const evClaim = new Array<number>(events);
  let n = 0;
  for (let i = 0; i < claims; i++) {
    for (const row of batches[i]!.rows) {
      evClaim[n] = i + 1;
      for (let c = 0; c < ONE_CALL_KEYS.length; c++) columns[c]![n] = (row as Record<string, unknown>)[ONE_CALL_KEYS[c]!] ?? null;
      n++;
    }
  }
  const [type, visitor, createdAt, lang, article, path, referrer, query, queryNorm, results, rank, filters, articles, ticketRef] =
    columns as [unknown[], ...unknown[][]];
  await sql`select kb_record_events(${ADVISORY_LOCKS.namespace}, ${ADVISORY_LOCKS.eventIds}, ${SESSION_GAP_MS},
    ${claimVisitor}, ${claimSession}, ${claimAt}, ${claimRound}, ${evClaim}, ${type}, ${visitor}, ${createdAt}, ${lang},
    ${article}, ${path}, ${referrer}, ${query}, ${queryNorm}, ${results}, ${rank}, ${filters}, ${articles}, ${ticketRef})`.execute(db);
}

/**
 * Makes the transaction `trx` insert events only after every earlier event-inserting
 * transaction has committed, so event ids become visible in increasing order. The roll-ups
 * fold events in by id ("id > watermark", rollups.ts); on PostgreSQL, identity values are
 * handed out at insert time, and without this a transaction holding id 100 could commit after
 * one holding id 101 had been folded in, and event 100 would never be counted. SQLite has
 * one writer at a time already. Call it first in every transaction that inserts events.
 */
export async function serializeEventIds(trx: Kysely<Database>): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(${sql.lit(ADVISORY_LOCKS.namespace)}, ${sql.lit(ADVISORY_LOCKS.eventIds)})`.execute(trx);
}

/** Inserts many events in one transaction, with multi-row INSERTs (the write path without the SQLite connection). */
export async function insertEvents(db: Db, rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await serializeEventIds(trx);
    await insertEventRows(trx, rows);
  });
}

async function insertEventRows(trx: Kysely<Database>, rows: EventRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto('events')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
}

/**
 * The requests inbox's storage (migration 0012, docs/design.md §7): customer keys, the
 * conversation, the history and the survey answer of a request, and the ticket-column
 * updates its actions make. Messages and history rows are only ever inserted. A ticket
 * update is conditional on the `updated_at` it was read with, so two agents acting at once
 * (on any replica) cannot overwrite each other: the second is told to reload.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database, TicketsTable } from '../schema.ts';
import type { RequestChanges } from '../../../core/tickets/lifecycle.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Records a key of a web request's private link (its SHA-256 hash). */
export async function insertRequestKey(db: Executor, ticketId: string, keyHash: string, at: Date): Promise<void> {
  await db.insertInto('request_keys').values({ ticket_id: ticketId, key_hash: keyHash, created_at: at.toISOString() }).execute();
}

/** The key hashes of a web request (one per link handed out). */
export async function requestKeyHashes(db: Executor, ticketId: string): Promise<string[]> {
  const rows = await db.selectFrom('request_keys').select('key_hash').where('ticket_id', '=', ticketId).execute();
  return rows.map((r) => r.key_hash);
}

/** The inbox's row of a new web request. */
export async function insertRequestAccess(db: Executor, ticketId: string, at: Date): Promise<void> {
  await db.insertInto('request_access').values({ ticket_id: ticketId, created_at: at.toISOString() }).execute();
}

/** A web request's survey answer. */
export interface SurveyAnswerRow {
  solved: boolean;
  rating: number;
  comment: string | null;
  answeredAt: string;
}

/** The survey answer of a web request, or null when not answered. */
export async function surveyAnswer(db: Executor, ticketId: string): Promise<SurveyAnswerRow | null> {
  const row = await db
    .selectFrom('request_access')
    .select(['survey_solved', 'survey_rating', 'survey_comment', 'survey_at'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row?.survey_at) return null;
  return { solved: row.survey_solved === 1, rating: row.survey_rating ?? 0, comment: row.survey_comment, answeredAt: row.survey_at };
}

/** Stores the survey answer unless one is stored (once per request, whichever replica answers first). Returns whether it was stored. */
export async function recordSurveyAnswer(
  db: Executor,
  ticketId: string,
  answer: Omit<SurveyAnswerRow, 'answeredAt'>,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('request_access')
    .set({
      survey_solved: answer.solved ? 1 : 0,
      survey_rating: answer.rating,
      survey_comment: answer.comment,
      survey_at: at.toISOString(),
    })
    .where('ticket_id', '=', ticketId)
    .where('survey_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A message of a request's conversation. */
export interface MessageRow {
  id: number;
  kind: 'customer' | 'reply' | 'note';
  author: string;
  body: string;
  minutes: number | null;
  createdAt: string;
}

export async function insertMessage(
  db: Executor,
  ticket: { source: string; id: string },
  m: Omit<MessageRow, 'id' | 'createdAt'>,
  at: Date,
): Promise<void> {
  await db
    .insertInto('request_messages')
    .values({
      ticket_source: ticket.source,
      ticket_id: ticket.id,
      kind: m.kind,
      author: m.author,
      body: m.body,
      minutes: m.minutes,
      created_at: at.toISOString(),
    })
    .execute();
}

/** A request's conversation, oldest first. */
export async function messagesOf(db: Executor, source: string, id: string): Promise<MessageRow[]> {
  const rows = await db
    .selectFrom('request_messages')
    .select(['id', 'kind', 'author', 'body', 'minutes', 'created_at'])
    .where('ticket_source', '=', source)
    .where('ticket_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind as MessageRow['kind'],
    author: r.author,
    body: r.body,
    minutes: r.minutes === null ? null : Number(r.minutes),
    createdAt: r.created_at,
  }));
}

/** One entry of a request's history. */
export interface HistoryRow {
  id: number;
  action: string;
  actor: string;
  minutes: number | null;
  note: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export async function insertHistory(
  db: Executor,
  ticket: { source: string; id: string },
  h: Omit<HistoryRow, 'id' | 'createdAt'>,
  at: Date,
): Promise<void> {
  await db
    .insertInto('request_history')
    .values({
      ticket_source: ticket.source,
      ticket_id: ticket.id,
      action: h.action,
      actor: h.actor,
      minutes: h.minutes,
      note: h.note,
      before: h.before ? JSON.stringify(h.before) : null,
      after: h.after ? JSON.stringify(h.after) : null,
      created_at: at.toISOString(),
    })
    .execute();
}

/** A request's history, oldest first. */
export async function historyOf(db: Executor, source: string, id: string): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('request_history')
    .selectAll()
    .where('ticket_source', '=', source)
    .where('ticket_id', '=', id)
    .orderBy('id')
    .execute();
  const json = (v: string | null) => (v === null ? null : (JSON.parse(v) as Record<string, unknown>));
  return rows.map((r) => ({
    id: Number(r.id),
    action: r.action,
    actor: r.actor,
    minutes: r.minutes === null ? null : Number(r.minutes),
    note: r.note,
    before: json(r.before),
    after: json(r.after),
    createdAt: r.created_at,
  }));
}

/** Minutes recorded on a request, over its history and its messages. */
export async function minutesSpent(db: Executor, source: string, id: string): Promise<number> {
  const [history, messages] = await Promise.all([
    db
      .selectFrom('request_history')
      .select(sql<number>`coalesce(sum(minutes), 0)`.as('m'))
      .where('ticket_source', '=', source)
      .where('ticket_id', '=', id)
      .where('action', 'not in', ['reply', 'note'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('request_messages')
      .select(sql<number>`coalesce(sum(minutes), 0)`.as('m'))
      .where('ticket_source', '=', source)
      .where('ticket_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(history.m) + Number(messages.m);
}

const seconds = (from: string, to: string | null | undefined) => (to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : null);

/**
 * Applies lifecycle changes to a ticket's columns, only if it still has the `updated_at` it was
 * read with. Durations are recomputed as upserts compute them (api/db/queries/tickets.ts).
 * Returns whether the row was updated.
 */
export async function updateTicketIfUnchanged(
  db: Executor,
  ticket: { source: string; id: string; createdAt: string; updatedAt: string; resolvedAt: string | null; closedAt: string | null },
  changes: RequestChanges,
  at: Date,
  minutes?: number,
): Promise<boolean> {
  const set: Partial<Record<keyof TicketsTable, unknown>> = { updated_at: at.toISOString() };
  // Minutes spent add up in the column the scorecards read (migration 0015).
  if (minutes) set.minutes_logged = sql`coalesce(minutes_logged, 0) + ${minutes}`;
  if (changes.status !== undefined && changes.status !== null) set.status = changes.status;
  if (changes.priority !== undefined && changes.priority !== null) set.priority = changes.priority;
  if (changes.topic !== undefined) set.topic = changes.topic;
  if (changes.agent !== undefined) set.agent = changes.agent;
  if (changes.tier !== undefined && changes.tier !== null) set.tier = changes.tier;
  if (changes.escalated !== undefined) set.escalated = changes.escalated ? 1 : 0;
  if (changes.csat !== undefined) set.csat = changes.csat;
  if (changes.reopened !== undefined) set.reopened = changes.reopened;
  if (changes.reassigned !== undefined) set.reassigned = changes.reassigned;
  if (changes.firstResponseAt !== undefined) {
    set.first_response_at = changes.firstResponseAt;
    set.first_response_seconds = seconds(ticket.createdAt, changes.firstResponseAt);
  }
  if (changes.resolvedAt !== undefined || changes.closedAt !== undefined) {
    const resolvedAt = changes.resolvedAt !== undefined ? changes.resolvedAt : ticket.resolvedAt;
    const closedAt = changes.closedAt !== undefined ? changes.closedAt : ticket.closedAt;
    set.resolved_at = resolvedAt;
    set.closed_at = closedAt;
    // Resolved = resolvedAt, or closedAt lacking it (docs/design.md §4).
    set.resolution_seconds = seconds(ticket.createdAt, resolvedAt ?? closedAt);
  }
  const result = await db
    .updateTable('tickets')
    .set(set as Partial<TicketsTable>)
    .where('source', '=', ticket.source)
    .where('id', '=', ticket.id)
    .where('updated_at', '=', ticket.updatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The inbox list's filter. */
export interface RequestFilter {
  status?: string | undefined;
  priority?: string | undefined;
  topic?: string | undefined;
  /** An agent's name; 'none' for unassigned. */
  assignee?: string | undefined;
  tier?: number | undefined;
  source?: string | undefined;
}

/** Priority order for "most urgent first". */
const PRIORITY_RANK = sql<number>`case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

/**
 * One page of tickets for the inbox and how many match. `urgent`: unresolved first, then by
 * priority, then oldest first (the order their SLA clocks run out in, with one calendar);
 * `newest`: by creation, newest first.
 */
export async function listRequestTickets(
  db: Db,
  filter: RequestFilter,
  sort: 'newest' | 'urgent',
  page: { offset: number; limit: number },
): Promise<{ rows: Array<TicketsTable>; total: number }> {
  let query = db.selectFrom('tickets');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.priority) query = query.where('priority', '=', filter.priority);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.assignee === 'none') query = query.where('agent', 'is', null);
  else if (filter.assignee) query = query.where('agent', '=', filter.assignee);
  if (filter.tier) query = query.where('tier', '=', filter.tier);
  if (filter.source) query = query.where('source', '=', filter.source);
  const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  let ordered = query.selectAll();
  ordered =
    sort === 'urgent'
      ? ordered
          .orderBy(sql`case when resolution_seconds is null then 0 else 1 end`)
          .orderBy(PRIORITY_RANK)
          .orderBy('created_at', 'asc')
      : ordered.orderBy('created_at', 'desc');
  const rows = await ordered.orderBy('source').orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { rows, total: Number(total.n) };
}

/** Web requests resolved before `cutoff` and still not closed (the auto-close sweep's candidates). */
export async function resolvedRequestsBefore(db: Db, cutoff: string, limit: number): Promise<Array<{ id: string; updatedAt: string }>> {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'updated_at'])
    .where('source', '=', 'web')
    .where('status', '=', 'solved')
    .where('resolved_at', '<', cutoff)
    .orderBy('resolved_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at }));
}

/** The whole ticket row with its update stamp, for an action. */
export async function ticketRowOf(db: Executor, source: string, id: string): Promise<TicketsTable | undefined> {
  return db.selectFrom('tickets').selectAll().where('source', '=', source).where('id', '=', id).executeTakeFirst();
}

/** The web tickets of `ids` that have an inbox row (those the contact form made since migration 0012). */
export async function isInboxRequest(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('request_access').select('ticket_id').where('ticket_id', '=', id).executeTakeFirst()) !== undefined;
}

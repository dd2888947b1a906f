/** Tickets in canonical form: upsert by (source, id), look-ups. */
import { sql, type Selectable } from 'kysely';
import type { Ticket } from '../../../core/tickets/ticket.ts';
import type { Db } from '../index.ts';
import type { TicketsTable } from '../schema.ts';
import { startsWith } from './prefix.ts';

type TicketRow = Selectable<TicketsTable>;
const flag = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0);

/** Whole seconds from `from` to `to` (ISO times); null when `to` is missing. */
const secondsBetween = (from: string, to: string | undefined) => (to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : null);

/** The database row of a canonical ticket. */
export function ticketToRow(t: Ticket, now: string): TicketRow {
  return {
    source: t.source,
    id: t.id,
    subject: t.subject,
    description: t.description ?? null,
    resolution: t.resolution ?? null,
    topic: t.topic ?? null,
    product: t.product ?? null,
    priority: t.priority,
    status: t.status,
    channel: t.channel ?? null,
    requester: t.requester ?? null,
    agent: t.agent ?? null,
    tier: t.tier,
    escalated: t.escalated ? 1 : 0,
    created_at: t.createdAt,
    first_response_at: t.firstResponseAt ?? null,
    resolved_at: t.resolvedAt ?? null,
    closed_at: t.closedAt ?? null,
    csat: t.csat ?? null,
    reopened: t.reopened ?? null,
    reassigned: t.reassigned ?? null,
    sla_met: flag(t.slaMet),
    knowledge_used: flag(t.knowledgeUsed),
    lang: t.lang ?? null,
    updated_at: now,
    // Precomputed so the support metrics sort and aggregate durations in portable SQL (migration 0006).
    // Resolved = resolvedAt, or closedAt lacking it (docs/design.md §4).
    first_response_seconds: secondsBetween(t.createdAt, t.firstResponseAt),
    resolution_seconds: secondsBetween(t.createdAt, t.resolvedAt ?? t.closedAt),
    minutes_logged: t.minutesLogged ?? null,
  };
}

/** The canonical ticket of a database row. */
export function rowToTicket(r: TicketRow): Ticket {
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  const bool = (v: number | null) => (v === null ? undefined : v === 1);
  return {
    id: r.id,
    source: r.source as Ticket['source'],
    subject: r.subject,
    description: opt(r.description),
    resolution: opt(r.resolution),
    topic: opt(r.topic),
    product: opt(r.product),
    priority: r.priority as Ticket['priority'],
    status: r.status as Ticket['status'],
    channel: opt(r.channel),
    requester: opt(r.requester),
    agent: opt(r.agent),
    tier: r.tier === 2 ? 2 : 1,
    escalated: r.escalated === 1,
    createdAt: r.created_at,
    firstResponseAt: opt(r.first_response_at),
    resolvedAt: opt(r.resolved_at),
    closedAt: opt(r.closed_at),
    csat: opt(r.csat),
    reopened: opt(r.reopened),
    reassigned: opt(r.reassigned),
    slaMet: bool(r.sla_met),
    knowledgeUsed: bool(r.knowledge_used),
    lang: opt(r.lang) as Ticket['lang'],
    minutesLogged: opt(r.minutes_logged),
  };
}

/**
 * Inserts or updates tickets by (source, id) in one transaction (all or nothing).
 * Returns how many were inserted and how many updated.
 */
export async function upsertTickets(db: Db, tickets: Ticket[], now = new Date()): Promise<{ inserted: number; updated: number }> {
  if (tickets.length === 0) return { inserted: 0, updated: 0 };
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (const t of tickets) {
      const exists = await trx.selectFrom('tickets').select('id').where('source', '=', t.source).where('id', '=', t.id).executeTakeFirst();
      const row = ticketToRow(t, at);
      if (exists) {
        const { source: _s, id: _i, ...changes } = row;
        await trx.updateTable('tickets').set(changes).where('source', '=', t.source).where('id', '=', t.id).execute();
      } else {
        await trx.insertInto('tickets').values(row).execute();
        inserted++;
      }
    }
    return { inserted, updated: tickets.length - inserted };
  });
}

/** One ticket by id, optionally of one source; null when unknown. Ambiguous ids (several sources) need the source. */
export async function getTicket(db: Db, id: string, source?: string): Promise<Ticket | null | 'ambiguous'> {
  let query = db.selectFrom('tickets').selectAll().where('id', '=', id);
  if (source) query = query.where('source', '=', source);
  const rows = await query.limit(2).execute();
  if (rows.length > 1) return 'ambiguous';
  return rows[0] ? rowToTicket(rows[0]) : null;
}

/** Reference `n` of a year's contact-form tickets: WEB-2026-000123 (six digits, more past 999,999). */
export function webTicketRef(year: number, n: number): string {
  return `WEB-${year}-${String(n).padStart(6, '0')}`;
}

/** The highest reference number of a year's contact-form tickets, 0 before the first. */
async function lastWebTicketNumber(db: Db, year: number): Promise<number> {
  const prefix = `WEB-${year}-`;
  // Longest first, then highest: numbers past 999,999 have more digits and sort right.
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('source', '=', 'web')
    .where(startsWith('id', prefix))
    .orderBy(sql`length(id)`, 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  // An imported "web" ticket may use the prefix with something else after it; skip such ids.
  const numbers = rows.map((r) => r.id.slice(prefix.length)).filter((rest) => /^\d+$/.test(rest));
  return numbers.length > 0 ? Number(numbers[0]) : 0;
}

/**
 * Stores a ticket from the contact form under the next reference of its year (one more
 * than the year's highest, so references are unique and increase with time) and returns
 * it. The insert does nothing when another writer (another API replica) took that number
 * first; then the next number is tried.
 */
export async function insertWebTicket(db: Db, ticketWithRef: (ref: string) => Ticket, year: number, now = new Date()): Promise<Ticket> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticket = ticketWithRef(webTicketRef(year, (await lastWebTicketNumber(db, year)) + 1));
    const result = await db
      .insertInto('tickets')
      .values(ticketToRow(ticket, now.toISOString()))
      .onConflict((oc) => oc.columns(['source', 'id']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) return ticket;
  }
  throw new Error('Could not allocate a contact-form ticket reference after 5 attempts');
}

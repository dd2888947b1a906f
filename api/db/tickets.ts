/** Tickets in canonical form: upsert by (source, id), look-ups. */
import type { Selectable } from 'kysely';
import type { Ticket } from '../schemas/ticket.ts';
import type { Db } from './index.ts';
import type { TicketsTable } from './schema.ts';

type TicketRow = Selectable<TicketsTable>;
const flag = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0);

/** The database row of a canonical ticket. */
export function ticketToRow(t: Ticket, now: string): TicketRow {
  return {
    source: t.source, id: t.id, subject: t.subject, description: t.description ?? null, resolution: t.resolution ?? null,
    topic: t.topic ?? null, product: t.product ?? null, priority: t.priority, status: t.status, channel: t.channel ?? null,
    requester: t.requester ?? null, agent: t.agent ?? null, tier: t.tier, escalated: t.escalated ? 1 : 0,
    created_at: t.createdAt, first_response_at: t.firstResponseAt ?? null, resolved_at: t.resolvedAt ?? null,
    closed_at: t.closedAt ?? null, csat: t.csat ?? null, reopened: t.reopened ?? null, reassigned: t.reassigned ?? null,
    sla_met: flag(t.slaMet), knowledge_used: flag(t.knowledgeUsed), lang: t.lang ?? null, updated_at: now,
  };
}

/** The canonical ticket of a database row. */
export function rowToTicket(r: TicketRow): Ticket {
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  const bool = (v: number | null) => (v === null ? undefined : v === 1);
  return {
    id: r.id, source: r.source as Ticket['source'], subject: r.subject, description: opt(r.description), resolution: opt(r.resolution),
    topic: opt(r.topic), product: opt(r.product), priority: r.priority as Ticket['priority'], status: r.status as Ticket['status'],
    channel: opt(r.channel), requester: opt(r.requester), agent: opt(r.agent), tier: r.tier === 2 ? 2 : 1, escalated: r.escalated === 1,
    createdAt: r.created_at, firstResponseAt: opt(r.first_response_at), resolvedAt: opt(r.resolved_at), closedAt: opt(r.closed_at),
    csat: opt(r.csat), reopened: opt(r.reopened), reassigned: opt(r.reassigned), slaMet: bool(r.sla_met), knowledgeUsed: bool(r.knowledge_used),
    lang: opt(r.lang) as Ticket['lang'],
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

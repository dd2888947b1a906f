/**
 * Zendesk Support API v2 tickets onto the canonical ticket (field notes: FORMATS.md).
 * Used by the file importer (a `{"tickets": [...]}` page or the incremental export) and
 * by the Zendesk webhook.
 */
import type { TicketInput } from './ticket.ts';
import { compact, escalationFromTags, idOf, jsonDate, refOf, RowError, topicFromTags, type RowOutcome } from './values.ts';

const STATUS: Record<string, TicketInput['status']> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  hold: 'pending',
  solved: 'solved',
  closed: 'closed',
};
const PRIORITY = new Set(['low', 'normal', 'high', 'urgent']);

/** Zendesk's CSAT is good/bad; on our 1–5 scale good counts as 5 and bad as 1 ("offered" is no rating). */
const CSAT: Record<string, number> = { good: 5, bad: 1 };

type Json = Record<string, unknown>;

/**
 * One Zendesk ticket object. Zendesk has no solved-at on the ticket (it lives in ticket
 * metrics), so a solved ticket's resolvedAt is its updated_at, and a closed one's closedAt
 * likewise; escalation comes from an `escalated`/`tier2` tag (Zendesk has no field for it).
 * Deleted tickets of the incremental export are skipped.
 */
export function mapZendeskTicket(raw: unknown): RowOutcome {
  if (!raw || typeof raw !== 'object') return { error: 'expected a ticket object' };
  const t = raw as Json;
  if (t['status'] === 'deleted') return { skip: 'deleted in Zendesk' };
  const status = STATUS[String(t['status'])];
  if (!status) throw new RowError(`status: "${String(t['status'])}" is not a Zendesk status (new, open, pending, hold, solved, closed)`);
  const priority = t['priority'] == null ? 'normal' : String(t['priority']);
  if (!PRIORITY.has(priority)) throw new RowError(`priority: "${priority}" is not a Zendesk priority (low, normal, high, urgent)`);
  const updatedAt = jsonDate(t['updated_at'], 'updated_at');
  const rating = (t['satisfaction_rating'] as Json | null | undefined)?.['score'];
  const via = t['via'] as Json | undefined;
  const description = typeof t['description'] === 'string' && t['description'] ? t['description'] : undefined;
  return {
    ticket: compact({
      id: idOf(t['id']),
      source: 'zendesk',
      subject: typeof t['subject'] === 'string' && t['subject'].trim() ? t['subject'] : ((t['raw_subject'] as string | undefined) ?? ''),
      description,
      topic: topicFromTags(t['tags']),
      priority: priority as TicketInput['priority'],
      status,
      channel: typeof via?.['channel'] === 'string' ? via['channel'] : undefined,
      requester: refOf(t['requester_id']),
      agent: refOf(t['assignee_id']),
      ...escalationFromTags(t['tags']),
      createdAt: jsonDate(t['created_at'], 'created_at') ?? '',
      resolvedAt: status === 'solved' || status === 'closed' ? updatedAt : undefined,
      closedAt: status === 'closed' ? updatedAt : undefined,
      csat: typeof rating === 'string' ? CSAT[rating] : undefined,
    }),
  };
}

/** The tickets of a Zendesk export with their JSON paths: a list page or incremental export (`{tickets}`), or one `{ticket}`. */
export function zendeskTickets(data: unknown): { path: string; raw: unknown }[] | null {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const tickets = (data as Json)['tickets'];
    if (Array.isArray(tickets)) return tickets.map((raw, i) => ({ path: `tickets.${i}`, raw }));
    if ((data as Json)['ticket']) return [{ path: 'ticket', raw: (data as Json)['ticket'] }];
  }
  return null;
}

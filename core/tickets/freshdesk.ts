/**
 * Freshdesk (and Freshservice) API v2 tickets onto the canonical ticket. Status, priority
 * and source are numeric codes (FORMATS.md). Used by the file importer and the webhook.
 */
import type { TicketInput } from './ticket.ts';
import { compact, escalationFromTags, idOf, jsonDate, refOf, RowError, topicFromTags, type RowOutcome } from './values.ts';

/** 2 Open, 3 Pending, 4 Resolved, 5 Closed; custom statuses (6 and up) are waiting states, so pending. */
function statusOf(code: unknown): TicketInput['status'] {
  if (code === 2) return 'open';
  if (code === 3) return 'pending';
  if (code === 4) return 'solved';
  if (code === 5) return 'closed';
  if (typeof code === 'number' && Number.isInteger(code) && code >= 6) return 'pending';
  throw new RowError(`status: ${JSON.stringify(code)} is not a Freshdesk status code (2 Open, 3 Pending, 4 Resolved, 5 Closed)`);
}

const PRIORITY: Record<number, TicketInput['priority']> = { 1: 'low', 2: 'normal', 3: 'high', 4: 'urgent' };
const CHANNEL: Record<number, string> = { 1: 'email', 2: 'portal', 3: 'phone', 7: 'chat', 9: 'feedback-widget', 10: 'outbound-email' };

type Json = Record<string, unknown>;

/**
 * One Freshdesk ticket. Times come from `stats` when the export asked for `include=stats`,
 * else a resolved/closed ticket's updated_at stands in. Freshdesk's `is_escalated` and
 * `fr_escalated` mean an SLA was overdue (not a hand-over to tier 2), so they set
 * `slaMet: false`; a resolved or closed ticket with neither met its SLA. Tier-2 escalation
 * comes from an `escalated`/`tier2` tag, as for Zendesk. Spam tickets are skipped.
 */
export function mapFreshdeskTicket(raw: unknown): RowOutcome {
  if (!raw || typeof raw !== 'object') return { error: 'expected a ticket object' };
  const t = raw as Json;
  if (t['spam'] === true) return { skip: 'marked as spam in Freshdesk' };
  if (t['deleted'] === true) return { skip: 'deleted in Freshdesk' };
  const status = statusOf(t['status']);
  const priority = PRIORITY[t['priority'] as number];
  if (!priority)
    throw new RowError(`priority: ${JSON.stringify(t['priority'])} is not a Freshdesk priority code (1 Low, 2 Medium, 3 High, 4 Urgent)`);
  const stats = (t['stats'] ?? {}) as Json;
  const updatedAt = jsonDate(t['updated_at'], 'updated_at');
  const done = status === 'solved' || status === 'closed';
  const overdue = t['is_escalated'] === true || t['fr_escalated'] === true;
  const source = t['source'];
  const text = typeof t['description_text'] === 'string' && t['description_text'] ? t['description_text'] : undefined;
  return {
    ticket: compact({
      id: idOf(t['id']),
      source: 'freshdesk',
      subject: typeof t['subject'] === 'string' ? t['subject'] : '',
      description: text,
      topic: topicFromTags(t['tags']),
      priority,
      status,
      channel: typeof source === 'number' ? (CHANNEL[source] ?? `source-${source}`) : undefined,
      requester: refOf(t['requester_id']),
      agent: refOf(t['responder_id']),
      ...escalationFromTags(t['tags']),
      createdAt: jsonDate(t['created_at'], 'created_at') ?? '',
      firstResponseAt: jsonDate(stats['first_responded_at'], 'stats.first_responded_at'),
      resolvedAt: jsonDate(stats['resolved_at'], 'stats.resolved_at') ?? (done ? updatedAt : undefined),
      closedAt: jsonDate(stats['closed_at'], 'stats.closed_at') ?? (status === 'closed' ? updatedAt : undefined),
      slaMet: overdue ? false : done ? true : undefined,
    }),
  };
}

/**
 * The tickets of a Freshdesk export with their JSON paths: a list (array of tickets), one
 * `{ticket}` response, or an array of list pages `[{tickets: [...]}]` (as the Freshworks SDK stores them).
 */
export function freshdeskTickets(data: unknown): { path: string; raw: unknown }[] | null {
  if (Array.isArray(data)) {
    if (data.every((page) => page && typeof page === 'object' && Array.isArray((page as Json)['tickets']))) {
      return data.flatMap((page, p) => ((page as Json)['tickets'] as unknown[]).map((raw, i) => ({ path: `${p}.tickets.${i}`, raw })));
    }
    return data.map((raw, i) => ({ path: String(i), raw }));
  }
  if (data && typeof data === 'object') {
    const d = data as Json;
    if (Array.isArray(d['tickets'])) return (d['tickets'] as unknown[]).map((raw, i) => ({ path: `tickets.${i}`, raw }));
    if (d['ticket'] && typeof d['ticket'] === 'object') return [{ path: 'ticket', raw: d['ticket'] }];
  }
  return null;
}

/**
 * Zammad REST tickets onto the canonical ticket (FORMATS.md). Reads both the plain form
 * (state_id, priority_id with Zammad's default ids) and the expanded one (`?expand=true`,
 * or a trigger webhook: state, priority, group, customer, owner as names).
 */
import type { TicketInput } from './ticket.ts';
import { compact, idOf, jsonDate, refOf, RowError, topicOf, type RowOutcome } from './values.ts';

/** Zammad's default states by name and by id (1 new … 7 pending close). */
const STATE_BY_NAME: Record<string, TicketInput['status'] | 'skip'> = {
  new: 'new',
  open: 'open',
  'pending reminder': 'pending',
  'pending close': 'pending',
  closed: 'closed',
  merged: 'skip',
  removed: 'skip',
};
const STATE_NAME_BY_ID: Record<number, string> = {
  1: 'new',
  2: 'open',
  3: 'pending reminder',
  4: 'closed',
  5: 'merged',
  6: 'removed',
  7: 'pending close',
};

/** Default priorities: 1 low, 2 normal, 3 high (names are written "2 normal"). */
const PRIORITY: Record<string, TicketInput['priority']> = {
  '1': 'low',
  '2': 'normal',
  '3': 'high',
  low: 'low',
  normal: 'normal',
  high: 'high',
};

type Json = Record<string, unknown>;

function priorityOf(t: Json): TicketInput['priority'] {
  const named = typeof t['priority'] === 'string' ? t['priority'].trim().toLowerCase() : undefined;
  const key = named ? (named.split(/\s+/)[0] ?? named) : String(t['priority_id']);
  const priority = PRIORITY[key] ?? (named ? PRIORITY[named.split(/\s+/).pop() ?? ''] : undefined);
  if (!priority)
    throw new RowError(`priority: "${named ?? String(t['priority_id'])}" is not a Zammad default priority (1 low, 2 normal, 3 high)`);
  return priority;
}

/**
 * One Zammad ticket, with the webhook's or create call's `article` when given (its body is
 * the description). The id is the ticket `number` agents see (#31001), not the database id.
 * Zammad has no solved state: a closed ticket's close_at is both resolvedAt and closedAt.
 * `slaMet` is read from close_diff_in_min (negative = closed after the escalation time).
 * Owner id 1 is Zammad's "-" system user, i.e. unassigned. Merged and removed tickets are skipped.
 */
export function mapZammadTicket(raw: unknown, article?: unknown): RowOutcome {
  if (!raw || typeof raw !== 'object') return { error: 'expected a ticket object' };
  const t = raw as Json;
  const stateName = typeof t['state'] === 'string' ? t['state'].toLowerCase() : STATE_NAME_BY_ID[t['state_id'] as number];
  const state = stateName === undefined ? undefined : STATE_BY_NAME[stateName];
  if (!state) throw new RowError(`state: "${stateName ?? String(t['state_id'])}" is not a Zammad default state`);
  if (state === 'skip') return { skip: `${stateName} in Zammad` };
  const closeAt = state === 'closed' ? (jsonDate(t['close_at'], 'close_at') ?? jsonDate(t['updated_at'], 'updated_at')) : undefined;
  const a = (article && typeof article === 'object' ? article : (t['article'] ?? undefined)) as Json | undefined;
  const body = typeof a?.['body'] === 'string' && a['body'] ? a['body'].slice(0, 20_000) : undefined;
  const diff = t['close_diff_in_min'];
  const owner = typeof t['owner'] === 'string' ? t['owner'] : t['owner_id'] === 1 ? undefined : refOf(t['owner_id']);
  return {
    ticket: compact({
      id: idOf(t['number'] ?? t['id'], 'number'),
      source: 'zammad',
      subject: typeof t['title'] === 'string' ? t['title'] : '',
      description: body,
      topic: typeof t['group'] === 'string' ? topicOf(t['group']) : undefined,
      priority: priorityOf(t),
      status: state,
      channel: typeof a?.['type'] === 'string' ? a['type'] : undefined,
      requester: typeof t['customer'] === 'string' ? t['customer'] : refOf(t['customer_id']),
      agent: owner && owner !== '-' ? owner : undefined,
      createdAt: jsonDate(t['created_at'], 'created_at') ?? '',
      firstResponseAt: jsonDate(t['first_response_at'], 'first_response_at'),
      resolvedAt: closeAt,
      closedAt: closeAt,
      slaMet: typeof diff === 'number' && state === 'closed' ? diff >= 0 : undefined,
    }),
  };
}

/** The tickets of a Zammad export with their JSON paths: an array of tickets, `{tickets: [...]}`, or one ticket. */
export function zammadTickets(data: unknown): { path: string; raw: unknown }[] | null {
  if (Array.isArray(data)) return data.map((raw, i) => ({ path: String(i), raw }));
  if (data && typeof data === 'object') {
    const d = data as Json;
    if (Array.isArray(d['tickets']) && d['tickets'].every((x) => x && typeof x === 'object'))
      return (d['tickets'] as unknown[]).map((raw, i) => ({ path: `tickets.${i}`, raw }));
    if ('title' in d && ('state_id' in d || 'state' in d)) return [{ path: '', raw: d }];
  }
  return null;
}

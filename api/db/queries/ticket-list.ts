/**
 * The drill-down list of tickets (GET /api/tickets, issue 18): the tickets one count of the
 * dashboards or of the period report counts, paged. A period selects tickets by created_at,
 * like every ticket metric (docs/design.md §4); each status is the very SQL fragment the
 * metric counts with (ticket-predicates.ts), so the list's total is the metric's count.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { TicketListStatus } from '../../../core/contracts/drill-down-values.ts';
import type { TicketFilter } from './metrics-tickets.ts';
import {
  hasLink,
  isDissatisfied,
  isEscalated,
  isReopenedResolved,
  isResolved,
  isSatisfied,
  isSurveyed,
  isUnresolved,
  isYoungOpen,
  linkMatchesTicket,
  linksKnownArticle,
  slaOutcome,
  usedKnowledge,
  type SlaRule,
} from './ticket-predicates.ts';

/** Which tickets a list keeps. */
export interface TicketListSpec extends TicketFilter {
  priority?: string | undefined;
  source?: string | undefined;
  agent?: string | undefined;
  /** Each keeps tickets whose agent is (`in`) or is not (`notIn`) one of the ids; tickets without an agent never pass. */
  agentSets?: ReadonlyArray<{ in: readonly string[] } | { notIn: readonly string[] }> | undefined;
  status?: TicketListStatus | undefined;
  article?: string | undefined;
  relation?: string | undefined;
  /** What the statuses stand on: the like-for-like instant, the SLA targets and now, the build's article creation days. */
  openSince: string;
  slaRules: readonly SlaRule[];
  now: Date;
  articleCreated: ReadonlyMap<string, string>;
}

/** One row of the list, as stored. */
export interface TicketListEntry {
  source: string;
  id: string;
  subject: string;
  topic: string | null;
  priority: string;
  agent: string | null;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
  escalated: boolean;
  reopened: number;
  csat: number | null;
  links: number;
}

type TicketsEb = ExpressionBuilder<Database, 'tickets'>;

/** The status's condition: the fragment the metric counts with. */
function statusCondition(eb: TicketsEb, spec: TicketListSpec): Expression<SqlBool> {
  const and = (...parts: Array<Expression<SqlBool>>) => eb.and(parts);
  switch (spec.status!) {
    case 'resolved':
      return isResolved;
    case 'open':
      return isUnresolved;
    case 'too-recent':
      return isYoungOpen(spec.openSince);
    case 'escalated':
      return isEscalated;
    case 'reopened':
      return isReopenedResolved;
    case 'sla-met':
      return sql<SqlBool>`${slaOutcome(spec.slaRules, spec.now)} = 1`;
    case 'sla-breached':
      return sql<SqlBool>`${slaOutcome(spec.slaRules, spec.now)} = 0`;
    case 'linked':
      return and(isResolved, usedKnowledge(eb));
    case 'unlinked':
      return and(isResolved, eb.not(usedKnowledge(eb)));
    case 'known':
      return and(isResolved, linksKnownArticle(eb, spec.articleCreated));
    case 'new':
      return and(isResolved, hasLink(eb), eb.not(linksKnownArticle(eb, spec.articleCreated)));
    case 'created-article':
      return hasLink(eb, { relation: 'created-from' });
    case 'surveyed':
      return isSurveyed;
    case 'satisfied':
      return isSatisfied;
    case 'dissatisfied':
      return isDissatisfied;
  }
}

function matching(db: Db, spec: TicketListSpec) {
  let query = db.selectFrom('tickets').where('tickets.created_at', '>=', spec.start).where('tickets.created_at', '<', spec.end);
  if (spec.lang) query = query.where('tickets.lang', '=', spec.lang);
  if (spec.topics) query = query.where('tickets.topic', 'in', [...spec.topics]);
  if (spec.priority) query = query.where('tickets.priority', '=', spec.priority);
  if (spec.source) query = query.where('tickets.source', '=', spec.source);
  if (spec.agent !== undefined) query = query.where('tickets.agent', '=', spec.agent);
  for (const set of spec.agentSets ?? []) {
    if ('in' in set) query = set.in.length === 0 ? query.where(sql<SqlBool>`1 = 0`) : query.where('tickets.agent', 'in', [...set.in]);
    else {
      query = query.where('tickets.agent', 'is not', null);
      if (set.notIn.length > 0) query = query.where('tickets.agent', 'not in', [...set.notIn]);
    }
  }
  if (spec.article !== undefined) {
    const only = { article: spec.article, relation: spec.relation };
    query = query.where((eb) => hasLink(eb, only));
  }
  if (spec.status) query = query.where((eb) => statusCondition(eb, spec));
  return query;
}

/** How many tickets the list holds. */
export async function countTicketList(db: Db, spec: TicketListSpec): Promise<number> {
  const row = await matching(db, spec)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A page of the list: newest first, then by source and id. */
export async function ticketListPage(db: Db, spec: TicketListSpec, page: { offset: number; limit: number }): Promise<TicketListEntry[]> {
  const rows = await matching(db, spec)
    .select((eb) => [
      'tickets.source',
      'tickets.id',
      'tickets.subject',
      'tickets.topic',
      'tickets.priority',
      'tickets.agent',
      'tickets.status',
      'tickets.created_at',
      'tickets.resolved_at',
      'tickets.closed_at',
      'tickets.resolution_seconds',
      'tickets.escalated',
      'tickets.reopened',
      'tickets.csat',
      eb
        .selectFrom('ticket_links')
        .select(sql<number>`count(distinct ticket_links.article)`.as('n'))
        .where(linkMatchesTicket)
        .as('links'),
    ])
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.source')
    .orderBy('tickets.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    source: r.source,
    id: r.id,
    subject: r.subject,
    topic: r.topic,
    priority: r.priority,
    agent: r.agent,
    status: r.status,
    createdAt: r.created_at,
    resolvedAt: r.resolution_seconds === null ? null : (r.resolved_at ?? r.closed_at),
    escalated: Number(r.escalated) === 1,
    reopened: Number(r.reopened ?? 0),
    csat: r.csat === null ? null : Number(r.csat),
    links: Number(r.links ?? 0),
  }));
}

/**
 * The articles created from the list's tickets: distinct articles a `created-from` link of a
 * matching ticket names (the scorecards' articlesCreated, scorecards.ts), whether or not the
 * build still has them.
 */
export async function articlesCreatedFrom(db: Db, spec: TicketListSpec): Promise<string[]> {
  const rows = await matching(db, { ...spec, status: undefined, article: undefined })
    .crossJoin('ticket_links')
    .where(linkMatchesTicket)
    .where('ticket_links.relation', '=', 'created-from')
    .select('ticket_links.article')
    .distinct()
    .execute();
  return rows.map((r) => r.article).sort();
}

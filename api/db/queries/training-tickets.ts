/**
 * The queries behind the training metrics (api/metrics/training.ts). Counting happens in SQL;
 * per-ticket rows are fetched only where a time must be compared with each agent's training
 * history or a median taken, and then only the few columns needed (docs/design.md §6: portable
 * Kysely, no SQLite-only SQL — durations are computed from the ISO strings in JavaScript).
 */
import type { Db } from '../index.ts';
import { querySliced, sumByKey } from './metrics-slices.ts';

/** Ticket counts of one topic among tickets created in a period. */
export interface TopicTicketCounts {
  topic: string;
  tickets: number;
  escalated: number;
  /** Tickets with resolvedAt or, lacking it, closedAt (docs/design.md §4). */
  resolved: number;
  /** Resolved tickets reopened at least once. */
  reopened: number;
}

/** Per topic: tickets created in [start, end), escalated, resolved, reopened. Tickets without a topic are left out. */
export async function topicTicketCounts(db: Db, start: string, end: string): Promise<TopicTicketCounts[]> {
  // resolution_seconds is set exactly when the ticket is resolved (migration 0006), and the
  // tickets_metrics index covers every column read here. Short time slices keep each
  // synchronous SQLite call short (metrics-slices.ts); their counts add up per topic.
  const rows = await querySliced(
    { start, end },
    (slice) =>
      db
        .selectFrom('tickets')
        .select((eb) => [
          'topic',
          eb.fn.countAll<number>().as('tickets'),
          eb.fn.sum<number>('escalated').as('escalated'),
          eb.fn.count<number>('resolution_seconds').as('resolved'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('resolution_seconds', 'is not', null), eb('reopened', '>=', 1)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('reopened'),
        ])
        .where('created_at', '>=', slice.start)
        .where('created_at', '<', slice.end)
        .where('topic', 'is not', null)
        .groupBy('topic')
        .execute(),
    db,
  );
  const counts = rows.map((r) => ({
    topic: r.topic!,
    tickets: Number(r.tickets),
    escalated: Number(r.escalated ?? 0),
    resolved: Number(r.resolved ?? 0),
    reopened: Number(r.reopened ?? 0),
  }));
  return sumByKey(counts, (c) => c.topic, ['tickets', 'escalated', 'resolved', 'reopened']);
}

/** A resolved ticket as coverage and medians need it. */
export interface ResolvedTicket {
  topic: string;
  agent: string | null;
  /** Epoch ms of resolvedAt, or closedAt when the helpdesk recorded no resolution time. */
  resolvedAt: number;
  /** Seconds from creation to resolution. */
  resolutionSeconds: number;
}

/** Resolved tickets created in [start, end) that have a topic (read from the tickets_training index alone). */
export async function resolvedTicketsIn(db: Db, start: string, end: string): Promise<ResolvedTicket[]> {
  const rows = await querySliced(
    { start, end },
    (slice) =>
      db
        .selectFrom('tickets')
        .select(['topic', 'agent', 'created_at', 'resolution_seconds'])
        .where('created_at', '>=', slice.start)
        .where('created_at', '<', slice.end)
        .where('topic', 'is not', null)
        .where('resolution_seconds', 'is not', null)
        .execute(),
    db,
  );
  return rows.map((r) => ({
    topic: r.topic!,
    agent: r.agent,
    resolvedAt: Date.parse(r.created_at) + r.resolution_seconds! * 1000,
    resolutionSeconds: r.resolution_seconds!,
  }));
}

/** A ticket of an agent around a training (effectiveness). */
export interface AgentTicket {
  agent: string;
  topic: string;
  createdAt: string;
  escalated: boolean;
  resolvedAt: string | null;
}

/**
 * Tickets of the given agents in the given topics created inside any of the agent's windows
 * [start, end). Windows of one agent should be merged first (fewer OR terms).
 */
export async function agentTicketsInWindows(
  db: Db,
  windows: Array<{ agent: string; start: string; end: string }>,
  topics: string[],
): Promise<AgentTicket[]> {
  if (windows.length === 0 || topics.length === 0) return [];
  const rows = await db
    .selectFrom('tickets')
    .select(['agent', 'topic', 'created_at', 'escalated', 'resolved_at', 'closed_at'])
    .where('topic', 'in', topics)
    .where((eb) =>
      eb.or(windows.map((w) => eb.and([eb('agent', '=', w.agent), eb('created_at', '>=', w.start), eb('created_at', '<', w.end)]))),
    )
    .execute();
  return rows.map((r) => ({
    agent: r.agent!,
    topic: r.topic!,
    createdAt: r.created_at,
    escalated: r.escalated === 1,
    resolvedAt: r.resolved_at ?? r.closed_at,
  }));
}

/** Votes per article cast (first cast) in [start, end). */
export async function votesPerArticle(
  db: Db,
  start: string,
  end: string,
): Promise<Array<{ article: string; votes: number; helpful: number }>> {
  const rows = await db
    .selectFrom('votes')
    .select((eb) => ['article', eb.fn.countAll<number>().as('votes'), eb.fn.sum<number>('helpful').as('helpful')])
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy('article')
    .execute();
  return rows.map((r) => ({ article: r.article, votes: Number(r.votes), helpful: Number(r.helpful ?? 0) }));
}

/**
 * The queries behind the training metrics (api/metrics/training.ts). Counting happens in SQL;
 * per-ticket rows are fetched only where a time must be compared with each agent's training
 * history or a median taken, and then only the few columns needed (docs/design.md §6: portable
 * Kysely, no SQLite-only SQL — durations are computed from the ISO strings in JavaScript).
 */
import { sql } from 'kysely';
import type { Db } from '../index.ts';
import { concatAll } from './metrics-tickets.ts';
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

/** Separators of the per-(topic, agent) lists: a ticket's two fields, and tickets (ISO instants and integers hold neither). */
const FIELD = '\u001f';
const RECORD = '\u001e';

/**
 * Resolved tickets created in [start, end) that have a topic (read from the tickets_training
 * index alone). They come back as one delimited list per (topic, agent) and slice (concatAll),
 * not as a row each: materialising ~100,000 row objects was most of the training report's cost
 * (docs/performance.md, "Scorecards and the period report").
 */
export async function resolvedTicketsIn(db: Db, start: string, end: string): Promise<ResolvedTicket[]> {
  const rows = await querySliced(
    { start, end },
    (slice) =>
      db
        .selectFrom('tickets')
        .select(['topic', 'agent', concatAll(db, sql`created_at || ${FIELD} || cast(resolution_seconds as text)`, RECORD).as('tickets')])
        .where('created_at', '>=', slice.start)
        .where('created_at', '<', slice.end)
        .where('topic', 'is not', null)
        .where('resolution_seconds', 'is not', null)
        .groupBy(['topic', 'agent'])
        .execute(),
    db,
  );
  const tickets: ResolvedTicket[] = [];
  for (const r of rows) {
    if (r.tickets === null || r.tickets === '') continue;
    for (const record of r.tickets.split(RECORD)) {
      const cut = record.indexOf(FIELD);
      const resolutionSeconds = Number(record.slice(cut + 1));
      tickets.push({
        topic: r.topic!,
        agent: r.agent,
        resolvedAt: Date.parse(record.slice(0, cut)) + resolutionSeconds * 1000,
        resolutionSeconds,
      });
    }
  }
  return tickets;
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

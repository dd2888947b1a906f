/**
 * The scorecards' queries (docs/design.md §8): the period's tickets one row each with what a
 * card needs, and the article links that measure KCS participation. A period selects tickets
 * by created_at; every query runs in time slices (metrics-slices.ts).
 */
import { sql } from 'kysely';
import type { Db } from '../index.ts';
import { forEachSlice, querySliced } from './metrics-slices.ts';
import type { TicketFilter } from './metrics-tickets.ts';

/** One ticket of the period, as a scorecard reads it. */
export interface ScorecardTicket {
  agent: string | null;
  topic: string | null;
  priority: string;
  createdAt: string;
  /** resolvedAt, or closedAt lacking it; null when unresolved. */
  resolvedAt: string | null;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  escalated: boolean;
  reopened: boolean;
  csat: number | null;
  slaMet: boolean | null;
  minutesLogged: number | null;
  /** Has a linked article, or knowledgeUsed. */
  linked: boolean;
}

function ticketsIn(db: Db, filter: TicketFilter, slice: { start: string; end: string }) {
  let query = db.selectFrom('tickets').where('tickets.created_at', '>=', slice.start).where('tickets.created_at', '<', slice.end);
  if (filter.lang) query = query.where('tickets.lang', '=', filter.lang);
  if (filter.topics) query = query.where('tickets.topic', 'in', [...filter.topics]);
  return query;
}

/** Every ticket created in the period, a slice at a time. */
export async function eachScorecardTicket(db: Db, filter: TicketFilter, consume: (rows: ScorecardTicket[]) => void): Promise<void> {
  await forEachSlice(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .select((eb) => [
          'tickets.agent',
          'tickets.topic',
          'tickets.priority',
          'tickets.created_at',
          'tickets.resolved_at',
          'tickets.closed_at',
          'tickets.first_response_seconds',
          'tickets.resolution_seconds',
          'tickets.escalated',
          'tickets.reopened',
          'tickets.csat',
          'tickets.sla_met',
          'tickets.minutes_logged',
          'tickets.knowledge_used',
          eb
            .exists(
              eb
                .selectFrom('ticket_links')
                .select(sql.lit(1).as('one'))
                .where((l) =>
                  l.and([
                    l('ticket_links.ticket_id', '=', l.ref('tickets.id')),
                    l.or([l('ticket_links.ticket_source', '=', l.ref('tickets.source')), l('ticket_links.ticket_source', '=', '')]),
                  ]),
                ),
            )
            .as('has_link'),
        ])
        .execute(),
    (rows) =>
      consume(
        rows.map((r) => ({
          agent: r.agent,
          topic: r.topic,
          priority: r.priority,
          createdAt: r.created_at,
          resolvedAt: r.resolution_seconds === null ? null : (r.resolved_at ?? r.closed_at),
          firstResponseSeconds: r.first_response_seconds === null ? null : Number(r.first_response_seconds),
          resolutionSeconds: r.resolution_seconds === null ? null : Number(r.resolution_seconds),
          escalated: Number(r.escalated) === 1,
          reopened: Number(r.reopened ?? 0) > 0,
          csat: r.csat === null ? null : Number(r.csat),
          slaMet: r.sla_met === null ? null : Number(r.sla_met) === 1,
          minutesLogged: r.minutes_logged === null ? null : Number(r.minutes_logged),
          linked: Number(r.knowledge_used ?? 0) === 1 || Boolean(r.has_link),
        })),
      ),
  );
}

/** The article links of the period's tickets with each ticket's agent (one row per link). */
export async function periodLinksByAgent(
  db: Db,
  filter: TicketFilter,
): Promise<Array<{ agent: string; article: string; relation: string }>> {
  const rows = await querySliced(filter, (slice) =>
    ticketsIn(db, filter, slice)
      .crossJoin('ticket_links')
      .where((eb) =>
        eb.and([
          eb('ticket_links.ticket_id', '=', eb.ref('tickets.id')),
          eb.or([eb('ticket_links.ticket_source', '=', eb.ref('tickets.source')), eb('ticket_links.ticket_source', '=', '')]),
        ]),
      )
      .where('tickets.agent', 'is not', null)
      .select(['tickets.agent', 'ticket_links.article', 'ticket_links.relation'])
      .execute(),
  );
  return rows.map((r) => ({ agent: r.agent!, article: r.article, relation: r.relation }));
}

/** Who each article was created from: the agents of the tickets linked `created-from` (any time). */
export async function articleAuthors(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('ticket_links')
    .innerJoin('tickets', (join) =>
      join
        .onRef('tickets.id', '=', 'ticket_links.ticket_id')
        .on((eb) => eb.or([eb('ticket_links.ticket_source', '=', eb.ref('tickets.source')), eb('ticket_links.ticket_source', '=', '')])),
    )
    .where('ticket_links.relation', '=', 'created-from')
    .where('tickets.agent', 'is not', null)
    .select(['ticket_links.article', 'tickets.agent'])
    .distinct()
    .execute();
  const authors = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = authors.get(r.article);
    if (!set) authors.set(r.article, (set = new Set()));
    set.add(r.agent!);
  }
  return authors;
}

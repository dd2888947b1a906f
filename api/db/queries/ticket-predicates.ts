/**
 * What a ticket metric counts, as SQL: one source of truth for the metrics' aggregates
 * (metrics-tickets.ts) and for the drill-down list that shows the tickets behind each count
 * (ticket-list.ts, GET /api/tickets; issue 18). A metric's count and the list's total for the
 * same filters use the same fragment, so they cannot drift apart. Column references are
 * qualified (`tickets.…`) so a fragment also reads right in a query that joins the links.
 * *Resolved* means resolution_seconds is set (resolvedAt, or closedAt lacking it; filled at
 * upsert, migration 0006), docs/design.md §4.
 */
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import { isPostgres, type Db } from '../index.ts';
import type { Database } from '../schema.ts';

/** Resolved: resolvedAt, or closedAt lacking it. */
export const isResolved = sql<boolean>`tickets.resolution_seconds is not null`;
/** Not resolved (yet). */
export const isUnresolved = sql<boolean>`tickets.resolution_seconds is null`;
/** Escalated from tier 1 to tier 2. */
export const isEscalated = sql<boolean>`tickets.escalated = 1`;
/** Resolved and reopened at least once (the reopen rate's numerator). */
export const isReopenedResolved = sql<boolean>`tickets.resolution_seconds is not null and tickets.reopened > 0`;
/** Has a CSAT rating. */
export const isSurveyed = sql<boolean>`tickets.csat is not null`;
/** Rated 4 or 5. */
export const isSatisfied = sql<boolean>`tickets.csat >= 4`;
/** Rated 1 to 3. */
export const isDissatisfied = sql<boolean>`tickets.csat < 4`;

/** Unresolved and created at or after `openSince`: too recent to judge (docs/design.md §4, like-for-like periods). */
export const isYoungOpen = (openSince: string) => sql<boolean>`tickets.resolution_seconds is null and tickets.created_at >= ${openSince}`;

/** SLA targets of one priority, in seconds. */
export interface SlaRule {
  priority: string;
  firstResponseSeconds: number;
  resolutionSeconds: number;
}

/**
 * A ticket's SLA outcome: 1 met, 0 missed, null not known yet. The helpdesk's own slaMet
 * decides when recorded; else the targets: a resolved ticket meets it when resolved within
 * the resolution target and (when a first response is recorded) answered within the
 * first-response target; an unresolved one has missed it once answered late, once older than
 * the resolution target, or once older than the first-response target without an answer.
 */
export function slaOutcome(rules: readonly SlaRule[], now: Date): RawBuilder<number | null> {
  const cutoff = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
  const byTargets = rules.map(
    (r) => sql`when tickets.priority = ${r.priority} then (case
      when tickets.resolution_seconds > ${r.resolutionSeconds} or tickets.first_response_seconds > ${r.firstResponseSeconds} then 0
      when tickets.resolution_seconds is not null then 1
      when tickets.created_at < ${cutoff(r.resolutionSeconds)} then 0
      when tickets.first_response_seconds is null and tickets.created_at < ${cutoff(r.firstResponseSeconds)} then 0
      else null end)`,
  );
  return sql<number | null>`case when tickets.sla_met is not null then tickets.sla_met ${sql.join(byTargets, sql` `)} else null end`;
}

/**
 * A link names its ticket by id, and by source unless it was recorded without one ('').
 * Joins from tickets to links are written `tickets CROSS JOIN ticket_links WHERE …`: standard
 * SQL that PostgreSQL plans as any inner join, while SQLite keeps the written order, so the
 * period's tickets (a range of tickets_metrics) drive look-ups in the links' primary key
 * instead of every link ever made driving look-ups of tickets.
 */
export const linkMatchesTicket = (eb: ExpressionBuilder<Database, 'tickets' | 'ticket_links'>) =>
  eb.and([
    eb('ticket_links.ticket_id', '=', eb.ref('tickets.id')),
    eb.or([eb('ticket_links.ticket_source', '=', eb.ref('tickets.source')), eb('ticket_links.ticket_source', '=', '')]),
  ]);

/**
 * The ticket links at least one article (any relation, or only `relation`; only `article` when
 * given). Given a PostgreSQL `db` and no narrowing, as two uncorrelated IN lists, which it
 * hashes once per query: the correlated EXISTS ran an index probe per ticket, 5× slower over
 * 90 days of 100,000 tickets. SQLite keeps the EXISTS: it would build the IN lists again for
 * each of its time slices. The same tickets either way.
 */
export function hasLink(
  eb: ExpressionBuilder<Database, 'tickets'>,
  only: { article?: string | undefined; relation?: string | undefined } = {},
  db?: Db,
) {
  if (db && isPostgres(db) && only.article === undefined && only.relation === undefined) {
    return sql<boolean>`((tickets.source, tickets.id) in (select ticket_source, ticket_id from ticket_links)
        or tickets.id in (select ticket_id from ticket_links where ticket_source = ''))`;
  }
  let links = eb.selectFrom('ticket_links').select(sql.lit(1).as('one')).where(linkMatchesTicket);
  if (only.article !== undefined) links = links.where('ticket_links.article', '=', only.article);
  if (only.relation !== undefined) links = links.where('ticket_links.relation', '=', only.relation);
  return eb.exists(links);
}

/** Used knowledge: links an article, or the helpdesk recorded knowledgeUsed (the KCS link rate's numerator among resolved tickets); never null, so its negation keeps the rest. `db` as for hasLink. */
export const usedKnowledge = (eb: ExpressionBuilder<Database, 'tickets'>, db?: Db) =>
  sql<boolean>`(coalesce(tickets.knowledge_used, 0) = 1 or ${hasLink(eb, {}, db)})`;

/**
 * Known (known-vs-new, kcs.ts): the ticket links an article whose creation day (`createdOn`,
 * the manifest's created or else reviewed) is a UTC day before the ticket's creation day.
 * `created` maps the build's article ids to that day; links to articles no longer in the
 * build never make a ticket known.
 */
export function linksKnownArticle(eb: ExpressionBuilder<Database, 'tickets'>, created: ReadonlyMap<string, string>) {
  if (created.size === 0) return sql<boolean>`1 = 0`;
  const day = sql`case ticket_links.article ${sql.join(
    [...created].map(([article, date]) => sql`when ${article} then ${date}`),
    sql` `,
  )} else null end`;
  return eb.exists(
    eb
      .selectFrom('ticket_links')
      .select(sql.lit(1).as('one'))
      .where(linkMatchesTicket)
      .where(sql<boolean>`${day} < substr(tickets.created_at, 1, 10)`),
  );
}

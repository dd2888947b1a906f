/**
 * The KCS, support and content-gap metrics' queries over tickets and their links
 * (docs/design.md §4). A period selects tickets by created_at; *resolved* means resolution_seconds
 * is set (resolvedAt, or closedAt lacking it; filled at upsert, migration 0006). Counts are
 * aggregated in SQL per (priority, topic) over the covering index tickets_metrics, so
 * 100,000 tickets come back as a few dozen rows; durations, for exact medians and p90, come
 * back as one delimited list per group (concatAll). Every query runs in time slices
 * (metrics-slices.ts) so no single synchronous SQLite call holds the event loop long.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Lang } from '../../../core/content/article.ts';
import type { Db } from '../index.ts';
import { isPostgres } from '../dialect.ts';
import { forEachSlice, querySliced, sumByKey, type TimeRange } from './metrics-slices.ts';
import { startsWith } from './prefix.ts';
import {
  isReopenedResolved,
  isSatisfied,
  isYoungOpen,
  linkMatchesTicket,
  slaOutcome,
  usedKnowledge,
  type SlaRule,
} from './ticket-predicates.ts';

/** Which tickets a metric counts. */
export interface TicketFilter extends TimeRange {
  lang?: Lang | undefined;
  /** The topic filter with its descendants (topicScope in core/content/topics.ts); undefined = every topic. */
  topics?: readonly string[] | undefined;
}

function ticketsIn(db: Db, filter: TicketFilter, slice: TimeRange) {
  let query = db.selectFrom('tickets').where('tickets.created_at', '>=', slice.start).where('tickets.created_at', '<', slice.end);
  if (filter.lang) query = query.where('tickets.lang', '=', filter.lang);
  if (filter.topics) query = query.where('tickets.topic', 'in', [...filter.topics]);
  return query;
}

const countWhen = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
const groupKey = (r: { priority: string; topic: string | null }) => `${r.priority}\u0000${r.topic ?? ''}`;

/** Ticket counts of one (priority, topic) group. */
export interface TicketOutcomeGroup {
  priority: string;
  topic: string | null;
  tickets: number;
  resolved: number;
  escalated: number;
  /** Resolved tickets reopened at least once. */
  reopened: number;
  csatResponses: number;
  csatSum: number;
  /** Ratings of 4 or 5. */
  csatSatisfied: number;
  /** Unresolved tickets created at or after `maturity.openSince`: too recent to judge (docs/design.md §4). */
  youngOpen: number;
  /** Resolved tickets resolved at or after `maturity.resolvedSince`: too recent for a reopen or a survey answer. */
  recentResolved: number;
  /** Of those, reopened ≥ 1 time, and with a rating. */
  recentReopened: number;
  recentCsatResponses: number;
}

/** The instants (ISO) from which a ticket is too recent to judge; never, when not given. */
export interface Maturity {
  /** Unresolved tickets created at or after this are left out of the resolution rate. */
  openSince: string;
  /** Tickets resolved at or after this are left out of the reopen and CSAT response rates. */
  resolvedSince: string;
}

const NEVER: Maturity = { openSince: '9999', resolvedSince: '9999' };

/** Counts per (priority, topic) of the tickets created in the period. */
export async function ticketOutcomesByGroup(db: Db, filter: TicketFilter, maturity: Maturity = NEVER): Promise<TicketOutcomeGroup[]> {
  const resolvedAt = sql`coalesce(resolved_at, closed_at)`;
  const recent = sql`resolution_seconds is not null and ${resolvedAt} >= ${maturity.resolvedSince}`;
  const rows = await querySliced(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .select([
          'priority',
          'topic',
          sql<number>`count(*)`.as('tickets'),
          sql<number>`count(resolution_seconds)`.as('resolved'),
          sql<number>`sum(escalated)`.as('escalated'),
          countWhen(isReopenedResolved).as('reopened'),
          sql<number>`count(csat)`.as('csatResponses'),
          sql<number>`coalesce(sum(csat), 0)`.as('csatSum'),
          countWhen(isSatisfied).as('csatSatisfied'),
          countWhen(isYoungOpen(maturity.openSince)).as('youngOpen'),
          countWhen(recent).as('recentResolved'),
          countWhen(sql`${recent} and reopened > 0`).as('recentReopened'),
          countWhen(sql`${recent} and csat is not null`).as('recentCsatResponses'),
        ])
        .groupBy(['priority', 'topic'])
        .execute(),
    db,
  );
  const groups = rows.map((r) => ({
    priority: r.priority,
    topic: r.topic,
    tickets: Number(r.tickets),
    resolved: Number(r.resolved),
    escalated: Number(r.escalated),
    reopened: Number(r.reopened),
    csatResponses: Number(r.csatResponses),
    csatSum: Number(r.csatSum),
    csatSatisfied: Number(r.csatSatisfied),
    youngOpen: Number(r.youngOpen),
    recentResolved: Number(r.recentResolved),
    recentReopened: Number(r.recentReopened),
    recentCsatResponses: Number(r.recentCsatResponses),
  }));
  return sumByKey(groups, groupKey, [
    'tickets',
    'resolved',
    'escalated',
    'reopened',
    'csatResponses',
    'csatSum',
    'csatSatisfied',
    'youngOpen',
    'recentResolved',
    'recentReopened',
    'recentCsatResponses',
  ]);
}

export type DurationColumn = 'first_response_seconds' | 'resolution_seconds';

/** A string aggregate of `text` joined by `separator`, in either database (string_agg / group_concat). */
export const concatAll = (db: Db, text: RawBuilder<unknown>, separator: string) =>
  isPostgres(db) ? sql<string | null>`string_agg(${text}, ${separator})` : sql<string | null>`group_concat(${text}, ${separator})`;

/**
 * The recorded durations (seconds) of the period's tickets per (priority, topic), in no
 * particular order, a slice at a time. Each group's durations come back as one delimited list
 * (concatAll), not a row per ticket: materialising ~100,000 row objects was most of the
 * resolution-time metric's cost (docs/performance.md), as it was the scorecards'.
 */
export async function eachTicketDurations(
  db: Db,
  filter: TicketFilter,
  column: DurationColumn,
  consume: (groups: Array<{ priority: string; topic: string | null; seconds: number[] }>) => void,
): Promise<void> {
  await forEachSlice(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .select(['priority', 'topic', concatAll(db, sql`cast(${sql.ref(column)} as text)`, ',').as('seconds')])
        .where(column, 'is not', null)
        .groupBy(['priority', 'topic'])
        .execute(),
    (rows) =>
      consume(
        rows.map((r) => ({
          priority: r.priority,
          topic: r.topic,
          seconds: r.seconds === null || r.seconds === '' ? [] : r.seconds.split(',').map(Number),
        })),
      ),
    db,
  );
}

export type { SlaRule } from './ticket-predicates.ts';

/**
 * Tickets meeting and missing their SLA per (priority, topic). The helpdesk's own slaMet
 * decides when recorded; else the targets: a resolved ticket meets it when resolved within
 * the resolution target and (when a first response is recorded) answered within the
 * first-response target; an unresolved one has missed it once answered late, once older than
 * the resolution target, or once older than the first-response target without an answer;
 * otherwise its outcome is not known yet (neither met nor missed).
 */
export async function slaOutcomesByGroup(
  db: Db,
  filter: TicketFilter,
  rules: readonly SlaRule[],
  now: Date,
): Promise<Array<{ priority: string; topic: string | null; met: number; missed: number }>> {
  // One definition of the outcome for this count and for the list of tickets behind it (ticket-predicates.ts).
  const outcome = slaOutcome(rules, now);
  const rows = await querySliced(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .select(['priority', 'topic', outcome.as('outcome'), sql<number>`count(*)`.as('tickets')])
        .groupBy(['priority', 'topic', 'outcome'])
        .execute(),
    db,
  );
  const groups = new Map<string, { priority: string; topic: string | null; met: number; missed: number }>();
  for (const r of rows) {
    if (r.outcome === null) continue;
    let group = groups.get(groupKey(r));
    if (!group) groups.set(groupKey(r), (group = { priority: r.priority, topic: r.topic, met: 0, missed: 0 }));
    if (Number(r.outcome) === 1) group.met += Number(r.tickets);
    else group.missed += Number(r.tickets);
  }
  return [...groups.values()];
}

/**
 * Resolved tickets, and those with a linked article or knowledgeUsed, per UTC bucket of
 * created_at (13 = hour; see period.ts periodBuckets). A bucket cut by a slice boundary
 * comes back twice; callers add them up.
 */
export async function linkedResolvedByBucket(
  db: Db,
  filter: TicketFilter,
  prefixLength: number,
): Promise<Array<{ bucket: string; resolved: number; linked: number }>> {
  const rows = await querySliced(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .where('resolution_seconds', 'is not', null)
        .select((eb) => [
          sql<string>`substr(tickets.created_at, 1, ${sql.lit(prefixLength)})`.as('bucket'),
          sql<number>`count(*)`.as('resolved'),
          sql<number>`sum(case when ${usedKnowledge(eb, db)} then 1 else 0 end)`.as('linked'),
        ])
        .groupBy('bucket')
        .execute(),
    db,
  );
  return rows.map((r) => ({ bucket: r.bucket, resolved: Number(r.resolved), linked: Number(r.linked) }));
}

/**
 * The article links of resolved tickets created in the period, one row per link (a ticket
 * may link an article by several relations), a slice at a time: all links of a ticket come
 * in the same slice (slices split by the ticket's created_at).
 */
export async function eachResolvedTicketArticles(
  db: Db,
  filter: TicketFilter,
  consume: (rows: Array<{ source: string; id: string; created_at: string; article: string }>) => void,
): Promise<void> {
  await forEachSlice(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .crossJoin('ticket_links')
        .where(linkMatchesTicket)
        .where('tickets.resolution_seconds', 'is not', null)
        .select(['tickets.source', 'tickets.id', 'tickets.created_at', 'ticket_links.article'])
        .execute(),
    consume,
    db,
  );
}

/** Links per article, of tickets created in the period, by relation; `articleLang` keeps articles of one language (the ticket's lang is not filtered). */
export async function linksByArticle(
  db: Db,
  filter: TicketFilter & { articleLang?: Lang | undefined },
): Promise<Array<{ article: string; links: number; tickets: number; createdFrom: number; solvedBy: number; referenced: number }>> {
  const rows = await querySliced(
    filter,
    async (slice) => {
      let query = ticketsIn(db, { ...filter, lang: undefined }, slice)
        .crossJoin('ticket_links')
        .where(linkMatchesTicket);
      if (filter.articleLang) query = query.where(startsWith('ticket_links.article', `${filter.articleLang}/`));
      const sliceRows = await query
        .select([
          'ticket_links.article',
          sql<number>`count(*)`.as('links'),
          // Distinct within the slice; a ticket belongs to one slice only, so slices add up exactly.
          sql<number>`count(distinct tickets.source || ':' || tickets.id)`.as('tickets'),
          countWhen(sql`ticket_links.relation = 'created-from'`).as('createdFrom'),
          countWhen(sql`ticket_links.relation = 'solved-by'`).as('solvedBy'),
          countWhen(sql`ticket_links.relation = 'referenced'`).as('referenced'),
        ])
        .groupBy('ticket_links.article')
        .execute();
      return sliceRows.map((r) => ({
        article: r.article,
        links: Number(r.links),
        tickets: Number(r.tickets),
        createdFrom: Number(r.createdFrom),
        solvedBy: Number(r.solvedBy),
        referenced: Number(r.referenced),
      }));
    },
    db,
  );
  return sumByKey(rows, (r) => r.article, ['links', 'tickets', 'createdFrom', 'solvedBy', 'referenced']);
}

/** Tickets and escalated tickets per topic (tickets without a topic left out). */
export async function ticketsByTopic(db: Db, filter: TicketFilter): Promise<Array<{ topic: string; tickets: number; escalated: number }>> {
  // Grouped by (topic, escalated): grouping by topic alone tempts SQLite's planner to walk the whole
  // (topic, created_at) index, with a table look-up per ticket, to save a sort.
  const rows = await querySliced(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .where('topic', 'is not', null)
        .select(['topic', 'escalated', sql<number>`count(*)`.as('tickets')])
        .groupBy(['topic', 'escalated'])
        .execute(),
    db,
  );
  const byTopic = new Map<string, { topic: string; tickets: number; escalated: number }>();
  for (const r of rows) {
    let counts = byTopic.get(r.topic!);
    if (!counts) byTopic.set(r.topic!, (counts = { topic: r.topic!, tickets: 0, escalated: 0 }));
    counts.tickets += Number(r.tickets);
    if (Number(r.escalated) === 1) counts.escalated += Number(r.tickets);
  }
  return [...byTopic.values()];
}

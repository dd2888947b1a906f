/**
 * The scorecards' queries (docs/design.md §8). A card's counts are summed in SQL per agent
 * (GROUP BY agent, one row per agent and time slice); only the durations that medians, p90s and
 * the mix adjustment need come back per ticket, and those as one delimited string per agent
 * and slice (group_concat / string_agg), not as a row each: materialising ~100,000 row objects
 * was most of a quarter's cost (docs/performance.md, "Scorecards and the period report"). The
 * article links come from the links' side (a few per ticket that has any), not one probe per
 * ticket. A period selects tickets by created_at; the ticket query runs in time slices on SQLite
 * (metrics-slices.ts). The SLA outcome and the other predicates are the metrics' own
 * (ticket-predicates.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../index.ts';
import { forEachSlice } from './metrics-slices.ts';
import { concatAll, type Maturity, type TicketFilter } from './metrics-tickets.ts';
import { isEscalated, isSatisfied, isYoungOpen, slaOutcome, type SlaRule } from './ticket-predicates.ts';

/** One ticket of the period as a scorecard reads it (the reference shape; mixReference takes it). */
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

/** The counts of one agent's tickets of the period (agent null: the tickets without one). */
export interface AgentCounts {
  tickets: number;
  resolved: number;
  /** Unresolved tickets created at or after maturity.openSince. */
  tooRecent: number;
  slaMet: number;
  slaMissed: number;
  escalated: number;
  csatSum: number;
  csatResponses: number;
  /** Ratings of 4 or 5. */
  csatSatisfied: number;
  /** Resolved tickets resolved before maturity.resolvedSince (judged for reopening), and of those reopened ≥ 1 time. */
  reopenJudged: number;
  reopened: number;
  /** Resolved tickets with knowledgeUsed (links are counted apart: periodTicketLinks). */
  knowledgeResolved: number;
  /** Sum of the minutes logged; null when no ticket has any. */
  minutes: number | null;
}

/** One agent's tickets of the period: the counts, and the durations (seconds) of the tickets that have them. */
export interface AgentTickets extends AgentCounts {
  agent: string | null;
  firstResponse: number[];
  /** Resolution seconds of the resolved tickets, and beside each (same index) its cell: cellKey(topic, priority). */
  resolution: number[];
  resolutionCell: string[];
}

const COUNTS: ReadonlyArray<Exclude<keyof AgentCounts, 'minutes'>> = [
  'tickets',
  'resolved',
  'tooRecent',
  'slaMet',
  'slaMissed',
  'escalated',
  'csatSum',
  'csatResponses',
  'csatSatisfied',
  'reopenJudged',
  'reopened',
  'knowledgeResolved',
];

/** The counts summed as they come; the others arrive in pairs (unpair). */
const SUMMED = ['tickets', 'resolved', 'tooRecent', 'escalated', 'csatSum', 'csatResponses', 'csatSatisfied', 'knowledgeResolved'] as const;

/** Two counts carried in one sum: first × PAIR + second (each count far below 2³², the sum exact in a double). */
const PAIR = 2 ** 32;
const unpair = (value: unknown): [number, number] => {
  const v = Number(value ?? 0);
  const first = Math.floor(v / PAIR);
  return [first, v - first * PAIR];
};

/** The (topic, priority) cell of a ticket as the duration lists name it: topic ('' for none), FIELD, priority. */
export const cellKey = (topic: string | null, priority: string) => `${topic ?? ''}${FIELD}${priority}`;
/** The topic of a cell ('' for none). */
export const cellTopic = (cell: string) => cell.slice(0, cell.indexOf(FIELD));

/** Separators of the per-agent duration lists: a ticket's fields, and tickets (no topic id or priority holds them). */
const FIELD = '\u001f';
const RECORD = '\u001e';

function ticketsIn(db: Db, filter: TicketFilter, slice: { start: string; end: string }) {
  let query = db.selectFrom('tickets').where('tickets.created_at', '>=', slice.start).where('tickets.created_at', '<', slice.end);
  if (filter.lang) query = query.where('tickets.lang', '=', filter.lang);
  if (filter.topics) query = query.where('tickets.topic', 'in', [...filter.topics]);
  return query;
}

const countWhen = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

const splitNumbers = (list: string | null, into: number[]) => {
  if (list === null || list === '') return;
  for (const s of list.split(',')) into.push(Number(s));
};

/**
 * Every agent's tickets of the period (and those without an agent, agent null), a slice at a
 * time, folded per agent: counts from SQL aggregates, durations decoded from the lists.
 */
export async function agentTicketsOf(
  db: Db,
  filter: TicketFilter,
  options: { maturity: Maturity; slaRules: readonly SlaRule[]; now: Date },
): Promise<Map<string | null, AgentTickets>> {
  const { maturity } = options;
  const outcome = slaOutcome(options.slaRules, options.now);
  const resolvedAt = sql`coalesce(resolved_at, closed_at)`;
  const byAgent = new Map<string | null, AgentTickets>();
  await forEachSlice(
    filter,
    (slice) =>
      ticketsIn(db, filter, slice)
        .select([
          // Grouped by an expression, not the column: grouping by agent tempts SQLite's planner to
          // walk the whole (agent, created_at) index to save a sort (|| '' keeps null apart).
          sql<string | null>`agent || ''`.as('agent'),
          sql<number>`count(*)`.as('tickets'),
          sql<number>`count(resolution_seconds)`.as('resolved'),
          countWhen(isYoungOpen(maturity.openSince)).as('tooRecent'),
          // Two counts in one sum (the first × 2³², both far below it), so the SLA case and the
          // reopen judgement are evaluated once per ticket, not once per count.
          sql<number>`sum(case ${outcome} when 1 then ${sql.lit(PAIR)} when 0 then 1 else 0 end)`.as('slaPair'),
          countWhen(isEscalated).as('escalated'),
          sql<number>`coalesce(sum(csat), 0)`.as('csatSum'),
          sql<number>`count(csat)`.as('csatResponses'),
          countWhen(isSatisfied).as('csatSatisfied'),
          sql<number>`sum(case when resolution_seconds is not null and (${resolvedAt} is null or ${resolvedAt} < ${maturity.resolvedSince})
            then (case when reopened > 0 then ${sql.lit(PAIR + 1)} else 1 end) else 0 end)`.as('reopenPair'),
          countWhen(sql`resolution_seconds is not null and knowledge_used = 1`).as('knowledgeResolved'),
          sql<number | null>`sum(minutes_logged)`.as('minutes'),
          concatAll(db, sql`cast(first_response_seconds as text)`, ',').as('firstResponse'),
          concatAll(db, sql`coalesce(topic, '') || ${FIELD} || priority || ${FIELD} || cast(resolution_seconds as text)`, RECORD).as(
            'resolution',
          ),
        ])
        .groupBy(sql`agent || ''`)
        .execute(),
    (rows) => {
      for (const r of rows) {
        let a = byAgent.get(r.agent);
        if (!a) {
          a = {
            agent: r.agent,
            ...(Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<(typeof COUNTS)[number], number>),
            minutes: null,
            firstResponse: [],
            resolution: [],
            resolutionCell: [],
          };
          byAgent.set(r.agent, a);
        }
        for (const c of SUMMED) a[c] += Number(r[c] ?? 0);
        const [met, missed] = unpair(r.slaPair);
        a.slaMet += met;
        a.slaMissed += missed;
        const [reopened, judged] = unpair(r.reopenPair);
        a.reopened += reopened;
        a.reopenJudged += judged;
        if (r.minutes !== null) a.minutes = (a.minutes ?? 0) + Number(r.minutes);
        splitNumbers(r.firstResponse, a.firstResponse);
        if (r.resolution !== null && r.resolution !== '')
          for (const record of r.resolution.split(RECORD)) {
            const last = record.lastIndexOf(FIELD);
            a.resolutionCell.push(record.slice(0, last));
            a.resolution.push(Number(record.slice(last + 1)));
          }
      }
    },
    // One slice on PostgreSQL (metrics-slices.ts): nothing there holds the event loop.
    db,
  );
  return byAgent;
}

/** One article link of a ticket of the period that has an agent. */
export interface PeriodLink {
  /** The ticket, as source and id joined by a NUL. */
  ticket: string;
  agent: string;
  article: string;
  relation: string;
  /** The ticket is resolved and has no knowledgeUsed (its link alone makes it "linked"). */
  linksOnly: boolean;
}

/**
 * The article links of the period's tickets that have an agent, one row per link. Read from the
 * links' side: each link looks up the tickets with its ticket id (tickets_id), so the cost
 * follows the links, not the period's tickets (most of which link nothing).
 */
export async function periodTicketLinks(db: Db, filter: TicketFilter): Promise<PeriodLink[]> {
  let query = db
    .selectFrom('ticket_links')
    // CROSS JOIN keeps the written order in SQLite (the links drive); PostgreSQL plans it as any join.
    .crossJoin('tickets')
    .where((eb) =>
      eb.and([
        eb('tickets.id', '=', eb.ref('ticket_links.ticket_id')),
        eb.or([eb('ticket_links.ticket_source', '=', eb.ref('tickets.source')), eb('ticket_links.ticket_source', '=', '')]),
      ]),
    )
    .where('tickets.created_at', '>=', filter.start)
    .where('tickets.created_at', '<', filter.end)
    .where('tickets.agent', 'is not', null);
  if (filter.lang) query = query.where('tickets.lang', '=', filter.lang);
  if (filter.topics) query = query.where('tickets.topic', 'in', [...filter.topics]);
  const rows = await query
    .select([
      'tickets.source',
      'tickets.id',
      'tickets.agent',
      'tickets.resolution_seconds',
      'tickets.knowledge_used',
      'ticket_links.article',
      'ticket_links.relation',
    ])
    .execute();
  return rows.map((r) => ({
    ticket: `${r.source}\u0000${r.id}`,
    agent: r.agent!,
    article: r.article,
    relation: r.relation,
    linksOnly: r.resolution_seconds !== null && Number(r.knowledge_used ?? 0) !== 1,
  }));
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

/**
 * Drill-down (issue 18, docs/dashboards.md "Drill-down"): every count a dashboard or the period
 * report shows links to the list of the tickets or articles it counts, with the same filters
 * in the address. This module is the zod-free half of the contract — the filter names, their
 * order in an address, the statuses, and the builders of `/staff/tickets/?…` and
 * `/staff/articles/?…` — so browser islands import it without growing their bundle;
 * core/contracts/drill-down.ts builds the API's schemas from the same constants.
 */
import type { ArticleListFilters, TicketListFilters } from './drill-down.ts';

/**
 * What a ticket list keeps besides its period and dimensions, each EXACTLY the count of the
 * metric named beside it for the same filters (api/metrics/drill-predicates.ts holds the
 * shared predicates):
 * - `resolved` — resolvedAt, or closedAt lacking it (resolution-rate `resolved`, scorecards `resolved`)
 * - `open` — not resolved
 * - `too-recent` — not resolved and younger than W days at the report's end (resolution-rate `tooRecent`)
 * - `escalated` — escalated to tier 2 (escalation-rate `escalated`)
 * - `reopened` — resolved and reopened at least once (reopen-rate `reopened`)
 * - `sla-met` / `sla-breached` — SLA outcome known and met / missed (sla-attainment `met` / `missed`)
 * - `linked` / `unlinked` — resolved, with / without a linked article or knowledgeUsed (link-rate `linked`)
 * - `known` / `new` — resolved and linking an article that existed before / did not (known-vs-new)
 * - `created-article` — an article was created from it (a `created-from` link)
 * - `surveyed` — has a CSAT rating (csat `responses`); `satisfied` — rated 4–5; `dissatisfied` — rated 1–3
 */
export const TICKET_LIST_STATUSES = [
  'resolved',
  'open',
  'too-recent',
  'escalated',
  'reopened',
  'sla-met',
  'sla-breached',
  'linked',
  'unlinked',
  'known',
  'new',
  'created-article',
  'surveyed',
  'satisfied',
  'dissatisfied',
] as const;
export type TicketListStatus = (typeof TICKET_LIST_STATUSES)[number];

/**
 * What an article list keeps:
 * - `created` — created (frontmatter `created`) within from..to (period report `articlesCreated`)
 * - `updated` — last reviewed within from..to, and not on its creation day (period report `articlesUpdated`)
 * - `created-from-tickets` — created from a ticket of the period (a `created-from` link; scorecards `articlesCreated`)
 * - `flagged` — has an open flag
 * - `review-overdue` — published and due for review on or before `to` (overdue-reviews)
 */
export const ARTICLE_LIST_STATES = ['created', 'updated', 'created-from-tickets', 'flagged', 'review-overdue'] as const;
export type ArticleListState = (typeof ARTICLE_LIST_STATES)[number];

/** The ticket-list filters in the order they appear in an address (and in the filter chips). */
export const TICKET_FILTER_KEYS = [
  'from',
  'to',
  'tz',
  'topic',
  'lang',
  'priority',
  'source',
  'agent',
  'team',
  'status',
  'article',
  'relation',
] as const satisfies ReadonlyArray<keyof TicketListFilters>;

/** The article-list filters in address order. */
export const ARTICLE_FILTER_KEYS = [
  'from',
  'to',
  'tz',
  'topic',
  'lang',
  'type',
  'kcs',
  'state',
  'agent',
  'team',
] as const satisfies ReadonlyArray<keyof ArticleListFilters>;

/** The paging parameters, after the filters in an address. */
export const PAGING_KEYS = ['page', 'limit'] as const;

/** Rows per page: the default and the most one request may ask for. */
export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 200;

/** Where the ticket list and the article list live. */
export const TICKET_LIST_PATH = '/staff/tickets/';
export const ARTICLE_LIST_PATH = '/staff/articles/';

type Paging = { page?: number | undefined; limit?: number | undefined };

function queryOf(filters: Record<string, unknown>, keys: readonly string[]): string {
  const params = new URLSearchParams();
  for (const key of [...keys, ...PAGING_KEYS]) {
    const value = filters[key];
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** `/staff/tickets/?…`: the set filters in TICKET_FILTER_KEYS order, then page and limit; unset ones left out. */
export function ticketListHref(filters: Partial<TicketListFilters> & Paging = {}): string {
  return `${TICKET_LIST_PATH}${queryOf(filters, TICKET_FILTER_KEYS)}`;
}

/** `/staff/articles/?…`: the set filters in ARTICLE_FILTER_KEYS order, then page and limit. */
export function articleListHref(filters: Partial<ArticleListFilters> & Paging = {}): string {
  return `${ARTICLE_LIST_PATH}${queryOf(filters, ARTICLE_FILTER_KEYS)}`;
}

/** The same list's filters as the API's query string (`/api/tickets?…`, `/api/staff/articles?…`): the part after the path. */
export const listQueryOf = (href: string): string => {
  const i = href.indexOf('?');
  return i < 0 ? '' : href.slice(i);
};

/** What a count of a metric lists: the ticket list with a status (null: no status, every ticket), or the article list with a state. */
type CountTarget = { tickets: TicketListStatus | null } | { articles: ArticleListState };

/**
 * The list behind each count the metrics answer, by metric id and field (a part, or a row's
 * column): the dashboards and the report link a count through countHref instead of choosing
 * a status themselves. Counts not listed here (medians, rates, sums of minutes) have no list.
 */
export const DRILL_COUNTS: Readonly<Record<string, Readonly<Record<string, CountTarget>>>> = {
  'resolution-rate': { tickets: { tickets: null }, resolved: { tickets: 'resolved' }, tooRecent: { tickets: 'too-recent' } },
  'resolution-time': { tickets: { tickets: 'resolved' } },
  'escalation-rate': { tickets: { tickets: null }, escalated: { tickets: 'escalated' } },
  'reopen-rate': { resolved: { tickets: 'resolved' }, reopened: { tickets: 'reopened' } },
  'sla-attainment': { met: { tickets: 'sla-met' }, missed: { tickets: 'sla-breached' } },
  csat: { responses: { tickets: 'surveyed' } },
  'link-rate': { resolved: { tickets: 'resolved' }, linked: { tickets: 'linked' } },
  'known-vs-new': { known: { tickets: 'known' }, new: { tickets: 'new' } },
  'content-gaps': { tickets: { tickets: null }, escalated: { tickets: 'escalated' } },
  'overdue-reviews': { value: { articles: 'review-overdue' } },
  'agent-scorecards': {
    tickets: { tickets: null },
    resolved: { tickets: 'resolved' },
    tooRecent: { tickets: 'too-recent' },
    csatResponses: { tickets: 'surveyed' },
    articlesCreated: { articles: 'created-from-tickets' },
  },
  'team-scorecards': {
    tickets: { tickets: null },
    resolved: { tickets: 'resolved' },
    tooRecent: { tickets: 'too-recent' },
    csatResponses: { tickets: 'surveyed' },
    articlesCreated: { articles: 'created-from-tickets' },
  },
};

/**
 * The address of the list behind `field` of metric `metric` for `filters` (the period, and
 * the row's topic, priority, agent or team), or null when that count has no list.
 * countHref('escalation-rate', 'escalated', { from, to, tz, topic: 'accounts' }) →
 * `/staff/tickets/?from=…&to=…&tz=…&topic=accounts&status=escalated`.
 */
export function countHref(
  metric: string,
  field: string,
  filters: Partial<Omit<TicketListFilters, 'status'>> & Partial<Omit<ArticleListFilters, 'state'>> = {},
): string | null {
  const target = DRILL_COUNTS[metric]?.[field];
  if (!target) return null;
  if ('articles' in target) {
    const { from, to, tz, topic, lang, agent, team } = filters;
    return articleListHref({ from, to, tz, topic, lang, agent, team, state: target.articles });
  }
  const { type: _type, kcs: _kcs, ...ticketFilters } = filters;
  return ticketListHref({ ...ticketFilters, ...(target.tickets === null ? {} : { status: target.tickets }) });
}

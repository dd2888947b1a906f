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

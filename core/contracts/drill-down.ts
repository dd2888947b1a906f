/**
 * Drill-down (issue 18, docs/dashboards.md "Drill-down"): the filters of the ticket list
 * (GET /api/tickets, the page /staff/tickets/) and of the article list (GET /api/staff/articles,
 * the page /staff/articles/), and the rows they answer. Every count in a dashboard table or in
 * the period report links to the list it counts through ticketListHref / articleListHref
 * (drill-down-values.ts, zod-free for the browser), with the same filters in the address, and
 * the list's total equals the count: a status keeps exactly what the metric counts
 * (api/metrics/drill-predicates.ts).
 *
 * The period is the metrics' (from/to local dates in tz, default the last 30 days; tickets by
 * their createdAt, docs/design.md §4); `topic` includes its descendants, like every topic figure.
 */
import { z } from './zod.ts';
import { ARTICLE_TYPES, KCS_STATES, LANGS, TICKET_ID_PATTERN } from '../content/article.ts';
import { LINK_RELATIONS, TICKET_PRIORITIES, TICKET_SOURCES } from '../tickets/ticket.ts';
import { isoDateSchema, timeZoneSchema, topicFilterSchema } from './metrics.ts';
import { DEFAULT_TZ, MAX_RANGE_DAYS } from './metric-values.ts';
import { ARTICLE_LIST_STATES, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, TICKET_LIST_STATUSES } from './drill-down-values.ts';

export * from './drill-down-values.ts';

/** An agent id or a team name as the tickets and the roster carry them. */
const nameSchema = z.string().trim().min(1).max(200);

const periodFields = {
  from: isoDateSchema
    .optional()
    .openapi({ example: '2026-11-01', description: 'First local date, YYYY-MM-DD (default: 29 days before to)' }),
  to: isoDateSchema.optional().openapi({
    example: '2026-11-30',
    description: `Last local date, inclusive (default: today in tz); at most ${MAX_RANGE_DAYS} days after from`,
  }),
  tz: timeZoneSchema
    .optional()
    .openapi({ example: DEFAULT_TZ, description: `IANA time zone the dates are read in (default ${DEFAULT_TZ})` }),
  topic: topicFilterSchema.optional().openapi({ description: 'Only this topic and its descendants' }),
  lang: z.enum(LANGS).optional().openapi({ description: 'Only this language' }),
};

/** The ticket list's filters: a period, its dimensions, and one status (TICKET_LIST_STATUSES). */
export const ticketListFiltersSchema = z
  .object({
    ...periodFields,
    priority: z.enum(TICKET_PRIORITIES).optional(),
    source: z.enum(TICKET_SOURCES).optional(),
    agent: nameSchema.optional().openapi({ description: 'Only tickets of this agent id' }),
    team: nameSchema.optional().openapi({ description: "Only tickets of this team's agents (the roster, or the staff accounts)" }),
    status: z
      .enum(TICKET_LIST_STATUSES, { errorMap: () => ({ message: `must be one of ${TICKET_LIST_STATUSES.join(', ')}` }) })
      .optional()
      .openapi({ description: 'Only the tickets one count counts (docs/dashboards.md, Drill-down)' }),
    article: z
      .string()
      .max(120)
      .regex(new RegExp(`^(?:${LANGS.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`), 'must be an article id such as zh-CN/reset-password')
      .optional()
      .openapi({ description: 'Only tickets that link this article' }),
    relation: z.enum(LINK_RELATIONS).optional().openapi({ description: 'With article: only links of this relation' }),
  })
  .strict();
export type TicketListFilters = z.infer<typeof ticketListFiltersSchema>;

const pagingFields = {
  page: z.coerce.number().int().min(1).max(100_000).optional().openapi({ description: 'Page, from 1 (default 1)' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIST_LIMIT)
    .optional()
    .openapi({ description: `Rows per page (default ${DEFAULT_LIST_LIMIT}, at most ${MAX_LIST_LIMIT})` }),
};
const formatField = {
  format: z
    .enum(['json', 'csv'], { errorMap: () => ({ message: 'must be json or csv' }) })
    .optional()
    .openapi({ description: 'json (default) or csv (every matching row, not one page)' }),
};

/** GET /api/tickets's query. */
export const ticketListQuerySchema = ticketListFiltersSchema.extend({ ...pagingFields, ...formatField }).strict();
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

/** One ticket of the list, as the staff pages show it (subject redacted like the ticket view). */
export const ticketListRowSchema = z
  .object({
    source: z.enum(TICKET_SOURCES),
    id: z.string().regex(TICKET_ID_PATTERN),
    subject: z.string(),
    topic: z.string().nullable(),
    priority: z.enum(TICKET_PRIORITIES),
    agent: z.string().nullable().openapi({ description: 'The agent id' }),
    agentName: z.string().nullable().openapi({ description: "The agent's display name (staff account, else roster, else the id)" }),
    status: z.string().openapi({ description: "The helpdesk's status (new, open, pending, solved, closed)" }),
    createdAt: z.string(),
    resolvedAt: z.string().nullable().openapi({ description: 'resolvedAt, or closedAt lacking it; null when unresolved' }),
    escalated: z.boolean(),
    reopened: z.number().int().openapi({ description: 'Times reopened' }),
    csat: z.number().int().nullable(),
    links: z.number().int().openapi({ description: 'Linked articles' }),
    href: z.string().openapi({ example: '/staff/tickets/zendesk/35436' }),
  })
  .openapi('TicketListRow');
export type TicketListRow = z.infer<typeof ticketListRowSchema>;

/** GET /api/tickets as JSON. */
export const ticketListSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    /** The filters as read (defaults filled in), for the chips and for the CSV's address. */
    filters: z.record(z.string()),
    total: z.number().int().openapi({ description: 'Every matching ticket the caller may see; equals the count the link came from' }),
    outsideView: z.number().int().openapi({
      description: "Matching tickets left out because the caller's role does not see them (an agent sees their own, a lead their team's)",
    }),
    page: z.number().int(),
    limit: z.number().int(),
    rows: z.array(ticketListRowSchema),
  })
  .openapi('TicketList');
export type TicketList = z.infer<typeof ticketListSchema>;

/** The article list's filters. */
export const articleListFiltersSchema = z
  .object({
    ...periodFields,
    type: z.enum(ARTICLE_TYPES).optional(),
    kcs: z.enum(KCS_STATES).optional().openapi({ description: 'Only articles in this KCS state' }),
    state: z
      .enum(ARTICLE_LIST_STATES, { errorMap: () => ({ message: `must be one of ${ARTICLE_LIST_STATES.join(', ')}` }) })
      .optional()
      .openapi({ description: 'Only the articles one count counts (docs/dashboards.md, Drill-down)' }),
    agent: nameSchema.optional().openapi({
      description:
        'With created-from-tickets: created from tickets of this agent (topic and lang then filter those tickets, as the scorecards count)',
    }),
    team: nameSchema.optional().openapi({ description: "With created-from-tickets: created from tickets of this team's agents" }),
  })
  .strict();
export type ArticleListFilters = z.infer<typeof articleListFiltersSchema>;

/** GET /api/staff/articles's query. */
export const articleListQuerySchema = articleListFiltersSchema.extend({ ...pagingFields, ...formatField }).strict();
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

export const articleListRowSchema = z
  .object({
    id: z.string().openapi({ example: 'zh-CN/reset-password' }),
    /** Whether the served build has the article; a link may name one since removed (then only id and lang are known). */
    inBuild: z.boolean(),
    title: z.string(),
    lang: z.enum(LANGS),
    type: z.enum(ARTICLE_TYPES).nullable(),
    topic: z.string().nullable(),
    kcs: z.enum(KCS_STATES).nullable(),
    audience: z.string().nullable(),
    owner: z.string().nullable(),
    created: z.string().nullable(),
    reviewed: z.string().nullable(),
    reviewDue: z.string().nullable(),
    url: z.string().nullable(),
    href: z.string().openapi({ example: '/staff/articles/zh-CN/reset-password' }),
  })
  .openapi('ArticleListRow');
export type ArticleListRow = z.infer<typeof articleListRowSchema>;

export const articleListSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    filters: z.record(z.string()),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    rows: z.array(articleListRowSchema),
  })
  .openapi('ArticleList');
export type ArticleList = z.infer<typeof articleListSchema>;

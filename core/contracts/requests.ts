/**
 * The requests inbox's contracts (issue 16, docs/design.md §7): what staff and customers send
 * to /api/requests and what they get back. The customer's key (`k`) stands in for a staff
 * credential; a wrong one is answered exactly like an unknown reference (404).
 */
import { z } from './zod.ts';
import { articleIdSchema, LANGS, TOPIC_ID_PATTERN } from '../content/article.ts';
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from '../tickets/ticket.ts';

/** The longest message, reply or note (about three pages). */
export const MESSAGE_MAX = 10_000;
/** Minutes one action may record (工时): a working day at most. */
export const MINUTES_MAX = 24 * 60;
export const SURVEY_COMMENT_MAX = 2000;
/** Unanswered this long after resolution, a request closes by itself. */
export const SURVEY_WAIT_DAYS = 7;

/** The customer's key from the private link; any other value is a 404, like a wrong key. */
export const requestKeySchema = z.string().max(200).openapi({ description: "The key of the customer's private link" });

const messageBody = z
  .string({ required_error: 'required' })
  .trim()
  .min(1, 'must not be empty')
  .max(MESSAGE_MAX, `must be at most ${MESSAGE_MAX} characters`);
const minutes = z
  .number()
  .int('must be a whole number of minutes')
  .min(0)
  .max(MINUTES_MAX, `must be at most ${MINUTES_MAX}`)
  .optional()
  .openapi({ description: 'Minutes spent (工时)' });
const note = z.string().trim().max(MESSAGE_MAX, `must be at most ${MESSAGE_MAX} characters`).optional();

/** POST /api/requests/<ref>/messages: a staff reply or note ({ body, internal?, minutes? }) or the customer's reply ({ k, body }). */
export const requestMessageSchema = z
  .object({
    body: messageBody,
    /** An internal note, never shown to the customer (staff only). */
    internal: z.boolean().optional(),
    minutes,
    /** The customer's key: present, the message is the customer's. */
    k: requestKeySchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.k === undefined) return;
    for (const field of ['internal', 'minutes'] as const)
      if (m[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is for staff only; leave it out with k' });
  })
  .openapi('RequestMessageInput');
export type RequestMessageInput = z.infer<typeof requestMessageSchema>;

const assignee = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** POST /api/requests/<ref>/actions. */
export const requestActionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('assign'), /** Omitted: the caller. */ assignee: assignee.optional(), minutes }).strict(),
    z
      .object({
        action: z.literal('set'),
        topic: z.string().regex(TOPIC_ID_PATTERN, 'must be a lowercase kebab-case topic id').max(80).nullable().optional(),
        priority: z.enum(TICKET_PRIORITIES).optional(),
        minutes,
      })
      .strict(),
    z
      .object({
        action: z.literal('escalate'),
        note: z.string({ required_error: 'required: why tier 2 should take it' }).trim().min(1, 'must not be empty').max(MESSAGE_MAX),
        minutes,
      })
      .strict(),
    z
      .object({
        action: z.literal('resolve'),
        /** The article that solved it (a solved-by link). */
        article: articleIdSchema.optional(),
        /** No article yet: a new problem (KCS "new"). */
        asNew: z.literal(true).optional(),
        note,
        minutes,
      })
      .strict(),
    z.object({ action: z.literal('reopen'), note, minutes }).strict(),
  ])
  .superRefine((a, ctx) => {
    if (a.action === 'set' && a.topic === undefined && a.priority === undefined)
      ctx.addIssue({ code: 'custom', path: ['priority'], message: 'give topic or priority (or both)' });
    if (a.action === 'resolve' && (a.article === undefined) === (a.asNew === undefined))
      ctx.addIssue({ code: 'custom', path: ['article'], message: 'give either article (the one that solved it) or asNew: true' });
  })
  .openapi('RequestActionInput');
export type RequestActionInput = z.infer<typeof requestActionSchema>;
export type RequestAction = RequestActionInput['action'];

/** POST /api/requests/<ref>/survey (满意度调查), once per request. */
export const requestSurveySchema = z
  .object({
    k: requestKeySchema,
    /** "Did this solve your problem?" — false reopens the request. */
    solved: z.boolean({ required_error: 'required', invalid_type_error: 'must be true or false' }),
    rating: z
      .number({ required_error: 'required' })
      .int('must be a whole number from 1 to 5')
      .min(1, 'must be from 1 to 5')
      .max(5, 'must be from 1 to 5'),
    comment: z.string().trim().max(SURVEY_COMMENT_MAX, `must be at most ${SURVEY_COMMENT_MAX} characters`).optional(),
  })
  .strict()
  .openapi('RequestSurveyInput');
export type RequestSurveyInput = z.infer<typeof requestSurveySchema>;

export const REQUEST_SORTS = ['newest', 'urgent'] as const;

/** GET /api/requests. */
export const requestListQuerySchema = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    topic: z.string().regex(TOPIC_ID_PATTERN, 'must be a lowercase kebab-case topic id').max(80).optional(),
    /** An agent's name; `none` for unassigned requests. */
    assignee: assignee.optional(),
    tier: z.enum(['1', '2']).transform(Number).optional(),
    source: z.enum(TICKET_SOURCES).optional(),
    sort: z.enum(REQUEST_SORTS).default('newest'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

export const slaClocksSchema = z
  .object({
    firstResponseDue: z.string(),
    resolutionDue: z.string(),
    firstResponseBreached: z.boolean(),
    resolutionBreached: z.boolean(),
    overdue: z.boolean(),
  })
  .openapi('SlaClocks');

/** One row of the inbox list. */
export const requestSummarySchema = z
  .object({
    ref: z.string(),
    source: z.enum(TICKET_SOURCES),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(TICKET_PRIORITIES),
    topic: z.string().nullable(),
    assignee: z.string().nullable(),
    tier: z.number().int(),
    lang: z.enum(LANGS).nullable(),
    createdAt: z.string(),
    firstResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    /** Imported from a helpdesk: worked there, read-only here. */
    readOnly: z.boolean(),
    sla: slaClocksSchema,
  })
  .openapi('RequestSummary');
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const requestListSchema = z
  .object({ requests: z.array(requestSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .openapi('RequestList');

export const MESSAGE_KINDS = ['customer', 'reply', 'note'] as const;

export const requestMessageSchemaOut = z
  .object({
    id: z.number().int(),
    kind: z.enum(MESSAGE_KINDS),
    author: z.string(),
    body: z.string(),
    minutes: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .openapi('RequestMessage');

export const requestHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string(),
    actor: z.string(),
    minutes: z.number().int().nullable(),
    note: z.string().nullable(),
    before: z.record(z.unknown()).nullable(),
    after: z.record(z.unknown()).nullable(),
    createdAt: z.string(),
  })
  .openapi('RequestHistoryEntry');

export const surveyAnswerSchema = z
  .object({ solved: z.boolean(), rating: z.number().int(), comment: z.string().nullable(), answeredAt: z.string() })
  .openapi('SurveyAnswer');

/** GET /api/requests/<ref> for staff. */
export const staffRequestSchema = requestSummarySchema
  .extend({
    description: z.string().nullable(),
    requester: z.string().nullable(),
    escalated: z.boolean(),
    closedAt: z.string().nullable(),
    csat: z.number().int().nullable(),
    reopened: z.number().int(),
    messages: z.array(requestMessageSchemaOut),
    history: z.array(requestHistoryEntrySchema),
    survey: surveyAnswerSchema.nullable(),
    /** Articles linked to it (any relation). */
    articles: z.array(z.string()),
    /** Whether e-mail is configured: without it, replies reach the customer only on the request's page. */
    mailConfigured: z.boolean(),
    /** Minutes recorded on it, all actions and messages together. */
    minutes: z.number().int(),
  })
  .openapi('StaffRequest');
export type StaffRequest = z.infer<typeof staffRequestSchema>;

/** GET /api/requests/<ref>?k=: the customer's view, without internal notes or staff-only fields. */
export const customerRequestSchema = z
  .object({
    ref: z.string(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    lang: z.enum(LANGS),
    createdAt: z.string(),
    messages: z.array(
      z.object({ kind: z.enum(['customer', 'reply']), body: z.string(), createdAt: z.string() }).openapi('CustomerRequestMessage'),
    ),
    /** Resolved and not yet surveyed: the page asks "Did this solve your problem?". */
    surveyOpen: z.boolean(),
    survey: z.object({ solved: z.boolean(), rating: z.number().int() }).nullable(),
  })
  .openapi('CustomerRequest');
export type CustomerRequest = z.infer<typeof customerRequestSchema>;

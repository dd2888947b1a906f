/**
 * The canonical ticket and ticket–article link (docs/design.md §1). Every importer, webhook
 * adapter and API route maps helpdesk data onto this one schema and validates with it.
 */
import { z } from '../contracts/zod.ts';
import { articleIdSchema, TICKET_ID_PATTERN, TOPIC_ID_PATTERN } from '../content/article.ts';
import { HELPDESK_IDS } from './helpdesks.ts';
import { isoDateTimeSchema } from '../contracts/dates.ts';

/**
 * Where a ticket came from: a helpdesk (core/tickets/helpdesks.ts), a generic CSV import,
 * the contact form (`web`) or `POST /api/tickets` (`api`).
 */
export const TICKET_SOURCES = [...HELPDESK_IDS, 'csv', 'web', 'api'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export const LINK_RELATIONS = ['created-from', 'solved-by', 'referenced'] as const;

/** Ticket times: real calendar dates within the client date range (core/contracts/dates.ts). */
const isoDateTime = isoDateTimeSchema;

/** A ticket id as the helpdesk writes it (unique per source). */
export const ticketIdSchema = z.string().regex(TICKET_ID_PATTERN, 'must be a ticket id such as INC0012345 or 35436');

export const ticketSchema = z
  .object({
    id: ticketIdSchema,
    source: z.enum(TICKET_SOURCES),
    subject: z.string().trim().min(1, 'must not be empty').max(500),
    description: z.string().max(20_000).optional(),
    /** A topic id, or the helpdesk's category slugified (kept even when not in topics.yaml). */
    topic: z.string().regex(TOPIC_ID_PATTERN, 'must be a lowercase kebab-case topic id').max(80).optional(),
    product: z.string().max(120).optional(),
    priority: z.enum(TICKET_PRIORITIES),
    status: z.enum(TICKET_STATUSES),
    channel: z.string().max(40).optional(),
    requester: z.string().max(200).optional(),
    agent: z.string().max(200).optional(),
    tier: z.union([z.literal(1), z.literal(2)]).default(1),
    escalated: z.boolean().default(false),
    createdAt: isoDateTime,
    firstResponseAt: isoDateTime.optional(),
    resolvedAt: isoDateTime.optional(),
    closedAt: isoDateTime.optional(),
    csat: z.number().int().min(1).max(5).optional(),
    reopened: z.number().int().min(0).max(1000).optional(),
    reassigned: z.number().int().min(0).max(1000).optional(),
    slaMet: z.boolean().optional(),
    knowledgeUsed: z.boolean().optional(),
    /** Minutes agents logged on the ticket (time tracking), when the source records it. */
    minutesLogged: z.number().int().min(0).max(1_000_000).optional(),
    lang: z.enum(['zh-CN', 'en']).optional(),
    /** How the problem was solved, when the helpdesk records it (used to draft articles). */
    resolution: z.string().max(20_000).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const field of ['firstResponseAt', 'resolvedAt', 'closedAt'] as const) {
      const value = t[field];
      if (value && value < t.createdAt)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `must not be before createdAt (${t.createdAt})` });
    }
  })
  .openapi('Ticket');

export type Ticket = z.output<typeof ticketSchema>;
export type TicketInput = z.input<typeof ticketSchema>;

export const linkSchema = z
  .object({
    ticket: ticketIdSchema,
    /** Optional when the ticket id is unique across sources. */
    source: z.enum(TICKET_SOURCES).optional(),
    article: articleIdSchema,
    relation: z.enum(LINK_RELATIONS),
  })
  .strict()
  .openapi('Link');
export type Link = z.output<typeof linkSchema>;

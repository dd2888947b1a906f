/**
 * The KCS solve loop's contracts (issue 17): flags on articles, the customers' vote comments
 * as staff see them, and the draft of an article from a ticket. The API validates with these
 * and the staff pages' islands read the same types.
 */
import { z } from './zod.ts';
import { ARTICLE_TYPES, LANGS, SLUG_PATTERN, TOPIC_ID_PATTERN, articleIdSchema } from '../content/article.ts';
import { VOTE_REASONS } from './vote-values.ts';
import { TICKET_SOURCES } from '../tickets/ticket.ts';

/** Why an agent flags an article. */
export const FLAG_REASONS = ['outdated', 'incorrect', 'incomplete', 'duplicate', 'unclear'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
/** How a flag was closed: fixed (by a newer review or edit) or dismissed (with a reason). */
export const FLAG_CLOSINGS = ['fixed', 'dismissed'] as const;
export const FLAG_STATUSES = ['open', 'closed'] as const;
/** Longest flag or closing note, in characters (the column is text; this bounds it). */
export const MAX_FLAG_NOTE = 2000;

const noteSchema = z.string().trim().max(MAX_FLAG_NOTE, `must be at most ${MAX_FLAG_NOTE} characters`);

/** POST /api/flags */
export const createFlagSchema = z
  .object({
    /** The article flagged, `<lang>/<slug>`. */
    article: articleIdSchema,
    reason: z.enum(FLAG_REASONS),
    /** What is wrong, in the agent's words. */
    note: noteSchema.optional(),
    /** The ticket the agent was working on, `<source>:<id>`, when there was one. */
    ticket: z
      .string()
      .max(80)
      .regex(
        new RegExp(`^(?:${TICKET_SOURCES.join('|')}):[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}$`),
        'must be <source>:<id>, such as zendesk:35436',
      )
      .optional(),
  })
  .strict()
  .openapi('FlagRequest');
export type CreateFlag = z.infer<typeof createFlagSchema>;

/** POST /api/flags/{id}/close; a dismissal says why. */
export const closeFlagSchema = z
  .object({ how: z.enum(FLAG_CLOSINGS), note: noteSchema.optional() })
  .strict()
  .refine((b) => b.how !== 'dismissed' || (b.note ?? '').length > 0, { message: 'required when dismissing: say why', path: ['note'] })
  .openapi('FlagClose');
export type CloseFlag = z.infer<typeof closeFlagSchema>;

/** GET /api/flags */
export const flagListQuerySchema = z.object({
  article: articleIdSchema.optional(),
  status: z.enum(FLAG_STATUSES).default('open'),
});

/** One flag as the API returns it. */
export const flagSchema = z
  .object({
    id: z.number().int(),
    article: z.string(),
    /** The article's title and owner from the served build; null when it is no longer published. */
    title: z.string().nullable(),
    owner: z.string().nullable(),
    reason: z.enum(FLAG_REASONS),
    note: z.string().nullable(),
    ticket: z.string().nullable(),
    status: z.enum(FLAG_STATUSES),
    createdAt: z.string(),
    createdBy: z.string(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    how: z.enum(FLAG_CLOSINGS).nullable(),
    closeNote: z.string().nullable(),
  })
  .openapi('Flag');
export type Flag = z.infer<typeof flagSchema>;

/** GET /api/feedback/comments */
export const commentListQuerySchema = z.object({
  article: articleIdSchema.optional(),
  handled: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .openapi({ description: 'false: the queue of unhandled comments; true: handled ones; absent: both' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A customer's vote comment, with its reason and whether staff have handled it. */
export const voteCommentSchema = z
  .object({
    id: z.number().int().openapi({ description: 'The vote id' }),
    article: z.string(),
    title: z.string().nullable(),
    helpful: z.boolean(),
    reason: z.enum(VOTE_REASONS).nullable(),
    comment: z.string(),
    lang: z.string().nullable(),
    /** When the comment was written (the vote's last change). */
    at: z.string(),
    handled: z.boolean(),
    handledAt: z.string().nullable(),
    handledBy: z.string().nullable(),
  })
  .openapi('VoteComment');
export type VoteComment = z.infer<typeof voteCommentSchema>;

/** POST /api/tickets/{source}/{id}/draft */
export const draftRequestSchema = z
  .object({
    type: z.enum(ARTICLE_TYPES),
    topic: z.string().regex(TOPIC_ID_PATTERN, 'must be a topic id from topics.yaml').max(80),
    lang: z.enum(LANGS),
    slug: z.string().regex(SLUG_PATTERN, 'must be lowercase kebab-case such as "reset-password"').max(100).optional(),
  })
  .strict()
  .openapi('DraftRequest');
export type DraftRequest = z.infer<typeof draftRequestSchema>;

/** The drafted article: where it goes in the repository, its text, and what was redacted (kinds and lines, never values). */
export const draftResponseSchema = z
  .object({
    path: z.string().openapi({ example: 'content/articles/en/printing-fails.mdx' }),
    mdx: z.string(),
    redactions: z.array(
      z.object({
        // One of core/text/redact.ts PERSONAL_DATA_KINDS; not imported, so the browser islands stay free of node:net.
        kind: z.string().openapi({ example: 'phone' }),
        field: z.enum(['subject', 'description', 'resolution', 'product']),
        line: z.number().int(),
        placeholder: z.string(),
      }),
    ),
  })
  .openapi('Draft');
export type DraftResponse = z.infer<typeof draftResponseSchema>;

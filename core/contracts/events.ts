/**
 * Request schemas of the public analytics endpoints (docs/design.md §3). Every string has a
 * bound that matches what the database stores; the OpenAPI document is generated from
 * these same schemas.
 */
import { z } from './zod.ts';
import { articleIdSchema, LANGS } from '../content/article.ts';
import { pathWithoutQuery } from '../text/plain-text.ts';
import { cleanTextSchema } from './clean-text.ts';
import { MAX_COMMENT_LENGTH, VOTE_REASONS } from './vote-values.ts';

export { MAX_COMMENT_LENGTH, VOTE_REASONS, type VoteReason } from './vote-values.ts';

const articleId = articleIdSchema.openapi({ example: 'zh-CN/reset-password', description: 'Article id, <lang>/<slug>' });
const lang = z.enum(LANGS).optional();

export const voteRequestSchema = z
  .object({
    article: articleId,
    helpful: z.boolean(),
    reason: z.enum(VOTE_REASONS).optional().openapi({ description: 'Only with helpful: false' }),
    comment: cleanTextSchema({ max: MAX_COMMENT_LENGTH }).optional().openapi({ description: 'Plain text, at most 1000 characters' }),
    lang,
  })
  .strict()
  .refine((v) => !(v.helpful && v.reason), { path: ['reason'], message: 'a reason can only be given with helpful: false' })
  .openapi('VoteRequest');
export type VoteRequest = z.infer<typeof voteRequestSchema>;

/** A search query, cleaned (core/text/plain-text.ts) before it is checked. */
const query = cleanTextSchema({ min: 1, max: 200 });
const rank = z.number().int().min(1).max(100);
const filters = z
  .record(cleanTextSchema({ max: 32 }), cleanTextSchema({ max: 64 }))
  .refine((f) => Object.keys(f).length <= 8, 'at most 8 filters')
  .optional();

/** Each event type with the fields it takes (all may carry lang). */
const eventTypes = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('page_view'),
        article: articleId.optional(),
        /** The page's path, stored without its query string or fragment. */
        path: z.string().startsWith('/').max(300).transform(pathWithoutQuery).optional(),
        referrer: cleanTextSchema({ max: 500 }).optional(),
        lang,
      })
      .strict(),
    z.object({ type: z.literal('search'), query, results: z.number().int().min(0).max(100_000), filters, lang }).strict(),
    z.object({ type: z.literal('search_click'), query, article: articleId, rank, lang }).strict(),
    z.object({ type: z.literal('contact_view'), lang }).strict(),
    z.object({ type: z.literal('suggestion_shown'), query, articles: z.array(articleId).min(1).max(20), lang }).strict(),
    z.object({ type: z.literal('suggestion_click'), article: articleId, rank, lang }).strict(),
    z.object({ type: z.literal('contact_solved'), article: articleId, lang }).strict(),
    z.object({ type: z.literal('contact_submitted'), ticket: cleanTextSchema({ max: 64 }).optional(), lang }).strict(),
  ])
  .openapi('Event', { description: 'A page view names either an article or a path.' });

/** The one rule the shapes above cannot say: a page view is of an article or of a path, not both. */
const PAGE_VIEW_RULE = { path: 'article', message: 'a page_view names either an article or a path' } as const;
const breaksPageViewRule = (e: z.infer<typeof eventTypes>) => e.type === 'page_view' && Boolean(e.article) === Boolean(e.path);

/** One event, with every rule. */
export const eventSchema = eventTypes.refine((e) => !breaksPageViewRule(e), {
  path: [PAGE_VIEW_RULE.path],
  message: PAGE_VIEW_RULE.message,
});
export type AnalyticsEvent = z.infer<typeof eventSchema>;
export const EVENT_TYPES = [
  'page_view',
  'search',
  'search_click',
  'contact_view',
  'suggestion_shown',
  'suggestion_click',
  'contact_solved',
  'contact_submitted',
] as const;

/**
 * A batch of 1–50 events. The page-view rule is checked once per batch rather than per event
 * (a refinement on each event cost about as much as the rest of its validation); the
 * issues it reports have the same paths, events.<i>.article.
 */
export const eventBatchSchema = z
  .object({ events: z.array(eventTypes).min(1, 'send 1 to 50 events').max(50, 'send 1 to 50 events') })
  .strict()
  .superRefine((batch, ctx) => {
    batch.events.forEach((e, i) => {
      if (breaksPageViewRule(e))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['events', i, PAGE_VIEW_RULE.path], message: PAGE_VIEW_RULE.message });
    });
  })
  .openapi('EventBatch');
export type EventBatch = z.infer<typeof eventBatchSchema>;

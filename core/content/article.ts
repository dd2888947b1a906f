/**
 * The article schema: the one definition of what an article's frontmatter may hold.
 * The site's content collection, the importers, the content checker and the API all
 * import it from here (docs/design.md §1), so a rule changes in one place.
 */
import { z } from 'zod';
import { describeIssues as describeFieldIssues } from '../validation.ts';

/** Languages the help center publishes, in the order they are offered. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Article types; each has its own list page. */
export const ARTICLE_TYPES = ['faq', 'manual', 'solution', 'training'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

/** KCS article states. Only `not-validated` and `validated` are published. */
export const KCS_STATES = ['wip', 'not-validated', 'validated', 'archived'] as const;
export type KcsState = (typeof KCS_STATES)[number];

export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Days between reviews when an article does not say (docs/design.md §1). */
export const DEFAULT_REVIEW_DAYS = 180;

/** A slug: lowercase letters, digits and single hyphens; it becomes part of the URL. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A topic id as used in content/topics.yaml. */
export const TOPIC_ID_PATTERN = SLUG_PATTERN;
/** A ticket id as helpdesks write them: `INC0012345`, `35436`, `zendesk:35436`. */
export const TICKET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}$/;

export const langSchema = z.enum(LANGS);

/** `<lang>/<slug>`: one of LANGS, a slash, a SLUG_PATTERN slug. */
export const ARTICLE_ID_PATTERN = new RegExp(`^(?:${LANGS.join('|')})/${SLUG_PATTERN.source.slice(1, -1)}$`);

/**
 * An article id, `<lang>/<slug>`, for example `zh-CN/reset-password`. A regex check rather
 * than a refinement: every vote and event carries ids, and zod's refinements cost several
 * times as much per call.
 */
export const articleIdSchema = z
  .string()
  .max(140)
  .regex(ARTICLE_ID_PATTERN, 'must be "<lang>/<slug>" with lang zh-CN or en and a lowercase kebab-case slug');

const topicIdSchema = z.string().regex(TOPIC_ID_PATTERN, 'must be a lowercase kebab-case topic id');

/** YAML dates arrive as Date (js-yaml, used by Astro) or as `YYYY-MM-DD` strings (yaml 1.2). */
const isoDateSchema = z.union([
  z.date(),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    // Date rolls 2026-02-31 over into March; a round trip catches it.
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, 'must be a real calendar date')
    .transform((s) => new Date(`${s}T00:00:00Z`)),
]).refine((d) => !Number.isNaN(d.getTime()), 'must be a real calendar date');

/** Numeric ticket ids in YAML (`tickets: [35436]`) are ids all the same. */
const ticketIdSchema = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(z.string().regex(TICKET_ID_PATTERN, 'must be a ticket id such as INC0012345 or zendesk:35436'));

const shortList = (max: number) => z.array(z.string().trim().min(1).max(max)).max(30).default([]);

/** Frontmatter as authors write it (docs/design.md §1). Unknown fields are rejected to catch typos. */
export const articleFrontmatterSchema = z
  .object({
    /** The problem in the customer's words; shown in lists, results and meta tags. */
    title: z.string().trim().min(1, 'must not be empty').max(200),
    /** The answer in one or two sentences. */
    summary: z.string().trim().min(1, 'must not be empty').max(500),
    /** faq · manual · solution · training */
    type: z.enum(ARTICLE_TYPES),
    /** The main topic, an id from content/topics.yaml. */
    topic: topicIdSchema,
    /** Further topics the article covers (training material often spans several). */
    topics: z.array(topicIdSchema).max(20).default([]),
    /** KCS state: wip · not-validated · validated · archived. */
    state: z.enum(KCS_STATES),
    /** internal articles never reach the public build. */
    audience: z.enum(AUDIENCES).default('public'),
    /** The same value in every language version of one article. */
    translationKey: z.string().regex(SLUG_PATTERN, 'must be lowercase kebab-case').max(100),
    /** Who keeps the article current. */
    owner: z.string().trim().min(1, 'must name who keeps the article current').max(100),
    /** Date of the last review. */
    reviewed: isoDateSchema,
    /** Days between reviews; overdue articles are flagged. */
    reviewEvery: z.number().int().min(1).max(3650).default(DEFAULT_REVIEW_DAYS),
    /**
     * When the article was first published (optional). The build manifest's `created` is
     * this date, or `reviewed` when it is absent (the earliest date the file vouches for), so
     * "known vs new" (an article existed before the ticket, docs/design.md §4) has a date for every article.
     */
    created: isoDateSchema.optional(),
    /** Ids of the tickets the article was written from (synced as created-from links). */
    tickets: z.array(ticketIdSchema).max(100).default([]),
    /** Free tags for search and filtering. */
    tags: shortList(50),
    /** Product names or editions the article applies to. */
    products: shortList(80),
    /** Shown under "Popular" on the home page until usage data ranks articles. */
    featured: z.boolean().default(false),
    /**
     * Where an imported article came from, with its licence (attribution). Importers set
     * it and only ever overwrite files that carry it, never hand-written ones.
     */
    source: z.string().trim().min(1).max(300).optional(),
  })
  .strict();

/** Frontmatter as authors write it. */
export type ArticleFrontmatterInput = z.input<typeof articleFrontmatterSchema>;
/** Frontmatter after parsing, with defaults filled in. */
export type ArticleFrontmatter = z.output<typeof articleFrontmatterSchema>;

/**
 * The schema with topic ids checked against a known taxonomy. Kept separate from the
 * base schema because the taxonomy is data (topics.yaml), read at build or check time.
 */
export function articleSchemaFor(topicIds: ReadonlySet<string>) {
  return articleFrontmatterSchema.superRefine((article, ctx) => {
    if (!topicIds.has(article.topic)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['topic'], message: `unknown topic "${article.topic}" (not in topics.yaml)` });
    }
    article.topics.forEach((topic, i) => {
      if (!topicIds.has(topic)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['topics', i], message: `unknown topic "${topic}" (not in topics.yaml)` });
      }
    });
  });
}

/** Published = visible to readers at its URL (KCS: not-validated articles are shown, marked). */
export function isPublished(state: KcsState): boolean {
  return state === 'not-validated' || state === 'validated';
}

/** Whether an article is built at all: published or archived (archived keeps its URL, with a banner). */
export function isBuilt(state: KcsState): boolean {
  return state !== 'wip';
}

/** Splits an article id into its language and slug. */
export function parseArticleId(id: string): { lang: Lang; slug: string } {
  const [lang, slug] = id.split('/') as [Lang, string];
  return { lang, slug };
}

/** An article's frontmatter issues as `field: message` lines (core/validation.ts), an issue about the whole block as `(frontmatter)`. */
export function describeIssues(error: z.ZodError): string[] {
  return describeFieldIssues(error, '(frontmatter)');
}

/**
 * GET /api/popular: the articles customers viewed most in the last 30 days, per language
 * (issue 15, "Popular articles" on the language home pages). An empty list means there
 * is no usage data yet: the page keeps the hand-set `featured` list it was built with.
 */
import { z } from 'zod';
import { LANGS } from '../content/article.ts';

/** The window "popular" looks back over, in days. */
export const POPULAR_DAYS = 30;
/** Most articles one answer lists. */
export const POPULAR_MAX = 20;

export const popularQuerySchema = z.object({
  lang: z.enum(LANGS),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(POPULAR_MAX, `must be at most ${POPULAR_MAX}`)
    .default(6),
});
export type PopularQuery = z.infer<typeof popularQuerySchema>;

export const popularArticleSchema = z.object({
  article: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  views: z.number().int(),
});
export type PopularArticle = z.infer<typeof popularArticleSchema>;

export const popularResponseSchema = z.object({
  /** Start of the window (ISO instant); it ends now. */
  since: z.string(),
  results: z.array(popularArticleSchema),
});
export type PopularResponse = z.infer<typeof popularResponseSchema>;

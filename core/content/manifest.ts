/**
 * The build manifest (`<dist>/kb-build/manifest.json`): the contract between a site build and
 * the API that serves it. The API validates it on load with this schema.
 */
import { z } from 'zod';
import { ARTICLE_TYPES, AUDIENCES, KCS_STATES, LANGS } from './article.ts';

export const manifestArticleSchema = z.object({
  id: z.string(),
  lang: z.enum(LANGS),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  type: z.enum(ARTICLE_TYPES),
  topic: z.string(),
  topics: z.array(z.string()),
  state: z.enum(KCS_STATES),
  audience: z.enum(AUDIENCES),
  /** Published and not archived: shown in lists and search. */
  listed: z.boolean(),
  translationKey: z.string(),
  owner: z.string(),
  reviewed: z.string(),
  reviewEvery: z.number(),
  /**
   * YYYY-MM-DD the article was created: frontmatter `created` ?? `reviewed`. Optional so a
   * manifest written before it existed still loads; readers fall back to `reviewed`.
   */
  created: z.string().optional(),
  /** The source file under the articles folder (`en/reset-password.md`), for "edit" links; older manifests lack it. */
  file: z.string().optional(),
  tickets: z.array(z.string()),
  tags: z.array(z.string()),
});

export const buildManifestSchema = z.object({
  version: z.literal(1),
  builtAt: z.string(),
  audience: z.enum(AUDIENCES),
  articles: z.array(manifestArticleSchema),
});

export type ManifestArticle = z.infer<typeof manifestArticleSchema>;
export type BuildManifest = z.infer<typeof buildManifestSchema>;

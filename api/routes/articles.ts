/** GET /api/articles (mounted at /articles): the published public articles of the served build. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../lib/http/router.ts';
import { ARTICLE_TYPES, KCS_STATES, LANGS } from '../../core/content/article.ts';
import type { AppDeps } from '../context.ts';

export const articleSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'zh-CN/reset-password' }),
    title: z.string(),
    summary: z.string(),
    url: z.string().openapi({ example: '/zh-CN/articles/reset-password/' }),
    lang: z.enum(LANGS),
    type: z.enum(ARTICLE_TYPES),
    topic: z.string(),
    state: z.enum(KCS_STATES),
  })
  .openapi('ArticleSummary');

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'List published public articles',
  request: {
    query: z.object({
      lang: z.enum(LANGS).optional().openapi({ description: 'Only articles in this language' }),
      type: z.enum(ARTICLE_TYPES).optional(),
      topic: z.string().max(64).optional(),
    }),
  },
  responses: {
    200: { description: 'Articles, in id order', content: { 'application/json': { schema: z.array(articleSummarySchema) } } },
  },
});

export function articleRoutes({ catalog }: AppDeps) {
  return newRouter().openapi(listRoute, (c) => {
    const { lang, type, topic } = c.req.valid('query');
    const articles = catalog.listed
      .filter(
        (a) =>
          a.audience === 'public' &&
          (!lang || a.lang === lang) &&
          (!type || a.type === type) &&
          (!topic || a.topic === topic || a.topics.includes(topic)),
      )
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(({ id, title, summary, url, lang: l, type: t, topic: tp, state }) => ({
        id,
        title,
        summary,
        url,
        lang: l,
        type: t,
        topic: tp,
        state,
      }));
    return c.json(articles, 200);
  });
}

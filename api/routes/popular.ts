/**
 * GET /api/popular (public): the articles customers viewed most in the last 30 days, per
 * language, from the page-view roll-ups (docs/design.md, the self-service metrics' views).
 * The language home pages ask it for "Popular articles" and keep their built `featured`
 * list when the answer is empty (no usage data yet). Only listed public articles a
 * customer may be offered: training material stays with agents (issue 15).
 */
import { createRoute } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { articleViews } from '../db/queries/metrics-events.ts';
import { catchUpRollups } from '../db/queries/rollups.ts';
import { errorResponses } from '../lib/http/openapi.ts';
import { newRouter } from '../lib/http/router.ts';
import {
  POPULAR_DAYS,
  POPULAR_MAX,
  popularQuerySchema,
  popularResponseSchema,
  type PopularResponse,
} from '../../core/contracts/popular.ts';
import type { Lang } from '../../core/content/article.ts';

/** An answer is computed at most this often per language: the roll-ups move in quarter hours. */
const FRESH_MS = 5 * 60_000;

const popularRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'The articles customers viewed most in the last 30 days (published public articles, training left out), most viewed first',
  request: { query: popularQuerySchema },
  responses: {
    200: {
      description: 'Most viewed first; an empty list when there are no page views yet (show the featured articles)',
      content: { 'application/json': { schema: popularResponseSchema } },
    },
    ...errorResponses(400),
  },
});

export function popularRoutes(ctx: AppContext) {
  const { db, catalog, now } = ctx;
  const cache = new Map<Lang, { at: number; since: string; ranked: PopularResponse['results'] }>();
  const offered = (id: string) => {
    const a = catalog.byId.get(id);
    return !!a && a.listed && a.audience === 'public' && a.type !== 'training';
  };
  async function ranked(lang: Lang) {
    const at = now().getTime();
    const hit = cache.get(lang);
    if (hit && at - hit.at < FRESH_MS) return hit;
    await catchUpRollups(db);
    const end = new Date(at).toISOString();
    const since = new Date(at - POPULAR_DAYS * 86_400_000).toISOString();
    const views = await articleViews(db, since, end, lang);
    const list = [...views]
      .filter(([id, n]) => n > 0 && offered(id))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, POPULAR_MAX)
      .map(([id, n]) => {
        const a = catalog.byId.get(id)!;
        return { article: id, title: a.title, summary: a.summary, url: a.url, views: n };
      });
    const entry = { at, since, ranked: list };
    cache.set(lang, entry);
    return entry;
  }
  return newRouter().openapi(popularRoute, async (c) => {
    const { lang, limit } = c.req.valid('query');
    const { since, ranked: list } = await ranked(lang);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ since, results: list.slice(0, limit) }, 200);
  });
}

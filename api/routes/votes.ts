/** POST /api/votes and GET /api/votes/summary: "Was this helpful?" */
import { z } from '@hono/zod-openapi';
import type { AppContext } from '../app.ts';
import { ApiError } from '../lib/http/errors.ts';
import { readJson } from '../lib/http/body.ts';
import { newRouter } from '../lib/http/router.ts';
import { plainText } from '../../core/text/plain-text.ts';
import { helpfulRate } from '../metrics/helpful-rate.ts';
import { voteCounts } from '../db/queries/votes.ts';
import { voteRequestSchema } from '../../core/contracts/events.ts';
import { articleIdSchema } from '../../core/content/article.ts';
import { errorResponses } from '../lib/http/openapi.ts';

const summarySchema = z
  .object({
    article: z.string(),
    helpful: z.number().int(),
    notHelpful: z.number().int(),
    helpfulRate: z.number().nullable().openapi({ description: 'null under 5 votes' }),
  })
  .openapi('VoteSummary');

export function voteRoutes(ctx: AppContext) {
  const { catalog, identifier, writers, limits, now } = ctx;
  const router = newRouter();

  router.post('/votes', async (c) => {
    const at = now();
    const vote = await readJson(c, voteRequestSchema);
    if (!catalog.byId.has(vote.article))
      throw new ApiError(422, 'unknown_article', `No published article has the id "${vote.article}"`, [
        { field: 'article', message: 'unknown article' },
      ]);
    const who = await identifier.identify(c, at);
    if (who.drop) {
      await writers.drops(who.day, { [who.drop]: 1 });
      return c.json({ ok: true, recorded: false }, 202);
    }
    const limit = limits.votes.consume(who.visitor, at.getTime());
    if (!limit.allowed) {
      await writers.drops(who.day, { 'rate-limited': 1 });
      throw new ApiError(429, 'rate_limited', `Too many votes; try again in ${limit.retryAfter} s`, [], {
        'Retry-After': String(limit.retryAfter),
      });
    }
    const outcome = await writers.vote({
      article: vote.article,
      visitor: who.visitor,
      day: who.day,
      helpful: vote.helpful,
      reason: vote.helpful ? null : (vote.reason ?? null),
      comment: plainText(vote.comment),
      lang: vote.lang ?? catalog.byId.get(vote.article)!.lang,
      at: at.toISOString(),
    });
    return c.json({ ok: true }, outcome === 'created' ? 201 : 200);
  });

  router.get('/votes/summary', async (c) => {
    const parsed = articleIdSchema.safeParse(c.req.query('article') ?? '');
    if (!parsed.success)
      throw new ApiError(400, 'invalid_request', 'article: give an article id such as zh-CN/reset-password', [
        { field: 'article', message: parsed.error.issues[0]!.message },
      ]);
    const article = parsed.data;
    if (!catalog.byId.has(article))
      throw new ApiError(422, 'unknown_article', `No published article has the id "${article}"`, [
        { field: 'article', message: 'unknown article' },
      ]);
    const counts = await voteCounts(ctx.db, article);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ article, ...counts, helpfulRate: helpfulRate(counts.helpful, counts.helpful + counts.notHelpful) });
  });

  router.openAPIRegistry.registerPath({
    method: 'post',
    path: '/votes',
    summary: 'Record whether an article helped (one vote per visitor, article and day; a re-vote replaces it)',
    request: { body: { content: { 'application/json': { schema: voteRequestSchema } } } },
    responses: {
      201: { description: 'Vote recorded', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
      200: { description: 'Earlier vote of the day replaced' },
      202: { description: 'Accepted but not recorded (Do Not Track / Global Privacy Control, or a bot)' },
      ...errorResponses(400, 413, 415, 422, 429, 503),
    },
  });
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/votes/summary',
    summary: 'Vote counts of one article',
    request: { query: z.object({ article: articleIdSchema }) },
    responses: { 200: { description: 'Counts', content: { 'application/json': { schema: summarySchema } } }, ...errorResponses(400, 422) },
  });
  return router;
}

/** POST /api/votes and GET /api/votes/summary (mounted at /votes): "Was this helpful?" */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import { ApiError } from '../lib/http/errors.ts';
import { jsonBody } from '../lib/http/request-parts.ts';
import { newRouter } from '../lib/http/router.ts';
import { bot, ingestPipeline, privacySignal, rateLimit, rateLimited, visitor } from '../lib/ingest/pipeline.ts';
import { plainText } from '../../core/text/plain-text.ts';
import { helpfulRate } from '../metrics/helpful-rate.ts';
import { voteCounts } from '../db/queries/votes.ts';
import { voteRequestSchema, type VoteRequest } from '../../core/contracts/events.ts';
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

const voteRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Record whether an article helped (one vote per visitor, article and day; a re-vote replaces it)',
  request: { body: jsonBody(voteRequestSchema) },
  responses: {
    201: { description: 'Vote recorded', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    200: { description: 'Earlier vote of the day replaced' },
    202: { description: 'Accepted but not recorded (Do Not Track / Global Privacy Control, or a bot)' },
    ...errorResponses(400, 413, 415, 422, 429, 503),
  },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/summary',
  summary: 'Vote counts of one article',
  request: { query: z.object({ article: articleIdSchema }) },
  responses: { 200: { description: 'Counts', content: { 'application/json': { schema: summarySchema } } }, ...errorResponses(400, 422) },
});

const unknownArticle = (article: string) =>
  new ApiError(422, 'unknown_article', `No published article has the id "${article}"`, [{ field: 'article', message: 'unknown article' }]);

export function voteRoutes(ctx: AppContext) {
  const { catalog, identifier, writers, limits, now } = ctx;
  const router = newRouter();

  // A vote's article is checked before any step, with a 422 rather than a drop: the widget
  // only ever sends the id of the page it is on, so an unknown id is a client's mistake.
  const pipeline = ingestPipeline<VoteRequest, 'created' | 'replaced'>({
    steps: [privacySignal(identifier), bot(identifier), visitor(identifier), rateLimit(limits.votes, identifier)],
    write: function write({ items, visitor: id, day, at }) {
      const { article, helpful, reason, comment, lang } = items[0]!;
      return writers.vote({
        article,
        visitor: id,
        day,
        helpful,
        reason: helpful ? null : (reason ?? null),
        comment: plainText(comment),
        lang: lang ?? catalog.byId.get(article)!.lang,
        at: at.toISOString(),
      });
    },
    countDrops: writers.drops,
  });

  router.openapi(voteRoute, async (c) => {
    const at = now();
    const vote = c.req.valid('json');
    if (!catalog.byId.has(vote.article)) throw unknownArticle(vote.article);
    const outcome = await pipeline.run(c, at, [vote]);
    if (!outcome.recorded) {
      if (outcome.reason === 'rate-limited') throw rateLimited('votes', outcome.retryAfter!);
      return c.json({ ok: true, recorded: false }, 202);
    }
    return c.json({ ok: true as const }, outcome.result === 'created' ? 201 : 200);
  });

  router.openapi(
    summaryRoute,
    async (c) => {
      const { article } = c.req.valid('query');
      if (!catalog.byId.has(article)) throw unknownArticle(article);
      const counts = await voteCounts(ctx.db, article);
      c.header('Cache-Control', 'public, max-age=60');
      return c.json({ article, ...counts, helpfulRate: helpfulRate(counts.helpful, counts.helpful + counts.notHelpful) }, 200);
    },
    // A bad id is answered with an example of a good one: whoever reads it is placing the widget.
    (result) => {
      if (!result.success)
        throw new ApiError(400, 'invalid_request', 'article: give an article id such as zh-CN/reset-password', [
          { field: 'article', message: result.error.issues[0]!.message },
        ]);
      return undefined;
    },
  );
  return router;
}
